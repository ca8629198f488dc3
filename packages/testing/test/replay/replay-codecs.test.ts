import { mapEventPayloads, type PayloadCodec } from '@swirl/core';
import { describe, expect, it } from 'vitest';
import { loadHistory, replayHistory } from '../../src/index.js';
import { BasicWorkflow, SIMPLEFLOW_BASIC } from '../support/simpleflow-basic.js';

describe('replayHistory with payload codecs', () => {
  it('decodes payloads with the workers codecs before the runtime reads them', async () => {
    // A reversible codec whose output the JSON converter cannot read.
    const codec: PayloadCodec = {
      encode: async (payload) => `b64:${Buffer.from(payload).toString('base64')}`,
      decode: async (payload) => Buffer.from(payload.slice('b64:'.length), 'base64').toString(),
    };
    const { events } = await loadHistory(SIMPLEFLOW_BASIC);
    const encoded = await Promise.all(events.map((event) => mapEventPayloads(event, (value) => codec.encode(value))));
    expect(encoded[0]?.workflowExecutionStartedEventAttributes?.input).not.toBe(events[0]?.workflowExecutionStartedEventAttributes?.input);

    const result = await replayHistory({ workflows: [BasicWorkflow], codecs: [codec] }, encoded);
    expect(result.decisionTasks).toBe(4);
    await expect(replayHistory({ workflows: [BasicWorkflow] }, encoded)).rejects.toThrow();
  });
});
