/** Plain-text tables of a run, for the terminal. */
import type { BenchResults, SuiteResult } from './results.js';

function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function labelsText(labels: Readonly<Record<string, string | number>> | undefined): string {
  return labels ? Object.entries(labels).map(([key, value]) => `${key}=${value}`).join(' ') : '';
}

export function renderSuite(suite: SuiteResult): string {
  const measurements = renderTable(
    ['measurement', 'where', 'value', 'unit'],
    suite.measurements.map((m) => [m.name, labelsText(m.labels), String(m.value), m.unit]),
  );
  const parts = [`== ${suite.suite} (${(suite.durationMs / 1_000).toFixed(1)} s)`, measurements];
  if (suite.targets.length > 0) {
    parts.push(renderTable(['target', 'wanted', 'actual', 'result'], suite.targets.map((t) => [t.name, t.target, `${t.actual} ${t.unit}`, t.met ? 'met' : 'MISSED'])));
  }
  if (suite.notes.length > 0) parts.push(suite.notes.map((note) => `note: ${note}`).join('\n'));
  return parts.join('\n\n');
}

export function renderResults(results: BenchResults): string {
  const { machine } = results;
  const head = `swirl bench (${results.mode}) ${results.date}\n${machine.cpus} x ${machine.cpuModel}, ${machine.memoryTotalMB} MB, node ${machine.node}, load average ${machine.loadAverage1mAtStart.toFixed(2)} at start, ${results.packages} packages`;
  return [head, ...results.suites.map(renderSuite)].join('\n\n');
}
