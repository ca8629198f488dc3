/**
 * The Gantt chart: one row per activity, timer, child workflow and lambda (a thin segment while
 * scheduled, a full bar once started), coloured by outcome; decision tasks as ticks on the axis.
 * Only the rows in view are drawn, so a run with thousands of them scrolls smoothly.
 */
import { scaleTime } from 'd3-scale';
import { useState } from 'preact/hooks';
import { isBadOutcome, type TimelineModel, type TimelineRow } from '../model/timeline-model.js';

const ROW = 22;
const LABEL = 260;
const AXIS = 28;
const WIDTH = 1100;
const VIEW_ROWS = 24;
const OVERSCAN = 8;

const seconds = (row: TimelineRow, from: number | undefined) => (from === undefined ? '' : `${((row.closed ?? from) - from).toFixed(3)} s`);

function title(row: TimelineRow): string {
  const waited = row.started === undefined ? '' : `, waited ${(row.started - row.scheduled).toFixed(3)} s`;
  const ran = row.started === undefined ? '' : `, ran ${seconds(row, row.started)}`;
  return `${row.label}: ${row.outcome}${row.closedBy ? ` (${row.closedBy})` : ''}${waited}${ran}`;
}

export function Timeline({ model }: { readonly model: TimelineModel }) {
  const [scrollTop, setScrollTop] = useState(0);
  const x = scaleTime()
    .domain([new Date(model.start * 1000), new Date(model.end * 1000)])
    .range([LABEL, WIDTH - 12]);
  const at = (secondsSinceEpoch: number) => x(new Date(secondsSinceEpoch * 1000));
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(model.rows.length, Math.ceil((scrollTop + VIEW_ROWS * ROW) / ROW) + OVERSCAN);
  const failed = model.rows.filter((row) => isBadOutcome(row.outcome)).length;
  const ticks = x.ticks(8);
  const format = x.tickFormat();
  return (
    <div class="timeline" data-testid="timeline" data-rows={model.rows.length} data-failed={failed}>
      <p class="muted">
        {model.rows.length} row{model.rows.length === 1 ? '' : 's'} ({failed} failed or timed out), {model.ticks.length} decision task{model.ticks.length === 1 ? '' : 's'}
        <span class="legend">
          {['completed', 'running', 'failed', 'timedOut', 'canceled', 'fired'].map((outcome) => (
            <span class={`swatch ${outcome}`}>{outcome}</span>
          ))}
        </span>
      </p>
      <svg width={WIDTH} height={AXIS} class="axis">
        {ticks.map((tick) => (
          <g transform={`translate(${x(tick)},0)`}>
            <line y1={AXIS - 6} y2={AXIS} />
            <text y={12} text-anchor="middle">
              {format(tick)}
            </text>
          </g>
        ))}
        {model.ticks.map((tick) => (
          <line class={`decision-tick ${tick.outcome}`} data-decision-tick={tick.eventId} x1={at(tick.at)} x2={at(tick.at)} y1={16} y2={AXIS}>
            <title>decision task {tick.outcome} (event {tick.eventId})</title>
          </line>
        ))}
      </svg>
      <div class="timeline-rows" style={{ height: `${Math.min(model.rows.length, VIEW_ROWS) * ROW + 2}px` }} onScroll={(event) => setScrollTop((event.currentTarget as HTMLElement).scrollTop)}>
        <svg width={WIDTH} height={model.rows.length * ROW}>
          {model.rows.slice(first, last).map((row, index) => {
            const y = (first + index) * ROW;
            const end = at(row.closed ?? model.end);
            const started = row.started === undefined ? undefined : at(row.started);
            return (
              <g key={row.openedEventId} transform={`translate(0,${y})`} data-bar={row.kind} data-outcome={row.outcome} data-failed={isBadOutcome(row.outcome) ? 'true' : undefined}>
                <title>{title(row)}</title>
                <text x={4} y={15} class={`row-label ${row.kind}`}>
                  {row.label.length > 40 ? `${row.label.slice(0, 39)}…` : row.label}
                </text>
                <rect class={`wait ${row.outcome}`} x={at(row.scheduled)} y={9} width={Math.max(1, (started ?? end) - at(row.scheduled))} height={4} />
                {started !== undefined && <rect class={`bar ${row.outcome}`} x={started} y={3} width={Math.max(2, end - started)} height={16} rx={2} />}
                {row.kind === 'timer' && started === undefined && <rect class={`bar ${row.outcome}`} x={at(row.scheduled)} y={5} width={Math.max(2, end - at(row.scheduled))} height={12} rx={6} />}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
