/**
 * A decider is killed between taking a decision task and answering it. The decision task times
 * out (START_TO_CLOSE), is scheduled again, and another worker process decides it from the
 * history: the run completes with the history of a run without the kill, less the lost attempt.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { afterEach, describe, expect, it } from 'vitest';
import { history, outcome, startSwf, startWorkflow, waitForClose, type Swf } from '../../packages/worker/test/e2e/harness.js';
import { faultSize, faultTimeout } from './profile.js';
import { eventIdProblems, historyShape, startedBy, withoutTimedOutDecisionTasks } from './support/histories.js';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.js';
import { ThreeSteps } from './support/workflows.js';

const WORKFLOWS = faultSize(4, 25);
const DOMAIN = 'faults-kill-decider';

describe('a decider killed mid-decision', () => {
  let swf: Swf | undefined;
  const workers: WorkerProcess[] = [];

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.kill();
    await swf?.close();
  });

  it(
    `${WORKFLOWS} runs: each held decision task times out, is scheduled again and decided on another worker, with the shape of a run without the kill`,
    async () => {
      swf = await startSwf();
      const start = (workflowId: string) => startWorkflow(swf!.client, DOMAIN, ThreeSteps, { workflowId, input: 'order' });

      // A run without the kill, for its shape.
      const reference = await startWorkerProcess({ endpoint: swf.server.endpoint, domain: DOMAIN, identity: 'reference' });
      workers.push(reference);
      const referenceEvents = await waitForClose(swf.client, DOMAIN, await start('reference'), 60_000);
      await reference.stop();
      workers.splice(workers.indexOf(reference), 1);

      // The holder takes each run's first decision task and answers it; it takes the second and never answers.
      const holder = await startWorkerProcess({
        endpoint: swf.server.endpoint,
        domain: DOMAIN,
        identity: 'holder',
        holdLaterDecisions: true,
        maxConcurrentDecisionTasks: WORKFLOWS + 2,
      });
      workers.push(holder);
      const executions = await Promise.all(Array.from({ length: WORKFLOWS }, (_, index) => start(`held-${index}`)));
      const held = await holder.messages.next('holding', WORKFLOWS, 60_000);
      await holder.kill();

      const survivor = await startWorkerProcess({ endpoint: swf.server.endpoint, domain: DOMAIN, identity: 'survivor' });
      workers.push(survivor);
      const histories = new Map<string, HistoryEvent[]>();
      for (const execution of executions) histories.set(execution.workflowId, await waitForClose(swf.client, DOMAIN, execution, 90_000));

      for (const { workflowId, startedEventId } of held) {
        const events = histories.get(workflowId)!;
        expect(eventIdProblems(events), workflowId).toEqual([]);
        expect(outcome(events), workflowId).toEqual(outcome(referenceEvents));
        // The held attempt timed out on START_TO_CLOSE; nothing else of it was recorded.
        const timedOut = events.filter((event) => event.eventType === 'DecisionTaskTimedOut').map((event) => event.decisionTaskTimedOutEventAttributes!);
        expect(timedOut.find((attributes) => attributes.startedEventId === startedEventId)?.timeoutType, workflowId).toBe('START_TO_CLOSE');
        expect(startedBy(events, startedEventId), workflowId).toBe('holder');
        // The run was finished by the survivor...
        const closing = events.findLast((event) => event.eventType === 'DecisionTaskCompleted')!;
        expect(startedBy(events, closing.decisionTaskCompletedEventAttributes!.startedEventId!), workflowId).toBe('survivor');
        // ...with the history of a run without the kill, once the lost attempts are taken out.
        expect(historyShape(withoutTimedOutDecisionTasks(events)), workflowId).toEqual(historyShape(referenceEvents));
      }

      // No task was handed out twice, to one process or across the two.
      const deliveries = [...holder.deliveries(), ...survivor.deliveries()];
      expect(deliveries.length - new Set(deliveries).size).toBe(0);
      // Every decision task the holder was given is accounted for in a history: decided, or timed out.
      for (const key of holder.deliveries().filter((each) => each.startsWith('decision '))) {
        const [, runId, started] = key.split(' ');
        const execution = executions.find((each) => each.runId === runId);
        if (!execution) continue;
        const events = histories.get(execution.workflowId) ?? (await history(swf.client, DOMAIN, execution));
        const closedBy = events.find(
          (event) =>
            event.decisionTaskCompletedEventAttributes?.startedEventId === Number(started) || event.decisionTaskTimedOutEventAttributes?.startedEventId === Number(started),
        );
        expect(closedBy?.eventType, key).toMatch(/^DecisionTask(Completed|TimedOut)$/);
      }
    },
    faultTimeout(faultSize(120_000, 300_000)),
  );
});
