import type { Messages } from './messages.en.js';

/** Portuguese (Brazil) messages. */
export const pt: Messages = {
  'preset.today': 'Hoje',
  'preset.yesterday': 'Ontem',
  'preset.last_7_days': 'Últimos 7 dias',
  'preset.last_14_days': 'Últimos 14 dias',
  'preset.last_30_days': 'Últimos 30 dias',
  'preset.this_month': 'Este mês',
  'preset.last_month': 'Mês passado',

  'field.channel': 'Canal',
  'field.contact': 'Contato',
  'field.source': 'Origem da mensagem enviada',
  'field.type': 'Tipo da mensagem enviada',
  'field.team': 'Equipe',
  'field.user': 'Usuário',
  'field.broadcast': 'Nome da transmissão',

  'source.user': 'Usuário',
  'source.bot': 'Bot',
  'source.broadcast': 'Transmissão',
  'source.workflow': 'Fluxo de trabalho',
  'source.api': 'API',
  'source.zapier': 'Zapier',
  'source.echo': 'Echo',

  'type.session': 'Sessão',
  'type.facebook_message_tag': 'Tag de mensagem do Facebook',
  'type.whatsapp_template': 'Modelo de mensagem do WhatsApp',

  'status.sent': 'Enviada',
  'status.delivered': 'Entregue',
  'status.read': 'Lida',
  'status.failed': 'Falhou',

  'groupBy.channel': 'canal',
  'groupBy.source': 'origem',
  'groupBy.type': 'tipo',
  'groupBy.subtype': 'subtipo',

  'title.incoming': 'Mensagens recebidas por {groupBy}',
  'title.outgoing': 'Mensagens enviadas por {groupBy}',

  'chart.total': 'Total',
  'chart.count': 'Mensagens',
  'chart.percent': 'Percentual',
  'chart.group': 'Grupo',
  'chart.tableCaption': '{title}: tabela de dados',
  'chart.bar': 'Gráfico de barras: {title}',
  'chart.pie': 'Gráfico de pizza: {title}',
  'chart.metrics': 'Métricas: {title}',
  'chart.toolbar': 'Ações do gráfico: {title}',
  'chart.viewTable': 'Ver como tabela',
  'chart.downloadPng': 'Baixar PNG',
  'chart.downloadCsv': 'Baixar CSV',
  'chart.change': 'em relação ao período anterior: {change}',
  'chart.previous': 'Período anterior',
  'chart.changeColumn': 'Variação',
  'chart.other': 'Outros',

  'state.loading': 'Carregando…',
  'state.empty': 'Os filtros selecionados não têm dados aplicáveis.',
  'state.notApplicable': 'Os filtros selecionados não se aplicam aqui: {fields}.',
  'state.error': 'Não foi possível carregar os dados.',
  'state.retry': 'Tentar novamente',
  'state.invalid': 'O relatório não pode ser exibido: {reason}',

  'error.network': 'Não foi possível contatar o serviço de relatórios.',
  'error.timeout': 'O serviço de relatórios demorou demais para responder.',
  'error.unauthorized': 'Você não está conectado ou sua sessão expirou.',
  'error.forbidden': 'Você não tem acesso a este relatório.',
  'error.rateLimited': 'Muitas solicitações; tente novamente em instantes.',
  'error.server': 'O serviço de relatórios falhou (HTTP {status}).',
  'error.badRequest': 'O serviço de relatórios recusou a consulta: {detail}',
  'error.invalidResponse': 'O serviço de relatórios enviou uma resposta que este relatório não entende.',

  'problem.fromAfterTo': 'o dia inicial {from} é posterior ao dia final {to}.',
  'problem.rangeTooLong': 'o período abrange {days} dias; o máximo é {max}.',
  'problem.future': 'o período começa depois de hoje ({today}).',
  'problem.badDate': 'o atributo {name} deve ser um dia no formato AAAA-MM-DD, não “{value}”.',
  'problem.rangeIncomplete': 'um período personalizado precisa de from e to.',
  'problem.unknownZone': '“{value}” não é um fuso horário IANA conhecido.',
  'problem.badAttribute': 'o atributo {name} não pode ser “{value}”; use um destes: {allowed}.',
  'problem.badNow': 'o atributo now deve ser um instante ISO como 2026-11-26T15:00:00Z, não “{value}”.',
  'problem.badFilters': 'a propriedade filters deve associar campos de filtro a listas de valores: {detail}',
  'problem.noEndpoint': 'nenhum endpoint foi definido.',
  'problem.badEndpoint': 'o endpoint “{value}” não é uma URL http(s).',
  'problem.badState': 'parte do estado solicitado foi ignorada: {detail}.',
  'problem.unknownLang': 'o idioma “{value}” não está disponível; exibindo {fallback}.',
  'problem.noReport': 'nenhum elemento msg-report tem o id “{value}”.',

  'zone.label': 'Fuso horário: {zone}',

  // <msg-report-filters>: keys `filters.*`, added by that element
  // </msg-report-filters>

  // <msg-delivery-line>: keys `delivery.*`
  // </msg-delivery-line>

  // <msg-table>: keys `table.*`
  // </msg-table>
};
