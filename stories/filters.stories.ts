import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';
import { createHandlers, getDefaultDataset } from '../mock/handlers.js';
import type { MsgReportFilters } from '../src/elements/filters/report-filters.js';

interface Args {
  lang: string;
  preset: string;
  timezone: string;
}

/** The filters element of the story, once it has rendered its report's state. */
async function filtersIn(canvas: HTMLElement): Promise<{ filters: MsgReportFilters; root: ShadowRoot }> {
  await customElements.whenDefined('msg-report-filters');
  const filters = canvas.querySelector('msg-report-filters')!;
  await filters.updateComplete;
  return { filters, root: filters.shadowRoot! };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Date range (presets or a custom range), "Add filter" with values searched through the endpoint,
 * removable chips and "Clear all". Every story runs inside a `<msg-report>` with two charts, so a
 * change shows at once, against the mocked contract (MSW) over the seeded demo data set.
 */
const meta: Meta<Args> = {
  title: 'Elements/msg-report-filters',
  component: 'msg-report-filters',
  args: { lang: 'es', preset: 'last_7_days', timezone: 'America/Mexico_City' },
  argTypes: {
    lang: { control: 'select', options: ['es', 'es-MX', 'en', 'en-US', 'en-GB', 'pt', 'pt-BR'] },
    preset: {
      control: 'select',
      options: ['today', 'yesterday', 'last_7_days', 'last_14_days', 'last_30_days', 'this_month', 'last_month'],
    },
    timezone: { control: 'select', options: ['America/Mexico_City', 'America/Sao_Paulo', 'America/Santiago', 'Europe/Madrid', 'UTC'] },
  },
  render: (args) =>
    html`<msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone}>
      <msg-report-filters></msg-report-filters>
      <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics bar"></msg-breakdown-chart>
      <msg-breakdown-chart direction="outgoing" group-by="source" show="metrics pie"></msg-breakdown-chart>
    </msg-report>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};

/** Values restored from a shared link: chips show names looked up from the endpoint. */
export const WithActiveFilters: Story = {
  render: (args) =>
    html`<msg-report
      endpoint="/api"
      lang=${args.lang}
      preset="last_30_days"
      timezone=${args.timezone}
      .filters=${{ channel: ['ch_1', 'ch_3'], source: ['bot', 'broadcast'], type: ['whatsapp_template'] }}
    >
      <msg-report-filters></msg-report-filters>
      <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics bar"></msg-breakdown-chart>
      <msg-breakdown-chart direction="outgoing" group-by="source" show="metrics pie"></msg-breakdown-chart>
    </msg-report>`,
};

/** The date range list, open (a select-only combobox in a popover: no ancestor clips it). */
export const RangeListOpen: Story = {
  async play({ canvasElement }) {
    const { filters, root } = await filtersIn(canvasElement);
    root.querySelector<HTMLElement>('#range-combo')!.click();
    await filters.updateComplete;
  },
};

/** "Add filter", then Channel: the searchable value list with its first match pointed at. */
export const AddFilterOpen: Story = {
  async play({ canvasElement }) {
    const { filters, root } = await filtersIn(canvasElement);
    root.querySelector<HTMLElement>('#add-button')!.click();
    await filters.updateComplete;
    root.querySelector<HTMLElement>('[role="menuitem"]')!.click();
    await filters.updateComplete;
    const search = root.querySelector<HTMLInputElement>('#search')!;
    search.value = 'whats';
    search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    // Past the debounce, until the answer is listed.
    for (let i = 0; i < 50 && !root.querySelector('#options [role="option"]'); i++) await wait(100);
    await wait(300);
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await filters.updateComplete;
  },
};

/** A custom range that ends before it starts: the message sits next to the inputs; nothing applies. */
export const CustomRangeInvalid: Story = {
  args: { lang: 'en' },
  async play({ canvasElement }) {
    const { filters, root } = await filtersIn(canvasElement);
    root.querySelector<HTMLElement>('#range-combo')!.click();
    await filters.updateComplete;
    root.querySelector<HTMLElement>('#range-option-custom')!.click();
    await filters.updateComplete;
    const from = root.querySelector<HTMLInputElement>('#from')!;
    const to = root.querySelector<HTMLInputElement>('#to')!;
    [from.value, to.value] = [to.value, from.value];
    root.querySelector<HTMLElement>('[part~="apply"]')!.click();
    await filters.updateComplete;
  },
};

/** Names carrying markup, script URLs, formula prefixes, RTL overrides and very long text stay text. */
export const HostileLabels: Story = {
  beforeEach({ msw }) {
    msw.use(...createHandlers({ baseUrl: '/api', dataset: getDefaultDataset({ hostile: true }) }));
  },
  render: (args) =>
    html`<msg-report
      endpoint="/api"
      lang=${args.lang}
      preset=${args.preset}
      timezone=${args.timezone}
      .filters=${{ channel: ['ch_7', 'ch_12', 'ch_3', 'ch_11'] }}
    >
      <msg-report-filters></msg-report-filters>
      <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics bar"></msg-breakdown-chart>
    </msg-report>`,
  async play({ canvasElement }) {
    const { filters, root } = await filtersIn(canvasElement);
    root.querySelector<HTMLElement>('#add-button')!.click();
    await filters.updateComplete;
    root.querySelector<HTMLElement>('[role="menuitem"]')!.click();
    await filters.updateComplete;
  },
};

export const English: Story = { args: { lang: 'en' } };
export const Portuguese: Story = { args: { lang: 'pt', timezone: 'America/Sao_Paulo' } };

/** Filters placed elsewhere in the page, naming their report with `for`. */
export const LinkedWithFor: Story = {
  render: (args) =>
    html`<div>
      <msg-report-filters for="story-report"></msg-report-filters>
      <hr />
      <msg-report id="story-report" endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone}>
        <msg-breakdown-chart direction="outgoing" group-by="channel" show="metrics bar"></msg-breakdown-chart>
      </msg-report>
    </div>`,
};

/** Inside a box that clips its overflow: the popups still show whole (Popover API, top layer). */
export const InsideAClippingBox: Story = {
  render: (args) =>
    html`<div class="clip">
      <style>
        .clip {
          height: 120px;
          overflow: hidden;
          border: 1px dashed #999;
          padding: 8px;
        }
      </style>
      <msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone}>
        <msg-report-filters></msg-report-filters>
      </msg-report>
    </div>`,
  play: RangeListOpen.play!,
};

/** Theming through public custom properties. */
export const Themed: Story = {
  render: (args) =>
    html`<div class="themed">
      <style>
        .themed {
          --msg-accent-color: #047857;
          --msg-radius: 2px;
          --msg-font-family: Georgia, serif;
          --msg-surface-color: #fffdf7;
        }
      </style>
      <msg-report endpoint="/api" lang=${args.lang} preset=${args.preset} timezone=${args.timezone} .filters=${{ source: ['user'] }}>
        <msg-report-filters></msg-report-filters>
      </msg-report>
    </div>`,
};
