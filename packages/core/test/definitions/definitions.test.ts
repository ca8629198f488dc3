import { describe, expect, it } from 'vitest';
import {
  ACTIVITIES_BASE,
  activityMethodNames,
  DefinitionError,
  operationInputSchemas,
  resolveActivityType,
  resolveActivityTypes,
  resolveWorkflowType,
} from '../../src/index.js';

class Activities {}
Object.defineProperty(Activities.prototype, ACTIVITIES_BASE, { value: true });

class Payments extends Activities {
  static readonly type = {
    version: '2',
    defaults: { taskList: 'payments', startToCloseTimeout: '5m' },
    methods: { refund: { name: 'Refunds.issue', heartbeatTimeout: '30s' } },
  };
  charge(): void {}
  refund(): void {}
  _helper(): void {}
}

class OrderWorkflow {
  static readonly type = { version: '1', taskList: 'orders', executionStartToCloseTimeout: '1h', taskPriority: 5 };
}

describe('resolveWorkflowType', () => {
  it('names the type after the class and compiles defaults to wire form', () => {
    expect(resolveWorkflowType(OrderWorkflow)).toEqual({
      name: 'OrderWorkflow',
      version: '1',
      defaultTaskList: { name: 'orders' },
      defaultExecutionStartToCloseTimeout: '3600',
      defaultTaskStartToCloseTimeout: '30',
      defaultChildPolicy: 'TERMINATE',
      defaultTaskPriority: '5',
    });
  });

  it('yields a valid RegisterWorkflowType input', () => {
    const input = { domain: 'shop', ...resolveWorkflowType(OrderWorkflow) };
    expect(operationInputSchemas.RegisterWorkflowType.safeParse(input).success).toBe(true);
  });

  it('fails fast when the class has no static type', () => {
    class Untyped {}
    expect(() => resolveWorkflowType(Untyped)).toThrow(DefinitionError);
    expect(() => resolveWorkflowType(Untyped)).toThrow('Workflow class Untyped needs a static "type"');
  });
});

describe('activity types', () => {
  it('are the public methods of the class, above the Activities base', () => {
    expect(activityMethodNames(Payments)).toEqual(['charge', 'refund']);
  });

  it('are named <prefix>.<method> unless a method overrides its name', () => {
    expect(resolveActivityTypes(Payments).map((type) => type.name)).toEqual(['Payments.charge', 'Refunds.issue']);
  });

  it('merge class defaults with per-method overrides in wire form', () => {
    expect(resolveActivityType(Payments, 'refund')).toEqual({
      method: 'refund',
      name: 'Refunds.issue',
      version: '2',
      defaultTaskList: { name: 'payments' },
      defaultTaskStartToCloseTimeout: '300',
      defaultTaskHeartbeatTimeout: '30',
    });
  });

  it('yield valid RegisterActivityType inputs', () => {
    for (const { method: _method, ...type } of resolveActivityTypes(Payments)) {
      expect(operationInputSchemas.RegisterActivityType.safeParse({ domain: 'shop', ...type }).success).toBe(true);
    }
  });

  it('name the available methods when asked for an unknown one', () => {
    expect(() => resolveActivityType(Payments, 'capture')).toThrow('Payments has no activity method "capture"; its activities are: charge, refund');
  });
});
