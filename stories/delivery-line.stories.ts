import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import type { Filters } from '../src/core/contract/types.js';
import { emptyHandlers, errorHandlers, getDefaultDataset, loadingHandlers } from '../mock/handlers.js';

interface Args {
  interval: string;
  noCompare: boolean;
  noBroadcasts: boolean;
  lang: string;
  preset: string;
  from: string;
  to: string;
  timezone: string;
  heading: string;
}

/** Channels of the demo data set whose provider reports no read receipts (SMS, email…). */
const channelsWithoutRead = (): string[] =>
  getDefaultDataset()
    .channels.filter((channel) => !channel.reports.includes('read'))
    .map((channel) => channel.id);

/** A custom range of `days` local days ending today (the demo data ends now). */
function lastDays(days: number): { from: string; to: string } {
  const day = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const today = new Date();
  return { from: day(new Date(today.getFullYear(), today.getMonth(), today.getDate() - days + 1)), to: day(today) };
}

const render = (args: Args, filters: Filters = {}) =>
  html`<msg-report
    endpoint="/api"
    lang=${args.lang}
    preset=${args.preset}
    from=${ifDefined(args.from || undefined)}
    to=${ifDefined(args.to || undefined)}
    timezone=${args.timezone}
    .filters=${filters}
  >
    <msg-delivery-line
      interval=${args.interval}
      ?no-compare=${args.noCompare}
      ?no-broadcasts=${args.noBroadcasts}
      heading=${ifDefined(args.heading || undefined)}
    ></msg-delivery-line>
  </msg-report>`;

/**
 * Delivery statuses of outgoing messages — sent, delivered, read, failed — as metrics (count,
 * percent of all outgoing, change against the previous period) and a line over time with the
 * last 30 days shaded. Every story runs against the mocked contract (MSW) over the seeded demo
 * data set.
 */
const meta: Meta<Args> = {
  title: 'Elements/msg-delivery-line',
  component: 'msg-delivery-line',
  args: {
    interval: 'auto',
    noCompare: false,
    noBroadcasts: false,
    lang: 'es',
    preset: 'last_30_days',
    from: '',
    to: '',
    timezone: 'America/Mexico_City',
    heading: '',
  },
  argTypes: {
    interval: { control: 'inline-radio', options: ['auto', 'hour', 'day', 'week', 'month'] },
    lang: { control: 'select', options: ['es', 'es-MX', 'en', 'en-US', 'en-GB', 'pt', 'pt-BR'] },
    preset: {
      control: 'select',
      options: ['today', 'yesterday', 'last_7_days', 'last_14_days', 'last_30_days', 'this_month', 'last_month'],
    },
    from: { control: 'text', description: 'Custom range: first day, YYYY-MM-DD (with `to`).' },
    to: { control: 'text', description: 'Custom range: last day, YYYY-MM-DD (with `from`).' },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};

/** Today, by hour (what `auto` picks for ranges up to two days). */
export const Hourly: Story = { args: { preset: 'today', interval: 'hour' } };
/** The last 30 days, by day. */
export const Daily: Story = { args: { interval: 'day' } };
/** Five months up to today, by week (what `auto` picks beyond 92 days). */
export const Weekly: Story = { args: { interval: 'week' }, render: (args) => render({ ...args, ...lastDays(150) }) };
/** A year up to today, by month: the last 30 days are only the end of the line. */
export const Monthly: Story = { args: { interval: 'month' }, render: (args) => render({ ...args, ...lastDays(365) }) };

/**
 * Why a spike: the broadcasts of the period (`GET /broadcasts`) as dashed marks at their send
 * time, one per bucket (numbered when it holds several); names and sizes in the tooltip, the arrow
 * keys' announcements and the table. Three months by week, so several share a mark.
 */
export const BroadcastMarks: Story = { args: { interval: 'week' }, render: (args) => render({ ...args, ...lastDays(92) }) };
/** A source filter without "broadcast": no broadcast is in scope, so no marks and no request for them. */
export const BroadcastsFilteredOut: Story = { render: (args) => render(args, { source: ['user', 'bot'] }) };
/** `no-broadcasts`: the host leaves the marks out. */
export const WithoutBroadcasts: Story = { args: { noBroadcasts: true } };

/** Email and SMS report no read receipts (Telegram and LINE no delivery either): "not reported", never 0 %. */
export const ChannelsWithoutReadReceipts: Story = {
  render: (args) => render(args, { channel: channelsWithoutRead() }),
};

export const English: Story = { args: { lang: 'en' } };
export const Portuguese: Story = { args: { lang: 'pt' } };
export const WithoutComparison: Story = { args: { noCompare: true } };

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

/** An interval the element does not know is explained in the element, in the report's language. */
export const InvalidInterval: Story = { args: { interval: 'minute' } };

/** A partner's single chart: the element alone, with `endpoint` on itself. */
export const Standalone: Story = {
  render: (args) => html`<msg-delivery-line endpoint="/api" lang=${args.lang} preset="last_14_days"></msg-delivery-line>`,
};

/** Theming through public custom properties. */
export const Themed: Story = {
  render: (args) =>
    html`<div class="themed">
      <style>
        .themed msg-delivery-line {
          --msg-font-family: Georgia, serif;
          --msg-text-color: #f9fafb;
          --msg-muted-color: #d1d5db;
          --msg-border-color: #374151;
          --msg-surface-color: #111827;
          /* A dark surface: the scheme too, so every colour not set here takes its dark value. */
          --msg-color-scheme: dark;
          --msg-accent-color: #38bdf8;
          --msg-color-1: #f472b6;
          --msg-color-2: #38bdf8;
          --msg-color-5: #facc15;
          background: #111827;
          padding: 16px;
          display: block;
        }
      </style>
      <msg-report endpoint="/api" lang=${args.lang} preset=${args.preset}>
        <msg-delivery-line></msg-delivery-line>
      </msg-report>
    </div>`,
};

/** The built-in dark theme (`theme="dark"` on the report; by default it follows `prefers-color-scheme`). */
export const Dark: Story = {
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone} theme="dark">
      <msg-delivery-line interval=${args.interval}></msg-delivery-line>
    </msg-report>`,
};

/** `patterns`: each status draws its own dash and symbol, so the lines are told apart without colour. */
export const Patterns: Story = {
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone} patterns>
      <msg-delivery-line interval=${args.interval}></msg-delivery-line>
    </msg-report>`,
};
