import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import { createHandlers, emptyHandlers, errorHandlers, getDefaultDataset, loadingHandlers } from '../mock/handlers.js';

interface Args {
  direction: string;
  groupBy: string;
  show: string;
  lang: string;
  preset: string;
  timezone: string;
  heading: string;
}

/**
 * Messages by channel, source, type or subtype: a metrics strip, a bar chart and a pie chart.
 * Every story runs against the mocked contract (MSW) over the seeded demo data set.
 */
const meta: Meta<Args> = {
  title: 'Elements/msg-breakdown-chart',
  component: 'msg-breakdown-chart',
  args: {
    direction: 'outgoing',
    groupBy: 'source',
    show: 'metrics bar pie',
    lang: 'es',
    preset: 'last_30_days',
    timezone: 'America/Mexico_City',
    heading: '',
  },
  argTypes: {
    direction: { control: 'inline-radio', options: ['incoming', 'outgoing'] },
    groupBy: { control: 'inline-radio', options: ['channel', 'source', 'type', 'subtype'] },
    lang: { control: 'select', options: ['es', 'es-MX', 'en', 'en-US', 'en-GB', 'pt', 'pt-BR'] },
    preset: {
      control: 'select',
      options: ['today', 'yesterday', 'last_7_days', 'last_14_days', 'last_30_days', 'this_month', 'last_month'],
    },
  },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone}>
      <msg-breakdown-chart
        direction=${args.direction}
        group-by=${args.groupBy}
        show=${args.show}
        heading=${ifDefined(args.heading || undefined)}
      ></msg-breakdown-chart>
    </msg-report>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};

export const IncomingByChannel: Story = { args: { direction: 'incoming', groupBy: 'channel' } };
export const OutgoingByChannel: Story = { args: { groupBy: 'channel' } };
export const OutgoingByType: Story = { args: { groupBy: 'type' } };
export const OutgoingBySubtype: Story = { args: { groupBy: 'subtype' } };

export const MetricsOnly: Story = { args: { show: 'metrics' } };
export const PieOnly: Story = { args: { show: 'pie' } };
/** The groups over time: the top five sources and "Others" per day, from `/breakdown-trend`. */
export const Trend: Story = { args: { show: 'metrics trend' } };
/** Channels over the last 7 days, the trend alone. */
export const TrendByChannel: Story = { args: { groupBy: 'channel', show: 'trend', preset: 'last_7_days' } };
export const English: Story = { args: { lang: 'en' } };
export const Portuguese: Story = { args: { lang: 'pt' } };

export const Loading: Story = {
  // An endpoint that never answers: its screenshot (test/node/stories.test.ts) is taken once the loading state shows.
  parameters: { pictures: { waitFor: 'loading' } },
  beforeEach({ msw }) {
    msw.use(...loadingHandlers('/api'));
  },
};

/**
 * An endpoint that never answers. A quarter of the report's `timeout` in (here 2 s of 8 s; by
 * default 5 s of 30 s), the element says it is taking longer than usual; at the deadline it shows
 * the error with Retry.
 */
export const TakingLonger: Story = {
  // Its screenshot (test/node/stories.test.ts) waits until the element says so.
  parameters: { pictures: { waitFor: 'slow' } },
  beforeEach({ msw }) {
    msw.use(...loadingHandlers('/api'));
  },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone} timeout="8">
      <msg-breakdown-chart direction=${args.direction} group-by=${args.groupBy} show=${args.show}></msg-breakdown-chart>
    </msg-report>`,
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
  args: { direction: 'incoming', groupBy: 'channel' },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} .filters=${{ source: ['broadcast'] }}>
      <msg-breakdown-chart direction=${args.direction} group-by=${args.groupBy}></msg-breakdown-chart>
    </msg-report>`,
};

/** Bad settings are explained in the element, in the report's language. */
export const InvalidSettings: Story = {
  render: () =>
    html`<msg-report endpoint="/api" timezone="Mars/Olympus" from="2026-11-20" to="2026-11-01">
      <msg-breakdown-chart direction="outgoing" group-by="source"></msg-breakdown-chart>
    </msg-report>`,
};

/** Incoming messages can only be grouped by channel. */
export const InvalidGrouping: Story = { args: { direction: 'incoming', groupBy: 'source' } };

/** A partner's single chart: the element alone, with `endpoint` on itself. */
export const Standalone: Story = {
  render: (args) =>
    html`<msg-breakdown-chart endpoint="/api" lang=${args.lang} direction="incoming" group-by="channel"></msg-breakdown-chart>`,
};

/** Names and contents carrying markup, script URLs, formula prefixes, RTL and very long text. */
export const HostileData: Story = {
  args: { direction: 'incoming', groupBy: 'channel' },
  beforeEach({ msw }) {
    msw.use(...createHandlers({ baseUrl: '/api', dataset: getDefaultDataset({ hostile: true }) }));
  },
};

/** Theming through public custom properties. */
export const Themed: Story = {
  render: (args) =>
    html`<div class="themed">
      <style>
        .themed msg-breakdown-chart {
          --msg-font-family: Georgia, serif;
          --msg-text-color: #f9fafb;
          --msg-muted-color: #d1d5db;
          --msg-border-color: #374151;
          --msg-surface-color: #111827;
          /* A dark surface: the scheme too, so every colour not set here takes its dark value. */
          --msg-color-scheme: dark;
          --msg-color-1: #f472b6;
          --msg-color-2: #38bdf8;
          --msg-color-3: #facc15;
          background: #111827;
          padding: 16px;
          display: block;
        }
      </style>
      <msg-report endpoint="/api" lang=${args.lang}>
        <msg-breakdown-chart direction="outgoing" group-by="source"></msg-breakdown-chart>
      </msg-report>
    </div>`,
};

/**
 * The built-in dark theme: `theme="dark"` on the report (without it, the report follows the
 * user's `prefers-color-scheme`). Each channel keeps its family's colour, lighter for the dark
 * surface.
 */
export const Dark: Story = {
  args: { direction: 'incoming', groupBy: 'channel' },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone} theme="dark">
      <msg-breakdown-chart direction=${args.direction} group-by=${args.groupBy} show=${args.show}></msg-breakdown-chart>
    </msg-report>`,
};

/** Decal patterns on every bar and slice (`patterns`; on by itself under `prefers-contrast: more`). */
export const Patterns: Story = {
  args: { direction: 'incoming', groupBy: 'channel' },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone} patterns>
      <msg-breakdown-chart direction=${args.direction} group-by=${args.groupBy} show=${args.show}></msg-breakdown-chart>
    </msg-report>`,
};
