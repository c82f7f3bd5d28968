/** Floor of the filters + table page: Lit alone (no ECharts). */
import { FloorElement } from './floor.js';

customElements.define('size-floor', FloorElement);
document.body.append(document.createElement('size-floor'));
