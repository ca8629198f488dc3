import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryLoadError, loadHistory, toSwirlHistoryExport } from '../../src/index.js';

const REAL_HISTORIES = resolve(import.meta.dirname, '../../../../test/fixtures/real-histories');
const BASIC = join(REAL_HISTORIES, 'simpleflow-basic.json');

let tmp: string;
let basicWire: { events: Array<Record<string, unknown>> };

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'swirl-load-history-'));
  basicWire = JSON.parse(await readFile(BASIC, 'utf8')) as typeof basicWire;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function isoEvents(events: ReadonlyArray<Record<string, unknown>>) {
  return events.map((event) => ({ ...event, eventTimestamp: new Date((event['eventTimestamp'] as number) * 1000).toISOString() }));
}

function expectBasicHistory(events: readonly HistoryEvent[]) {
  expect(events.map((event) => event.eventId)).toEqual(basicWire.events.map((event) => event['eventId']));
  expect(events[0]?.eventType).toBe('WorkflowExecutionStarted');
  expect(events[0]?.eventTimestamp).toEqual(new Date(1484676354156));
}

describe('loadHistory', () => {
  it('loads every real recorded SWF history and links every scheduled, started and decision id', async () => {
    const files = (await readdir(REAL_HISTORIES)).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const loaded = await loadHistory(join(REAL_HISTORIES, file));
      expect(loaded.events.length, file).toBeGreaterThan(0);
      expect(loaded.history.length).toBe(loaded.events.length);
      for (const event of loaded.events) {
        const attributes = Object.entries(event).find(([key]) => key.endsWith('EventAttributes'))?.[1] as Record<string, unknown>;
        const links = loaded.history.links(event);
        for (const field of ['scheduledEventId', 'startedEventId', 'decisionTaskCompletedEventId'] as const) {
          const target = attributes[field];
          if (typeof target === 'number' && target > 0) expect(links[field]?.eventId, `${file} event ${event.eventId} ${field}`).toBe(target);
        }
      }
    }
  });

  it('reads the AWS CLI v1 output: { events } with epoch-second timestamps', async () => {
    const loaded = await loadHistory(BASIC);
    expect(loaded.format).toBe('events-object');
    expect(loaded.source).toBe(BASIC);
    expect(loaded.workflowType).toEqual({ name: 'basic', version: 'example' });
    expectBasicHistory(loaded.events);
  });

  it('reads the AWS CLI v2 output with ISO 8601 timestamps', async () => {
    const loaded = await loadHistory({ events: isoEvents(basicWire.events) });
    expect(loaded.format).toBe('events-object');
    expectBasicHistory(loaded.events);
  });

  it('reads boto3 paginator pages, each with its own events', async () => {
    const pages = [
      { events: basicWire.events.slice(0, 4), nextPageToken: 'a', ResponseMetadata: { HTTPStatusCode: 200 } },
      { events: basicWire.events.slice(4), ResponseMetadata: { HTTPStatusCode: 200 } },
    ];
    const loaded = await loadHistory(pages);
    expect(loaded.format).toBe('boto3-pages');
    expectBasicHistory(loaded.events);
  });

  it('reads a bare array of SDK HistoryEvents with Date timestamps', async () => {
    const sdkEvents = (await loadHistory(BASIC)).events;
    const loaded = await loadHistory(sdkEvents);
    expect(loaded.format).toBe('event-array');
    expectBasicHistory(loaded.events);
  });

  it('puts a newest-first history (reverseOrder) back in event-id order', async () => {
    const loaded = await loadHistory({ events: [...basicWire.events].reverse() });
    expectBasicHistory(loaded.events);
  });

  it('reads JSON text and file: URLs as well as paths', async () => {
    expectBasicHistory((await loadHistory(JSON.stringify(basicWire))).events);
    expectBasicHistory((await loadHistory(pathToFileURL(BASIC))).events);
  });

  it("round-trips Swirl's own export with the domain, execution and workflow type", async () => {
    const events = (await loadHistory(BASIC)).events;
    const exported = toSwirlHistoryExport({
      domain: 'shop',
      execution: { workflowId: 'order-42', runId: 'run-1' },
      workflowType: { name: 'basic', version: 'example' },
      events: [...events].reverse(),
      exportedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(exported).toMatchObject({ format: 'swirl-history', version: 1, exportedAt: '2026-01-01T00:00:00.000Z' });
    expect(exported.events[0]).toMatchObject({ eventId: 1, eventTimestamp: 1484676354.156 });
    const file = join(tmp, 'export.json');
    await writeFile(file, JSON.stringify(exported));
    const loaded = await loadHistory(file);
    expect(loaded).toMatchObject({
      format: 'swirl-history',
      domain: 'shop',
      execution: { workflowId: 'order-42', runId: 'run-1' },
      workflowType: { name: 'basic', version: 'example' },
    });
    expect(loaded.events).toEqual(events);
  });

  it('takes the execution from the options when the file does not carry it', async () => {
    const loaded = await loadHistory(BASIC, { execution: { workflowId: 'w', runId: 'r' } });
    expect(loaded.execution).toEqual({ workflowId: 'w', runId: 'r' });
  });
});

describe('loadHistory errors', () => {
  async function errorOf(source: Parameters<typeof loadHistory>[0]): Promise<HistoryLoadError> {
    const error = await loadHistory(source).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(HistoryLoadError);
    return error as HistoryLoadError;
  }

  it('names the shapes it accepts when an object is none of them', async () => {
    const error = await errorOf({ history: [] });
    expect(error.message).toMatch(/Unrecognised history: expected Swirl's export .*get-workflow-execution-history.*boto3.*HistoryEvents.*; got an object with keys history/);
  });

  it('refuses an unknown "format" and a Swirl export missing its execution', async () => {
    expect((await errorOf({ format: 'temporal', events: [] })).message).toMatch(/Unknown history format "temporal"/);
    const incomplete = { format: 'swirl-history', version: 1, domain: 'd', workflowType: { name: 'n', version: '1' }, events: [] };
    expect((await errorOf(incomplete)).message).toMatch(/Invalid swirl-history file at execution/);
  });

  it('refuses empty histories and arrays that mix pages and events', async () => {
    expect((await errorOf([])).message).toMatch(/empty array/);
    expect((await errorOf({ events: [] })).message).toMatch(/no events/);
    const mixed = [{ events: basicWire.events.slice(0, 2) }, basicWire.events[2]];
    expect((await errorOf(mixed)).message).toMatch(/mixes pages and events/);
    expect((await errorOf([1, 2])).message).toMatch(/item 0 is a number/);
  });

  it('leaves a parsed value it was given unchanged, and converts only what it parsed itself', async () => {
    const given = structuredClone(basicWire);
    const loaded = await loadHistory(given);
    expect(given).toEqual(basicWire);
    expect(loaded.events[0]).not.toBe(given.events[0]);
    expectBasicHistory(loaded.events);
    expectBasicHistory((await loadHistory(JSON.stringify(basicWire))).events);
  });

  it('names the bad event of a Swirl export by its position', async () => {
    const export_ = toSwirlHistoryExport({ domain: 'd', execution: { workflowId: 'w', runId: 'r' }, workflowType: { name: 'n', version: '1' }, events: (await loadHistory(BASIC)).events });
    const text = JSON.stringify({ ...export_, events: [export_.events[0], 'not an event'] });
    expect((await errorOf(text)).message).toMatch(/Event at position 1 is not a valid HistoryEvent: A history event must be a JSON object, got string/);
  });

  it('names the bad event when one is not a HistoryEvent', async () => {
    const events = [...basicWire.events.slice(0, 2), { ...basicWire.events[2], eventType: 'Nope' }];
    expect((await errorOf({ events })).message).toMatch(/position 2 .*unknown eventType "Nope"/);
  });

  it('refuses duplicate and missing event ids', async () => {
    expect((await errorOf({ events: [basicWire.events[0], basicWire.events[0]] })).message).toMatch(/Event id 1 appears twice/);
    expect((await errorOf({ events: [basicWire.events[0], basicWire.events[3]] })).message).toMatch(/Events 2\.\.3 are missing/);
  });

  it('refuses a history whose ids do not link', async () => {
    const started = { ...basicWire.events[2], decisionTaskStartedEventAttributes: { scheduledEventId: 1 } };
    const error = await errorOf({ events: [basicWire.events[0], basicWire.events[1], started] });
    expect(error.message).toMatch(/do not link: Event 3: scheduledEventId 1/);
  });

  it('names the file that is missing or not JSON', async () => {
    const missing = join(tmp, 'missing.json');
    expect((await errorOf(missing)).message).toBe(`${missing}: Cannot read history file: no such file`);
    const broken = join(tmp, 'broken.json');
    await writeFile(broken, '{"events": [');
    expect((await errorOf(broken)).message).toMatch(new RegExp(`^${broken}: Not valid JSON`));
  });
});
