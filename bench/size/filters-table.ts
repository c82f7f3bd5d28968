/** Host page: a report with only the filters and a list (`msg-report/report`, `/filters`, `/table`). */
import '../../src/elements/report/msg-report.js';
import '../../src/elements/filters/msg-report-filters.js';
import '../../src/elements/table/msg-table.js';

const report = document.createElement('msg-report');
report.append(document.createElement('msg-report-filters'), document.createElement('msg-table'));
document.body.append(report);
