import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import { emptyHandlers, errorHandlers, loadingHandlers } from '../mock/handlers.js';

interface Args {
  direction: string;
  lang: string;
  preset: string;
  timezone: string;
  heading: string;
}

const render = (args: Args) =>
  html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone}>
    <msg-activity-heatmap direction=${args.direction} heading=${ifDefined(args.heading || undefined)}></msg-activity-heatmap>
  </msg-report>`;

/**
 * When people write (issue 12): incoming or outgoing messages of the range per day of the week
 * and hour of the day, in the report's zone (daylight saving as the clock), for shift planning.
 * Monday first; day and hour names by the region of `lang`. Every story runs against the mocked
 * contract (MSW, `GET /activity`) over the seeded demo data set.
 */
const meta: Meta<Args> = {
  title: 'Elements/msg-activity-heatmap',
  component: 'msg-activity-heatmap',
  args: { direction: 'incoming', lang: 'es', preset: 'last_30_days', timezone: 'America/Mexico_City', heading: '' },
  argTypes: {
    direction: { control: 'inline-radio', options: ['incoming', 'outgoing'] },
    lang: { control: 'select', options: ['es', 'es-MX', 'en', 'en-US', 'en-GB', 'pt', 'pt-BR'] },
    preset: {
      control: 'select',
      options: ['today', 'yesterday', 'last_7_days', 'last_14_days', 'last_30_days', 'this_month', 'last_month'],
    },
  },
  render,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};
/** When the team and the automations send. */
export const Outgoing: Story = { args: { direction: 'outgoing' } };
/** A 12-hour clock and English day names (`en-US`). */
export const English: Story = { args: { lang: 'en-US' } };
export const Portuguese: Story = { args: { lang: 'pt-BR' } };
/** The same messages in another zone: every cell moves to that zone's wall clock. */
export const Madrid: Story = { args: { timezone: 'Europe/Madrid' } };

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

/** A direction the element does not know is explained in the element, in the report's language. */
export const InvalidDirection: Story = { args: { direction: 'sideways' } };

/** The built-in dark theme. */
export const Dark: Story = {
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone} theme="dark">
      <msg-activity-heatmap direction=${args.direction}></msg-activity-heatmap>
    </msg-report>`,
};

/** A partner's single chart: the element alone, with `endpoint` on itself. */
export const Standalone: Story = {
  render: (args) => html`<msg-activity-heatmap endpoint="/api" lang=${args.lang} preset="last_14_days"></msg-activity-heatmap>`,
};
