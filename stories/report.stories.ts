import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/index.js';

/**
 * `<msg-report>` renders nothing itself: it gives its elements one state and one client. Here it
 * drives an incoming and an outgoing breakdown; a third chart elsewhere on the page follows it
 * through `for`.
 */
const meta: Meta = {
  title: 'Elements/msg-report',
  component: 'msg-report',
};
export default meta;

export const TwoChartsOneReport: StoryObj = {
  render: () =>
    html`<msg-report id="story-report" endpoint="/api" timezone="America/Mexico_City" preset="last_14_days">
        <msg-breakdown-chart direction="incoming" group-by="channel" show="metrics pie"></msg-breakdown-chart>
        <msg-breakdown-chart direction="outgoing" group-by="type" show="metrics bar"></msg-breakdown-chart>
      </msg-report>
      <hr />
      <msg-breakdown-chart for="story-report" direction="outgoing" group-by="source" show="metrics"></msg-breakdown-chart>`,
};

export const Filtered: StoryObj = {
  render: () =>
    html`<msg-report endpoint="/api" .filters=${{ source: ['broadcast', 'workflow'] }}>
      <msg-breakdown-chart direction="outgoing" group-by="channel"></msg-breakdown-chart>
      <msg-breakdown-chart direction="incoming" group-by="channel"></msg-breakdown-chart>
    </msg-report>`,
};

/** Bad settings never throw: each element explains them and the report fires msg-error. */
export const InvalidSettings: StoryObj = {
  render: () =>
    html`<msg-report endpoint="javascript:alert(1)" timezone="Mars/Olympus" preset="last_year">
      <msg-breakdown-chart direction="incoming"></msg-breakdown-chart>
    </msg-report>`,
};

/** No endpoint at all. */
export const NoEndpoint: StoryObj = {
  render: () => html`<msg-report><msg-breakdown-chart direction="incoming"></msg-breakdown-chart></msg-report>`,
};

/**
 * "See these messages" (issue 12): each status tile's "Ver mensajes" (and "No entregados",
 * "Entregados, no leídos"), a click on a point of the line, a group tile's "Ver mensajes" or
 * Shift+click on a bar narrow only the lists below, with a chip; its ×, Escape or Back undo it.
 */
export const FromAFigureToItsMessages: StoryObj = {
  render: () =>
    html`<msg-report endpoint="/api" timezone="America/Mexico_City" preset="last_7_days">
      <msg-breakdown-chart direction="outgoing" group-by="source" show="metrics bar"></msg-breakdown-chart>
      <msg-delivery-line></msg-delivery-line>
      <msg-table kind="outgoing"></msg-table>
      <msg-table kind="incoming"></msg-table>
    </msg-report>`,
};

/** The lists already narrowed (a saved state): broadcasts delivered but not read; the incoming list says why it cannot follow. */
export const DrilledToDeliveredNotRead: StoryObj = {
  render: () =>
    html`<msg-report
      endpoint="/api"
      timezone="America/Mexico_City"
      state=${JSON.stringify({
        preset: 'last_7_days',
        drill: { group: { field: 'source', value: 'broadcast', label: 'Transmisión' }, status: 'not-read' },
      })}
    >
      <msg-table kind="outgoing"></msg-table>
      <msg-table kind="incoming"></msg-table>
    </msg-report>`,
};
