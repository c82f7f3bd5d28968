import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { createHandlers, emptyHandlers, errorHandlers, getDefaultDataset, loadingHandlers } from '../mock/handlers.js';

interface Args {
  lang: string;
  preset: string;
  crossFilter: boolean;
  noTrend: boolean;
  noBroadcasts: boolean;
  noDeliveryBreakdown: boolean;
  noActivity: boolean;
}

/**
 * The whole Messages report in one tag, as on the original page: filters; incoming messages;
 * outgoing messages with their grouping; delivery over time; the three lists. Beside them, issue
 * 12's views, each after the part it explains and each switched off by an attribute: the outgoing
 * grouping over time (`no-trend`), broadcasts on the delivery line (`no-broadcasts`), delivery per
 * group (`no-delivery-breakdown`), activity by day and hour (`no-activity`). Every story runs
 * against the mocked contract over the seeded demo data set.
 */
const meta: Meta<Args> = {
  title: 'Elements/msg-messages-report',
  component: 'msg-messages-report',
  args: {
    lang: 'es',
    preset: 'last_7_days',
    crossFilter: true,
    noTrend: false,
    noBroadcasts: false,
    noDeliveryBreakdown: false,
    noActivity: false,
  },
  argTypes: {
    lang: { control: 'select', options: ['es', 'es-MX', 'en', 'en-US', 'en-GB', 'pt', 'pt-BR'] },
    preset: {
      control: 'select',
      options: ['today', 'yesterday', 'last_7_days', 'last_14_days', 'last_30_days', 'this_month', 'last_month'],
    },
  },
  render: (args) =>
    html`<msg-messages-report
      endpoint="/api"
      timezone="America/Mexico_City"
      lang=${args.lang}
      preset=${args.preset}
      ?cross-filter=${args.crossFilter}
      ?no-trend=${args.noTrend}
      ?no-broadcasts=${args.noBroadcasts}
      ?no-delivery-breakdown=${args.noDeliveryBreakdown}
      ?no-activity=${args.noActivity}
      data-export-href="#data-export"
    ></msg-messages-report>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};
export const English: Story = { args: { lang: 'en' } };
export const Portuguese: Story = { args: { lang: 'pt' } };
export const LastMonth: Story = { args: { preset: 'last_month' } };

/**
 * Only the original page's sections: the host switched issue 12's views off (`no-trend
 * no-broadcasts no-delivery-breakdown no-activity`). The report then asks for none of their data
 * and loads none of their code.
 */
export const WithoutNewViews: Story = {
  args: { noTrend: true, noBroadcasts: true, noDeliveryBreakdown: true, noActivity: true },
};

/** The whole report in the built-in dark theme (`theme="dark"`; by default it follows `prefers-color-scheme`). */
export const Dark: Story = {
  render: (args) =>
    html`<msg-messages-report
      endpoint="/api"
      timezone="America/Mexico_City"
      lang=${args.lang}
      preset=${args.preset}
      theme="dark"
      ?cross-filter=${args.crossFilter}
    ></msg-messages-report>`,
};

/** Filters restored from a saved state: the report opens already filtered. */
export const Filtered: Story = {
  render: (args) =>
    html`<msg-messages-report
      endpoint="/api"
      timezone="America/Mexico_City"
      lang=${args.lang}
      state='{"preset":"last_30_days","filters":{"source":["broadcast","workflow"]}}'
    ></msg-messages-report>`,
};

/** A phone-sized screen. */
export const Narrow: Story = {
  render: (args) =>
    html`<div style="width: 360px; border: 1px dashed #9ca3af">
      <msg-messages-report endpoint="/api" timezone="America/Mexico_City" lang=${args.lang}></msg-messages-report>
    </div>`,
};

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
    msw.use(...errorHandlers('/api', 503));
  },
};

/** Names and contents carrying markup, script URLs, formula prefixes, RTL and very long text. */
export const HostileData: Story = {
  args: { preset: 'last_30_days' },
  beforeEach({ msw }) {
    msw.use(...createHandlers({ baseUrl: '/api', dataset: getDefaultDataset({ hostile: true }) }));
  },
};

/** Bad settings: every element says what is wrong, in the report's language. */
export const InvalidSettings: Story = {
  render: () => html`<msg-messages-report endpoint="/api" timezone="Mars/Olympus" from="2026-11-20" to="2026-11-01"></msg-messages-report>`,
};
