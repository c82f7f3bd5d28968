/** What `<msg-table>`'s table shows and what its controls do, and the event its body fires. */
import type { MessageKind, MessageRow, Order } from '../../core/contract/types.js';
import type { Lang } from '../../i18n/locales.js';
import type { ErrorExplainer } from '../../i18n/provider-errors.js';
import type { TableItem } from './table.types.js';

/** The rows the body holds changed: `last` is the index of the last one (the paging loads ahead of it). */
export class RangeChangedEvent extends Event {
  constructor(
    readonly first: number,
    readonly last: number,
  ) {
    super('rangeChanged');
  }
}

/** What the table shows and what its controls do. */
export interface TableView {
  readonly kind: MessageKind;
  readonly order: Order;
  readonly lang: Lang;
  readonly timeZone: string;
  /** What known error codes mean in `lang`, once loaded (the failed log). */
  readonly explain: ErrorExplainer | undefined;
  /** The table's accessible name (the element's heading). */
  readonly label: string;
  /** The rows held, then placeholders up to the rows expected. */
  readonly items: TableItem[];
  /** The query's listing: one for a new query starts at the top; the same query refreshed keeps the scroll. */
  readonly listing: { readonly params: object };
  /** A newer answer is loading: the table stays, dimmed. */
  readonly busy: boolean;
  /** Ids of the rows whose long content shows in full. */
  readonly expanded: ReadonlySet<string>;
  readonly onToggleOrder: () => void;
  readonly onToggleExpanded: (id: string) => void;
  readonly onSelectContact: (row: MessageRow) => void;
  /** The body holds other rows now (a {@link RangeChangedEvent}). */
  readonly onRangeChanged: (event: RangeChangedEvent) => void;
}
