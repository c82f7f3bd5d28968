import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import '../src/elements/delivery-breakdown/msg-delivery-breakdown.js';
import type { Filters } from '../src/core/contract/types.js';
import { emptyHandlers, errorHandlers, getDefaultDataset, loadingHandlers } from '../mock/handlers.js';

interface Args {
  groupBy: string;
  sort: string;
  lang: string;
  preset: string;
  timezone: string;
  heading: string;
}

const render = (args: Args, filters: Filters = {}, extra: { theme?: string; patterns?: boolean } = {}) =>
  html`<msg-report
    endpoint="/api"
    lang=${args.lang}
    preset=${args.preset}
    timezone=${args.timezone}
    theme=${ifDefined(extra.theme)}
    ?patterns=${extra.patterns ?? false}
    .filters=${filters}
  >
    <msg-delivery-breakdown
      group-by=${args.groupBy}
      sort=${args.sort}
      heading=${ifDefined(args.heading || undefined)}
    ></msg-delivery-breakdown>
  </msg-report>`;

/**
 * Delivery of outgoing messages per group — channel, source, type, subtype or broadcast: sent,
 * delivered, read and failed as counts and rates, in a table sortable by any column (click a
 * header, or Tab to it and press Enter) and as 100 % stacked bars. A status none of a group's
 * channels reports reads "not reported", never 0 %. Every story runs against the mocked contract
 * (MSW) over the seeded demo data set.
 */
const meta: Meta<Args> = {
  title: 'Elements/msg-delivery-breakdown',
  component: 'msg-delivery-breakdown',
  args: { groupBy: 'channel', sort: 'total descending', lang: 'es', preset: 'last_30_days', timezone: 'America/Mexico_City', heading: '' },
  argTypes: {
    groupBy: { control: 'inline-radio', options: ['channel', 'source', 'type', 'subtype', 'broadcast'] },
    sort: {
      control: 'select',
      options: ['total descending', 'label ascending', 'sent descending', 'delivered descending', 'read ascending', 'failed descending'],
    },
    lang: { control: 'select', options: ['es', 'es-MX', 'en', 'en-US', 'pt', 'pt-BR'] },
    preset: {
      control: 'select',
      options: ['today', 'yesterday', 'last_7_days', 'last_14_days', 'last_30_days', 'this_month', 'last_month'],
    },
  },
  render: (args) => render(args),
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};

/** By channel: SMS and email report no Read, so their Read cells say "not reported". */
export const ByChannel: Story = {};

/** "Which template is read least": WhatsApp templates and Facebook tags, by Read rate, lowest first. */
export const TemplateReadLeast: Story = { args: { groupBy: 'subtype', sort: 'read ascending' } };

/** "Which broadcast failed most": broadcasts by Failed rate, highest first. */
export const BroadcastFailedMost: Story = { args: { groupBy: 'broadcast', sort: 'failed descending' } };

export const BySource: Story = { args: { groupBy: 'source' } };
export const ByType: Story = { args: { groupBy: 'type' } };

/** Narrowed by the report's filters: the channels whose providers report no read receipts. */
export const ChannelsWithoutReadReceipts: Story = {
  render: (args) =>
    render(args, {
      channel: getDefaultDataset()
        .channels.filter((channel) => !channel.reports.includes('read'))
        .map((channel) => channel.id),
    }),
};

export const English: Story = { args: { lang: 'en' } };
export const Portuguese: Story = { args: { lang: 'pt' } };

/** The built-in dark theme. */
export const Dark: Story = { render: (args) => render(args, {}, { theme: 'dark' }) };

/** `patterns`: each status's part of a bar has its own pattern, so they are told apart without colour. */
export const Patterns: Story = { render: (args) => render(args, {}, { patterns: true }) };

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

/** A grouping the element does not know is explained in the element, in the report's language. */
export const InvalidGroupBy: Story = { args: { groupBy: 'contact' } };

/** A partner's single view: the element alone, with `endpoint` on itself. */
export const Standalone: Story = {
  render: (args) =>
    html`<msg-delivery-breakdown endpoint="/api" lang=${args.lang} preset="last_14_days" group-by="broadcast"></msg-delivery-breakdown>`,
};
