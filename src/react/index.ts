/**
 * React components for every element (`import { MsgMessagesReport } from 'msg-report/react'`),
 * made with `@lit/react`: React props set the elements' properties (objects such as `filters`,
 * `dataSource` and `getToken` included), and `on…` props listen to their events with typed details.
 * Importing this module defines the tags.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { MsgReport as ReportElement } from '../elements/report/msg-report.js';
import { MsgReportFilters as FiltersElement } from '../elements/filters/msg-report-filters.js';
import { MsgBreakdownChart as BreakdownElement } from '../elements/breakdown-chart/msg-breakdown-chart.js';
import { MsgDeliveryLine as DeliveryElement } from '../elements/delivery-line/msg-delivery-line.js';
import { MsgActivityHeatmap as ActivityHeatmapElement } from '../elements/activity-heatmap/msg-activity-heatmap.js';
import { MsgDeliveryBreakdown as DeliveryBreakdownElement } from '../elements/delivery-breakdown/msg-delivery-breakdown.js';
import { MsgTable as TableElement } from '../elements/table/msg-table.js';
import { MsgMessagesReport as MessagesReportElement } from '../elements/messages-report/msg-messages-report.js';
import type {
  MsgChartRenderedEvent,
  MsgContactSelectEvent,
  MsgDataExportEvent,
  MsgErrorEvent,
  MsgPointSelectEvent,
  MsgReadyEvent,
  MsgStateChangeEvent,
} from '../elements/shared/events.js';

/** The React prop for each event, typed with its detail. */
const events = {
  onError: 'msg-error' as EventName<MsgErrorEvent>,
  onStateChange: 'msg-state-change' as EventName<MsgStateChangeEvent>,
  onReady: 'msg-ready' as EventName<MsgReadyEvent>,
};
const chartEvents = {
  ...events,
  onPointSelect: 'msg-point-select' as EventName<MsgPointSelectEvent>,
  onChartRendered: 'msg-chart-rendered' as EventName<MsgChartRenderedEvent>,
};
const tableEvents = {
  ...events,
  onContactSelect: 'msg-contact-select' as EventName<MsgContactSelectEvent>,
  onDataExport: 'msg-data-export' as EventName<MsgDataExportEvent>,
};

export const MsgReport = createComponent({ react: React, tagName: 'msg-report', elementClass: ReportElement, events });

export const MsgReportFilters = createComponent({ react: React, tagName: 'msg-report-filters', elementClass: FiltersElement, events });

export const MsgBreakdownChart = createComponent({
  react: React,
  tagName: 'msg-breakdown-chart',
  elementClass: BreakdownElement,
  events: chartEvents,
});

export const MsgDeliveryLine = createComponent({
  react: React,
  tagName: 'msg-delivery-line',
  elementClass: DeliveryElement,
  events: { ...events, onChartRendered: chartEvents.onChartRendered },
});

export const MsgActivityHeatmap = createComponent({
  react: React,
  tagName: 'msg-activity-heatmap',
  elementClass: ActivityHeatmapElement,
  events: { ...events, onChartRendered: chartEvents.onChartRendered },
});

export const MsgDeliveryBreakdown = createComponent({
  react: React,
  tagName: 'msg-delivery-breakdown',
  elementClass: DeliveryBreakdownElement,
  events: { ...events, onChartRendered: chartEvents.onChartRendered },
});

export const MsgTable = createComponent({ react: React, tagName: 'msg-table', elementClass: TableElement, events: tableEvents });

export const MsgMessagesReport = createComponent({
  react: React,
  tagName: 'msg-messages-report',
  elementClass: MessagesReportElement,
  events: { ...tableEvents, onPointSelect: chartEvents.onPointSelect },
});
