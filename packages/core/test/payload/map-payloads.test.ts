import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import {
  AesGcmCodec,
  chainCodecs,
  DECISION_PAYLOAD_FIELDS,
  DECISION_TYPES,
  decisionAttributesKey,
  EVENT_PAYLOAD_FIELDS,
  EVENT_TYPES,
  eventAttributesKey,
  GzipCodec,
  mapDecisionPayloads,
  mapEventPayloads,
} from '../../src/index.js';

const fixture = new URL('../../../../test/fixtures/real-histories/simpleflow-basic.json', import.meta.url);
const realEvents = (JSON.parse(readFileSync(fixture, 'utf8')) as { events: HistoryEvent[] }).events;

const mark = async (value: string, field: string) => `<${field}:${value}>`;

describe('payload fields', () => {
  it('list every event type and every decision type', () => {
    expect(Object.keys(EVENT_PAYLOAD_FIELDS).sort()).toEqual([...EVENT_TYPES].sort());
    expect(Object.keys(DECISION_PAYLOAD_FIELDS).sort()).toEqual([...DECISION_TYPES].sort());
  });

  it('leave lambda input and result plain, because AWS Lambda reads and writes them', () => {
    expect(EVENT_PAYLOAD_FIELDS.LambdaFunctionScheduled).toEqual(['control']);
    expect(EVENT_PAYLOAD_FIELDS.LambdaFunctionCompleted).toEqual([]);
    expect(DECISION_PAYLOAD_FIELDS.ScheduleLambdaFunction).toEqual(['control']);
  });
});

describe('mapEventPayloads', () => {
  it('maps exactly the listed fields of each of the 54 event types', async () => {
    for (const type of EVENT_TYPES) {
      const fields = EVENT_PAYLOAD_FIELDS[type] as readonly string[];
      const attributes = Object.fromEntries([...fields, 'reason', 'identity'].map((field) => [field, 'v']));
      const event = { eventId: 1, eventTimestamp: new Date(0), eventType: type, [eventAttributesKey(type)]: attributes } as HistoryEvent;
      const mapped = (await mapEventPayloads(event, mark)) as unknown as Record<string, Record<string, string>>;
      const expected = { ...attributes, ...Object.fromEntries(fields.map((field) => [field, `<${field}:v>`])) };
      expect(mapped[eventAttributesKey(type)], type).toEqual(expected);
    }
  });

  it('maps the input and result payloads of a real SWF history and nothing else', async () => {
    const seen: string[] = [];
    const mapped = await Promise.all(
      realEvents.map((event) =>
        mapEventPayloads(event, async (value, field) => {
          seen.push(`${event.eventId}:${event.eventType}.${field}`);
          return mark(value, field);
        }),
      ),
    );
    expect(seen.sort()).toEqual(
      realEvents
        .flatMap((event) => {
          const attributes = (event as unknown as Record<string, Record<string, unknown>>)[eventAttributesKey(event.eventType!)] ?? {};
          return ['input', 'result', 'details', 'control']
            .filter((field) => typeof attributes[field] === 'string')
            .map((field) => `${event.eventId}:${event.eventType}.${field}`);
        })
        .sort(),
    );
    expect(seen.some((entry) => entry.includes('WorkflowExecutionStarted.input'))).toBe(true);
    expect(seen.some((entry) => entry.includes('ActivityTaskCompleted.result'))).toBe(true);
    const started = mapped[0]!.workflowExecutionStartedEventAttributes!;
    expect(started.input).toBe('<input:{"args":[1],"kwargs":{}}>');
    expect(started.taskList).toEqual(realEvents[0]!.workflowExecutionStartedEventAttributes!.taskList);
    expect(mapped[2]!.decisionTaskStartedEventAttributes!.identity).toBe(realEvents[2]!.decisionTaskStartedEventAttributes!.identity);
  });

  it('round-trips a real history through gzip and AES-GCM without changing it', async () => {
    const codec = chainCodecs([new GzipCodec({ minLength: 0 }), new AesGcmCodec({ key: randomBytes(32) })]);
    const encoded = await Promise.all(realEvents.map((event) => mapEventPayloads(event, (value) => codec.encode(value))));
    expect(encoded[0]!.workflowExecutionStartedEventAttributes!.input).toMatch(/^swirl-aes256gcm:/);
    const decoded = await Promise.all(encoded.map((event) => mapEventPayloads(event, (value) => codec.decode(value))));
    expect(decoded).toEqual(realEvents);
  });

  it('does not modify the event it was given', async () => {
    const event = realEvents[0]!;
    const before = JSON.stringify(event);
    await mapEventPayloads(event, mark);
    expect(JSON.stringify(event)).toBe(before);
  });

  it('returns events of unknown types, or without attributes, unchanged', async () => {
    const future = { eventId: 9, eventType: 'SomethingNew' } as unknown as HistoryEvent;
    expect(await mapEventPayloads(future, mark)).toBe(future);
    const bare: HistoryEvent = { eventId: 1, eventTimestamp: new Date(0), eventType: 'WorkflowExecutionStarted' };
    expect(await mapEventPayloads(bare, mark)).toBe(bare);
  });
});

describe('mapDecisionPayloads', () => {
  it('maps exactly the listed fields of each of the 13 decision types', async () => {
    for (const type of DECISION_TYPES) {
      const fields = DECISION_PAYLOAD_FIELDS[type] as readonly string[];
      const attributes = Object.fromEntries([...fields, 'reason'].map((field) => [field, 'v']));
      const decision = { decisionType: type, [decisionAttributesKey(type)]: attributes } as Decision;
      const mapped = (await mapDecisionPayloads(decision, mark)) as unknown as Record<string, Record<string, string>>;
      expect(mapped[decisionAttributesKey(type)], type).toEqual({
        ...attributes,
        ...Object.fromEntries(fields.map((field) => [field, `<${field}:v>`])),
      });
    }
  });

  it('passes the field name so size errors can name it', async () => {
    const fields: string[] = [];
    await mapDecisionPayloads(
      {
        decisionType: 'ScheduleActivityTask',
        scheduleActivityTaskDecisionAttributes: { activityType: { name: 'a', version: '1' }, activityId: 'a1', input: '1', control: '2' },
      },
      async (value, field) => {
        fields.push(field);
        return value;
      },
    );
    expect(fields.sort()).toEqual(['control', 'input']);
  });

  it('leaves a close decision without attributes as it is', async () => {
    const decision: Decision = { decisionType: 'CompleteWorkflowExecution' };
    expect(await mapDecisionPayloads(decision, mark)).toBe(decision);
  });
});
