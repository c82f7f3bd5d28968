/**
 * English messages: the reference set. Every other language must provide the same keys (the type
 * checker enforces it). `{name}` placeholders are filled by `translate`.
 *
 * The base part: what every element uses (filters, lists, states, problems). What only the charts
 * and the composed report use is in messages.charts.en.ts, which a page without charts never
 * loads (issue 11).
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

  'state.loading': 'Loading…',
  'state.slow': 'Taking longer than usual.',
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
  'problem.unknownLang': 'there are no texts in “{value}”: they show in Spanish, while numbers and dates follow {value}.',
  'problem.badLang': 'attribute lang must be a BCP 47 language tag such as es-MX or en-US, not “{value}”.',
  'problem.noReport': 'no msg-report element has the id “{value}”.',
  'problem.drillOutsideRange':
    'the period these lists were narrowed to lies outside the report’s range: they show every message of the range.',
  'problem.drillClipped': 'the period these lists are narrowed to reached outside the report’s range: they show only its part inside it.',
  'problem.drillOutsideFilters':
    'the group these lists were narrowed to is outside the report’s filters: they show every message the filters allow.',

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
  'filters.searchPlaceholder': 'Type to search…',
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

  // <msg-table>: keys `table.*`
  'table.title.incoming': 'Incoming messages list',
  'table.title.outgoing': 'Outgoing messages list',
  'table.title.failed': 'Failed messages log',
  'table.column.timestamp': 'Timestamp',
  'table.column.source': 'Source',
  'table.column.user': 'User',
  'table.column.contactId': 'Contact ID',
  'table.column.contactName': 'Contact name',
  'table.column.deliveredAt': 'Delivered timestamp',
  'table.column.readAt': 'Read timestamp',
  'table.column.channel': 'Channel',
  'table.column.type': 'Type',
  'table.column.subtype': 'Subtype',
  'table.column.content': 'Content',
  'table.column.error': 'Error',
  'table.summary': 'Messages: {count}',
  'table.capNotice':
    'Showing {shown} of {total} messages. The report table generates at most {cap} rows; if you need more data, use Data Export.',
  'table.dataExport': 'Data Export',
  'table.sort.showAsc': 'Show oldest first',
  'table.sort.showDesc': 'Show newest first',
  'table.moreColumns': 'More columns',
  'table.download': 'Download CSV',
  'table.downloadProgress': 'Preparing the CSV: {loaded} of {total} rows…',
  'table.groupsProgress': 'Counting failures: {loaded} of {total} messages…',
  'table.cancel': 'Cancel',
  'table.downloadFailed': 'The CSV could not be prepared. {reason}',
  'table.loadMoreFailed': 'More messages could not be loaded. {reason}',
  'table.groupByError': 'Group by error code',
  'table.groups.caption': 'Failures by error code',
  'table.groups.scope': 'Counted over all {count} failed messages of the query.',
  'table.groups.scopeCapped': 'Counted over the first {count} of {total} failed messages (the list’s limit).',
  'table.groups.code': 'Error code',
  'table.groups.message': 'Message',
  'table.groups.count': 'Failures',
  'table.groups.percent': 'Percent',
  'table.showMore': 'Show all',
  'table.showLess': 'Show less',
  'table.hrefAllowed': 'an http(s) or relative URL',
  'table.fileName.incoming': 'incoming-messages',
  'table.fileName.outgoing': 'outgoing-messages',
  'table.fileName.failed': 'failed-messages',
  // </msg-table>

  // <drill> "See these messages" (issue 12): the lists narrowed to a figure
  'drill.showing': 'Showing: {what}',
  'drill.clear': 'Show all messages again',
  'drill.notApplicable': 'This list cannot narrow to “{what}”: incoming messages have no delivery status, source, type or broadcast.',
  'drill.status.sent': 'Sent',
  'drill.status.delivered': 'Delivered',
  'drill.status.read': 'Read',
  'drill.status.failed': 'Failed',
  'drill.status.not-delivered': 'Not delivered',
  'drill.status.not-read': 'Delivered, not read',
  'drill.misfit.drillOutsideRange':
    'The period these lists were narrowed to lies outside the report’s range: they show every message of the range.',
  'drill.misfit.drillClipped':
    'The period these lists are narrowed to reached outside the report’s range: they show only its part inside it.',
  'drill.misfit.drillOutsideFilters':
    'The group these lists were narrowed to is outside the report’s filters: they show every message the filters allow.',
  // </drill>
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
