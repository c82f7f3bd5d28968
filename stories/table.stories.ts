import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import { createHandlers, emptyHandlers, errorHandlers, getDefaultDataset, loadingHandlers } from '../mock/handlers.js';

interface Args {
  kind: string;
  order: string;
  pageSize: number;
  dataExportHref: string;
  heading: string;
  lang: string;
  preset: string;
  timezone: string;
}

/** `YYYY-MM-DD` of the day `daysAgo` before today (browser time: close enough for a story). */
function dayAgo(daysAgo: number): string {
  const date = new Date(Date.now() - daysAgo * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The incoming and outgoing message lists and the failed messages log: the original report's
 * columns, a virtualized body that pages by cursor while scrolling, time order both ways, the
 * 10,000-row cap notice with Data Export, CSV download and, on the failed log, failures by error
 * code. Every story runs against the mocked contract (MSW) over the seeded demo data set.
 */
const meta: Meta<Args> = {
  title: 'Elements/msg-table',
  component: 'msg-table',
  args: {
    kind: 'outgoing',
    order: 'desc',
    pageSize: 250,
    dataExportHref: '/settings/data-export',
    heading: '',
    lang: 'es',
    preset: 'last_7_days',
    timezone: 'America/Mexico_City',
  },
  argTypes: {
    kind: { control: 'inline-radio', options: ['incoming', 'outgoing', 'failed'] },
    order: { control: 'inline-radio', options: ['desc', 'asc'] },
    lang: { control: 'select', options: ['es', 'es-MX', 'en', 'en-US', 'en-GB', 'pt', 'pt-BR'] },
    preset: {
      control: 'select',
      options: ['today', 'yesterday', 'last_7_days', 'last_14_days', 'last_30_days', 'this_month', 'last_month'],
    },
  },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone}>
      <msg-table
        kind=${args.kind}
        order=${args.order}
        page-size=${args.pageSize}
        data-export-href=${ifDefined(args.dataExportHref || undefined)}
        heading=${ifDefined(args.heading || undefined)}
      ></msg-table>
    </msg-report>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};

export const Incoming: Story = { args: { kind: 'incoming' } };
export const Outgoing: Story = { args: { kind: 'outgoing' } };
/** The failed messages log; "Group by error code" counts every failure of the query. */
export const Failed: Story = { args: { kind: 'failed', preset: 'last_30_days' } };
export const OldestFirst: Story = { args: { order: 'asc' } };
export const English: Story = { args: { lang: 'en' } };
export const Portuguese: Story = { args: { lang: 'pt', kind: 'failed', preset: 'last_30_days' } };

/** A year of incoming messages: more than the 10,000 rows a list shows, so it says so. */
export const CapNotice: Story = {
  args: { kind: 'incoming' },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} timezone=${args.timezone} from=${dayAgo(364)} to=${dayAgo(0)}>
      <msg-table kind=${args.kind} data-export-href=${ifDefined(args.dataExportHref || undefined)}></msg-table>
    </msg-report>`,
};

/**
 * Data Export from the endpoint itself: with no `data-export-href`, the cap notice's action is a
 * download of every row of the query as the list's CSV (`/export/messages`), because the endpoint
 * (here the mocks) advertises it in `/capabilities`. A link's navigation does not pass through the
 * mock worker, so this story fetches the file through it (`msg-data-export`, prevented) and saves it.
 */
export const DataExportFromEndpoint: Story = {
  args: { kind: 'incoming', dataExportHref: '' },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} timezone=${args.timezone} from=${dayAgo(364)} to=${dayAgo(0)}>
      <msg-table kind=${args.kind} @msg-data-export=${saveThroughMocks}></msg-table>
    </msg-report>`,
};

/** Saves the export a `msg-data-export` event leads to, fetched through the mock worker. */
function saveThroughMocks(event: CustomEvent<{ href: string | undefined }>): void {
  const href = event.detail.href;
  if (!href) return;
  event.preventDefault();
  void fetch(href).then(async (response) => {
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
}

export const Loading: Story = {
  // An endpoint that never answers: its screenshot (test/node/stories.test.ts) is taken once the loading state shows.
  parameters: { pictures: { waitFor: 'loading' } },
  beforeEach({ msw }) {
    msw.use(...loadingHandlers('/api'));
  },
};

export const Empty: Story = {
  beforeEach({ msw }) {
    msw.use(...emptyHandlers('/api'));
  },
};

export const Error: Story = {
  beforeEach({ msw }) {
    msw.use(...errorHandlers('/api', 500));
  },
};

/** Incoming messages have no source: a source filter cannot apply, and no request is sent. */
export const NotApplicable: Story = {
  args: { kind: 'incoming' },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} .filters=${{ source: ['broadcast'] }}>
      <msg-table kind=${args.kind}></msg-table>
    </msg-report>`,
};

/** Bad attributes are explained in the element, in the report's language. */
export const InvalidSettings: Story = {
  render: () => html`<msg-report endpoint="/api"><msg-table kind="sent" page-size="5000"></msg-table></msg-report>`,
};

/** Names and contents carrying markup, script URLs, formula prefixes, RTL and very long text. */
export const HostileData: Story = {
  args: { kind: 'failed', preset: 'last_30_days', dataExportHref: 'javascript:alert(1)' },
  beforeEach({ msw }) {
    msw.use(...createHandlers({ baseUrl: '/api', dataset: getDefaultDataset({ hostile: true }) }));
  },
};

/** A partner's single list: the element alone, with `endpoint` on itself. */
export const Standalone: Story = {
  render: (args) => html`<msg-table endpoint="/api" lang=${args.lang} kind="incoming" preset="yesterday"></msg-table>`,
};

/** Theming through public custom properties. */
export const Themed: Story = {
  render: (args) =>
    html`<div class="themed">
      <style>
        .themed msg-table {
          --msg-text-color: #f9fafb;
          --msg-muted-color: #d1d5db;
          --msg-border-color: #374151;
          --msg-surface-color: #111827;
          --msg-accent-color: #93c5fd;
          --msg-table-header-color: #1f2937;
          --msg-table-stripe-color: #0b1220;
          --msg-table-height: 360px;
          background: #111827;
          padding: 16px;
          display: block;
        }
      </style>
      <msg-report endpoint="/api" lang=${args.lang}>
        <msg-table kind="outgoing"></msg-table>
      </msg-report>
    </div>`,
};
