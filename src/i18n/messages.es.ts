import type { Messages } from './messages.en.js';

/** Spanish messages; the wording of the original report where it has one. */
export const es: Messages = {
  'preset.today': 'Hoy',
  'preset.yesterday': 'Ayer',
  'preset.last_7_days': 'Los últimos 7 días',
  'preset.last_14_days': 'Últimos 14 días',
  'preset.last_30_days': 'Últimos 30 días',
  'preset.this_month': 'Este mes',
  'preset.last_month': 'El mes pasado',

  'field.channel': 'Canal',
  'field.contact': 'Contacto',
  'field.source': 'Origen del mensaje saliente',
  'field.type': 'Tipo de mensaje saliente',
  'field.team': 'Equipo',
  'field.user': 'Usuario',
  'field.broadcast': 'Nombre de transmisión',

  'source.user': 'Usuario',
  'source.bot': 'Bot',
  'source.broadcast': 'Broadcast',
  'source.workflow': 'Flujo de trabajo',
  'source.api': 'API',
  'source.zapier': 'Zapier',
  'source.echo': 'Echo Message',

  'type.session': 'Session',
  'type.facebook_message_tag': 'Facebook Message Tag',
  'type.whatsapp_template': 'WhatsApp Message Template',

  'status.sent': 'Enviado',
  'status.delivered': 'Entregado',
  'status.read': 'Leído',
  'status.failed': 'Fallido',

  'groupBy.channel': 'canal',
  'groupBy.source': 'fuente',
  'groupBy.type': 'tipo',
  'groupBy.subtype': 'subtipo',

  'title.incoming': 'Mensajes entrantes por {groupBy}',
  'title.outgoing': 'Mensajes salientes por {groupBy}',

  'chart.total': 'Total',
  'chart.count': 'Mensajes',
  'chart.percent': 'Porcentaje',
  'chart.group': 'Grupo',
  'chart.tableCaption': '{title}: tabla de datos',
  'chart.bar': 'Gráfico de barras: {title}',
  'chart.pie': 'Gráfico circular: {title}',
  'chart.metrics': 'Métricas: {title}',
  'chart.toolbar': 'Acciones del gráfico: {title}',
  'chart.viewTable': 'Ver como tabla',
  'chart.downloadPng': 'Descargar PNG',
  'chart.downloadCsv': 'Descargar CSV',
  'chart.change': 'frente al periodo anterior: {change}',
  'chart.previous': 'Periodo anterior',
  'chart.changeColumn': 'Cambio',
  'chart.other': 'Otros',

  'state.loading': 'Cargando…',
  'state.empty': 'Los filtros seleccionados no tienen datos aplicables.',
  'state.notApplicable': 'Los filtros seleccionados no son aplicables aquí: {fields}.',
  'state.error': 'No se pudieron cargar los datos.',
  'state.retry': 'Reintentar',
  'state.invalid': 'El reporte no puede mostrarse: {reason}',

  'error.network': 'No se pudo contactar al servicio de reportes.',
  'error.timeout': 'El servicio de reportes tardó demasiado en responder.',
  'error.unauthorized': 'No ha iniciado sesión o su sesión expiró.',
  'error.forbidden': 'No tiene acceso a este reporte.',
  'error.rateLimited': 'Demasiadas solicitudes; inténtelo de nuevo en unos momentos.',
  'error.server': 'El servicio de reportes falló (HTTP {status}).',
  'error.badRequest': 'El servicio de reportes rechazó la consulta: {detail}',
  'error.invalidResponse': 'El servicio de reportes envió una respuesta que este reporte no entiende.',

  'problem.fromAfterTo': 'el día inicial {from} es posterior al día final {to}.',
  'problem.rangeTooLong': 'el rango abarca {days} días; el máximo es {max}.',
  'problem.future': 'el rango empieza después de hoy ({today}).',
  'problem.badDate': 'el atributo {name} debe ser un día con formato AAAA-MM-DD, no «{value}».',
  'problem.rangeIncomplete': 'un rango personalizado necesita from y to.',
  'problem.unknownZone': '«{value}» no es una zona horaria IANA conocida.',
  'problem.badAttribute': 'el atributo {name} no puede ser «{value}»; use uno de: {allowed}.',
  'problem.badNow': 'el atributo now debe ser un instante ISO como 2026-11-26T15:00:00Z, no «{value}».',
  'problem.badFilters': 'la propiedad filters debe asociar campos de filtro a listas de valores: {detail}',
  'problem.noEndpoint': 'no se indicó el endpoint.',
  'problem.badEndpoint': 'el endpoint «{value}» no es una URL http(s).',
  'problem.badState': 'se ignoró parte del estado solicitado: {detail}.',
  'problem.unknownLang': 'el idioma «{value}» no está disponible; se muestra {fallback}.',
  'problem.noReport': 'ningún elemento msg-report tiene el id «{value}».',

  'zone.label': 'Zona horaria: {zone}',

  // <msg-report-filters>: keys `filters.*`, added by that element
  // </msg-report-filters>

  // <msg-delivery-line>: keys `delivery.*`
  // </msg-delivery-line>

  // <msg-table>: keys `table.*`
  // </msg-table>
};
