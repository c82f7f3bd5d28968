/** Host page: the whole report, as `import 'msg-report'` and one tag. */
import '../../src/index.js';

document.body.append(document.createElement('msg-messages-report'));
