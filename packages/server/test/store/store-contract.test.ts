import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { activityType, domain, event, execution, task, workflowType } from './records.js';

/** Every Store implementation must pass this one suite. */
const STORES: Array<[string, () => Store & { close?: () => void }]> = [
  ['MemoryStore', () => new MemoryStore()],
  ['SqliteStore', () => new SqliteStore({ path: ':memory:' })],
];

describe.each(STORES)('%s (Store contract)', (_name, createStore) => {
  let store: Store & { close?: () => void };
  const open = (): Store => {
    store = createStore();
    return store;
  };
  afterEach(() => store?.close?.());

  describe('domains', () => {
    it('saves, reads back, counts and lists domains sorted by name', () => {
      const s = open();
      s.saveDomain(domain('zeta'));
      s.saveDomain(domain('alpha', { description: 'first' }));
      expect(s.getDomain('alpha')).toEqual(domain('alpha', { description: 'first' }));
      expect(s.getDomain('missing')).toBeUndefined();
      expect(s.countDomains()).toBe(2);
      expect(s.listDomains().map((d) => d.name)).toEqual(['alpha', 'zeta']);
    });

    it('replaces a domain saved again under the same name', () => {
      const s = open();
      s.saveDomain(domain('d'));
      s.saveDomain(domain('d', { status: 'DEPRECATED' }));
      expect(s.getDomain('d')?.status).toBe('DEPRECATED');
      expect(s.countDomains()).toBe(1);
    });
  });

  describe('types', () => {
    it('keeps workflow and activity types of a domain apart, sorted by name then version', () => {
      const s = open();
      s.saveType(workflowType('d', 'B', '1'));
      s.saveType(workflowType('d', 'A', '2'));
      s.saveType(workflowType('d', 'A', '1'));
      s.saveType(activityType('d', 'A', '1'));
      s.saveType(workflowType('other', 'A', '1'));
      expect(s.listTypes('d', 'workflow').map((t) => `${t.name}@${t.version}`)).toEqual(['A@1', 'A@2', 'B@1']);
      expect(s.listTypes('d', 'activity').map((t) => t.kind)).toEqual(['activity']);
      expect(s.countTypes('d', 'workflow')).toBe(3);
      expect(s.countTypes('other', 'activity')).toBe(0);
      expect(s.getType('d', 'activity', 'A', '1')).toEqual(activityType('d', 'A', '1'));
      expect(s.getType('d', 'activity', 'B', '1')).toBeUndefined();
    });

    it('deletes one type without touching its other versions', () => {
      const s = open();
      s.saveType(workflowType('d', 'A', '1'));
      s.saveType(workflowType('d', 'A', '2'));
      s.deleteType('d', 'workflow', 'A', '1');
      expect(s.getType('d', 'workflow', 'A', '1')).toBeUndefined();
      expect(s.listTypes('d', 'workflow').map((t) => t.version)).toEqual(['2']);
    });
  });

  describe('executions', () => {
    it('finds a run by id and the open run of a workflowId', () => {
      const s = open();
      s.saveExecution(execution('d', 'wf', 'r1', { status: 'CLOSED', closeStatus: 'COMPLETED' }));
      s.saveExecution(execution('d', 'wf', 'r2'));
      expect(s.getExecution('d', 'wf', 'r1')?.closeStatus).toBe('COMPLETED');
      expect(s.getOpenExecution('d', 'wf')?.runId).toBe('r2');
      expect(s.getOpenExecution('other', 'wf')).toBeUndefined();
      expect(s.getExecution('d', 'wf', 'r3')).toBeUndefined();
    });

    it('hands out the same object for an open run, so one step sees its own unsaved changes', () => {
      const s = open();
      s.saveExecution(execution('d', 'wf', 'r1'));
      const first = s.getExecution('d', 'wf', 'r1')!;
      first.eventCount = 7;
      expect(s.getOpenExecution('d', 'wf')).toBe(first);
      expect(s.getExecution('d', 'wf', 'r1')!.eventCount).toBe(7);
    });

    it('moves a run from the open to the closed set when it is saved closed', () => {
      const s = open();
      const run = execution('d', 'wf', 'r1');
      s.saveExecution(run);
      expect(s.countOpenExecutions('d')).toBe(1);
      run.status = 'CLOSED';
      run.closeStatus = 'FAILED';
      s.saveExecution(run);
      expect(s.countOpenExecutions('d')).toBe(0);
      expect(s.getOpenExecution('d', 'wf')).toBeUndefined();
      expect([...s.listExecutions('d', 'OPEN')]).toEqual([]);
      expect([...s.listExecutions('d', 'CLOSED')].map((e) => e.runId)).toEqual(['r1']);
    });

    it('keeps a successor run open when its predecessor is saved closed afterwards (continue-as-new)', () => {
      const s = open();
      const old = execution('d', 'wf', 'r1');
      s.saveExecution(old);
      s.saveExecution(execution('d', 'wf', 'r2'));
      old.status = 'CLOSED';
      s.saveExecution(old);
      expect(s.getOpenExecution('d', 'wf')?.runId).toBe('r2');
      expect(s.countOpenExecutions('d')).toBe(1);
    });

    it('lists and counts only the asked domain and status', () => {
      const s = open();
      s.saveExecution(execution('d', 'a', 'r1'));
      s.saveExecution(execution('d', 'b', 'r2'));
      s.saveExecution(execution('d', 'c', 'r3', { status: 'CLOSED' }));
      s.saveExecution(execution('e', 'a', 'r4'));
      expect([...s.listExecutions('d', 'OPEN')].map((e) => e.runId).sort()).toEqual(['r1', 'r2']);
      expect([...s.listExecutions('d', 'CLOSED')].map((e) => e.runId)).toEqual(['r3']);
      expect([...s.listExecutions('none', 'OPEN')]).toEqual([]);
      expect(s.countOpenExecutions('d')).toBe(2);
      expect(s.countOpenExecutions('e')).toBe(1);
    });

    it('deletes a run together with its history', () => {
      const s = open();
      s.saveExecution(execution('d', 'wf', 'r1', { status: 'CLOSED' }));
      s.appendEvents('d', 'wf', 'r1', [event(1), event(2)]);
      s.deleteExecution('d', 'wf', 'r1');
      expect(s.getExecution('d', 'wf', 'r1')).toBeUndefined();
      expect(s.readEvents('d', 'wf', 'r1', 1, 10)).toEqual([]);
      expect([...s.listExecutions('d', 'CLOSED')]).toEqual([]);
    });
  });

  describe('events', () => {
    it('reads an inclusive id range oldest first, per run', () => {
      const s = open();
      s.appendEvents('d', 'wf', 'r1', [event(1), event(2)]);
      s.appendEvents('d', 'wf', 'r1', [event(3), event(4)]);
      s.appendEvents('d', 'wf', 'r2', [event(1)]);
      expect(s.readEvents('d', 'wf', 'r1', 2, 3)).toEqual([event(2), event(3)]);
      expect(s.readEvents('d', 'wf', 'r1', 1, 99).map((e) => e.eventId)).toEqual([1, 2, 3, 4]);
      expect(s.readEvents('d', 'wf', 'r2', 1, 99)).toEqual([event(1)]);
      expect(s.readEvents('d', 'wf', 'r1', 5, 9)).toEqual([]);
    });
  });

  describe('task queues', () => {
    it('hands out the highest priority first, then the oldest', () => {
      const s = open();
      s.enqueueTask(task('low-old', 0, 1));
      s.enqueueTask(task('high-new', 5, 4));
      s.enqueueTask(task('high-old', 5, 2));
      s.enqueueTask(task('negative', -3, 0));
      s.enqueueTask(task('low-new', 0, 3));
      const order: string[] = [];
      for (let next = s.dequeueTask('d', 'activity', 'workers'); next; next = s.dequeueTask('d', 'activity', 'workers')) order.push(next.key);
      expect(order).toEqual(['high-old', 'high-new', 'low-old', 'low-new', 'negative']);
    });

    it('keeps queues of different lists, kinds and domains apart and counts each', () => {
      const s = open();
      s.enqueueTask(task('a', 0, 1));
      s.enqueueTask(task('b', 0, 2, { taskList: 'other' }));
      s.enqueueTask(task('c', 0, 3, { kind: 'decision' }));
      s.enqueueTask(task('d', 0, 4, { domain: 'e' }));
      expect(s.countTasks('d', 'activity', 'workers')).toBe(1);
      expect(s.countTasks('d', 'activity', 'other')).toBe(1);
      expect(s.countTasks('d', 'decision', 'workers')).toBe(1);
      expect(s.countTasks('e', 'activity', 'workers')).toBe(1);
      expect(s.dequeueTask('d', 'decision', 'workers')?.key).toBe('c');
      expect(s.dequeueTask('d', 'decision', 'workers')).toBeUndefined();
    });

    it('removes a queued task by key and reports the highest sequence still queued', () => {
      const s = open();
      expect(s.maxTaskSequence()).toBe(0);
      s.enqueueTask(task('a', 0, 1));
      s.enqueueTask(task('b', 0, 9));
      s.removeTask('b');
      s.removeTask('never-queued');
      expect(s.countTasks('d', 'activity', 'workers')).toBe(1);
      expect(s.maxTaskSequence()).toBe(1);
      expect(s.dequeueTask('d', 'activity', 'workers')).toEqual(task('a', 0, 1));
    });
  });

  describe('task tokens', () => {
    it('saves, finds and deletes tokens', () => {
      const s = open();
      const record = { token: 't1', kind: 'decision' as const, domain: 'd', workflowId: 'wf', runId: 'r', scheduledEventId: 2, startedEventId: 3 };
      s.saveTaskToken(record);
      expect(s.getTaskToken('t1')).toEqual(record);
      s.deleteTaskToken('t1');
      expect(s.getTaskToken('t1')).toBeUndefined();
    });
  });

  describe('transactions and clear', () => {
    it('returns what the work returns and keeps writes made before a throw', () => {
      const s = open();
      expect(s.transaction(() => 42)).toBe(42);
      expect(() =>
        s.transaction(() => {
          s.saveDomain(domain('kept'));
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(s.getDomain('kept')).toBeDefined();
      expect(s.transaction(() => s.transaction(() => 'nested'))).toBe('nested');
    });

    it('clear wipes every kind of record', () => {
      const s = open();
      s.saveDomain(domain('d'));
      s.saveType(workflowType('d', 'A', '1'));
      s.saveExecution(execution('d', 'wf', 'r1'));
      s.appendEvents('d', 'wf', 'r1', [event(1)]);
      s.enqueueTask(task('a', 0, 1));
      s.saveTaskToken({ token: 't', kind: 'activity', domain: 'd', workflowId: 'wf', runId: 'r1', scheduledEventId: 1, startedEventId: 2 });
      s.clear();
      expect(s.countDomains()).toBe(0);
      expect(s.listTypes('d', 'workflow')).toEqual([]);
      expect(s.getExecution('d', 'wf', 'r1')).toBeUndefined();
      expect(s.countOpenExecutions('d')).toBe(0);
      expect(s.readEvents('d', 'wf', 'r1', 1, 1)).toEqual([]);
      expect(s.countTasks('d', 'activity', 'workers')).toBe(0);
      expect(s.getTaskToken('t')).toBeUndefined();
    });
  });
});
