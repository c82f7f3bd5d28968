/**
 * English messages: the reference set. Every other language must provide the same keys (the type
 * checker enforces it). `{name}` placeholders are filled by `translate`.
 */
export const en = {
  'preset.today': 'Today',
  'preset.yesterday': 'Yesterday',
  'preset.last_7_days': 'Last 7 days',
  'preset.last_14_days': 'Last 14 days',
  'preset.last_30_days': 'Last 30 days',
  'preset.this_month': 'This month',
  'preset.last_month': 'Last month',

  'field.channel': 'Channel',
  'field.contact': 'Contact',
  'field.source': 'Outgoing message source',
  'field.type': 'Outgoing message type',
  'field.team': 'Team',
  'field.user': 'User',
  'field.broadcast': 'Broadcast name',

  'source.user': 'User',
  'source.bot': 'Bot',
  'source.broadcast': 'Broadcast',
  'source.workflow': 'Workflow',
  'source.api': 'API',
  'source.zapier': 'Zapier',
  'source.echo': 'Echo',

  'type.session': 'Session',
  'type.facebook_message_tag': 'Facebook Message Tag',
  'type.whatsapp_template': 'WhatsApp Message Template',

  'status.sent': 'Sent',
  'status.delivered': 'Delivered',
  'status.read': 'Read',
  'status.failed': 'Failed',

  'groupBy.channel': 'channel',
  'groupBy.source': 'source',
  'groupBy.type': 'type',
  'groupBy.subtype': 'subtype',

  'title.incoming': 'Incoming messages by {groupBy}',
  'title.outgoing': 'Outgoing messages by {groupBy}',

  'chart.total': 'Total',
  'chart.count': 'Messages',
  'chart.percent': 'Percent',
  'chart.group': 'Group',
  'chart.tableCaption': '{title}: data table',
  'chart.bar': 'Bar chart: {title}',
  'chart.pie': 'Pie chart: {title}',
  'chart.metrics': 'Metrics: {title}',
  'chart.toolbar': 'Chart actions: {title}',
  'chart.viewTable': 'View as table',
  'chart.downloadPng': 'Download PNG',
  'chart.downloadCsv': 'Download CSV',
  'chart.change': 'vs. previous period: {change}',
  'chart.previous': 'Previous period',
  'chart.changeColumn': 'Change',
  'chart.other': 'Other',

  'state.loading': 'Loading…',
  'state.empty': 'The selected filters have no applicable data.',
  'state.notApplicable': 'The selected filters are not applicable here: {fields}.',
  'state.error': 'The data could not be loaded.',
  'state.retry': 'Retry',
  'state.invalid': 'The report cannot run: {reason}',

  'error.network': 'The reporting endpoint could not be reached.',
  'error.timeout': 'The reporting endpoint took too long to answer.',
  'error.unauthorized': 'You are not signed in, or your session expired.',
  'error.forbidden': 'You do not have access to this report.',
  'error.rateLimited': 'Too many requests; please try again shortly.',
  'error.server': 'The reporting endpoint failed (HTTP {status}).',
  'error.badRequest': 'The reporting endpoint rejected the query: {detail}',
  'error.invalidResponse': 'The reporting endpoint sent an answer this report does not understand.',

  'problem.fromAfterTo': 'the start day {from} is after the end day {to}.',
  'problem.rangeTooLong': 'the range spans {days} days; the most is {max}.',
  'problem.future': 'the range starts after today ({today}).',
  'problem.badDate': 'attribute {name} must be a day written YYYY-MM-DD, not “{value}”.',
  'problem.rangeIncomplete': 'a custom range needs both from and to.',
  'problem.unknownZone': '“{value}” is not a known IANA time zone.',
  'problem.badAttribute': 'attribute {name} cannot be “{value}”; use one of: {allowed}.',
  'problem.badNow': 'attribute now must be an ISO instant such as 2026-11-26T15:00:00Z, not “{value}”.',
  'problem.badFilters': 'the filters property must map filter fields to lists of values: {detail}',
  'problem.noEndpoint': 'no endpoint is set.',
  'problem.badEndpoint': 'endpoint “{value}” is not an http(s) URL.',
  'problem.badState': 'part of the requested state was ignored: {detail}.',
  'problem.unknownLang': 'language “{value}” is not available; showing {fallback}.',
  'problem.noReport': 'no msg-report element has the id “{value}”.',

  'zone.label': 'Time zone: {zone}',

  // <msg-report-filters>: keys `filters.*`, added by that element
  'filters.label': 'Report filters',
  'filters.range': 'Date range',
  'filters.custom': 'Custom range',
  'filters.days': '{from} – {to}',
  'filters.from': 'From',
  'filters.to': 'To',
  'filters.apply': 'Apply',
  'filters.cancel': 'Cancel',
  'filters.error.incomplete': 'Enter both days.',
  'filters.error.fromAfterTo': 'The start day must be on or before the end day.',
  'filters.error.tooLong': 'The range spans {days} days; choose at most {max}.',
  'filters.error.future': 'The start day is after today ({today}); choose a day up to today.',
  'filters.add': 'Add filter',
  'filters.fieldCount': '{field} ({count})',
  'filters.back': 'Back to the list of filters',
  'filters.search': 'Search {field}',
  'filters.searching': 'Searching…',
  'filters.noMatches': 'No matches.',
  'filters.results': 'Matches: {count}.',
  'filters.moreResults': 'Showing the first {count}; type to narrow the list.',
  'filters.loadError': 'The values could not be loaded.',
  'filters.retry': 'Retry',
  'filters.done': 'Done',
  'filters.active': 'Active filters',
  'filters.chip': '{field}: {value}',
  'filters.remove': 'Remove {field}: {value}',
  'filters.clearAll': 'Clear all',
  // </msg-report-filters>

  // <msg-delivery-line>: keys `delivery.*`
  // </msg-delivery-line>

  // <msg-table>: keys `table.*`
  // </msg-table>
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
