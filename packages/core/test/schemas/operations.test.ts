import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, operationInputSchemas, parseOperationInput, SwfFault, SWF_LIMITS } from '../../src/index.js';
import { domain, minimalInputs, workflowType } from './sample-inputs.js';

function errorOf(operation: (typeof OPERATION_NAMES)[number], input: unknown): string {
  try {
    parseOperationInput(operation, input);
  } catch (error) {
    expect(error).toBeInstanceOf(SwfFault);
    expect((error as SwfFault).faultName).toBe('ValidationException');
    return (error as SwfFault).message;
  }
  throw new Error(`${operation} accepted ${JSON.stringify(input)}`);
}

describe('operation input schemas', () => {
  it('cover the 39 operations of the SWF API, each with a schema', () => {
    expect(OPERATION_NAMES).toHaveLength(39);
    expect(Object.keys(operationInputSchemas).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  describe.each(OPERATION_NAMES)('%s', (operation) => {
    it('accepts its minimal valid input', () => {
      expect(operationInputSchemas[operation].safeParse(minimalInputs[operation]).success).toBe(true);
    });

    it('rejects each missing required field with "Member must not be null"', () => {
      for (const field of Object.keys(minimalInputs[operation])) {
        // ListClosed/CountClosed need one of two time filters; dropping the one given breaks the rule instead.
        if (field === 'startTimeFilter' || field === 'closeTimeFilter') continue;
        const input: Record<string, unknown> = { ...minimalInputs[operation] };
        delete input[field];
        expect(errorOf(operation, input)).toContain(`Value null at '${field}' failed to satisfy constraint: Member must not be null`);
      }
    });
  });

  it('drops fields SWF does not define instead of failing', () => {
    const parsed = parseOperationInput('DescribeDomain', { name: domain, extra: 1 });
    expect(parsed).toEqual({ name: domain });
  });
});

describe('domain operations', () => {
  it('applies the naming rule to a new domain name', () => {
    for (const name of [' padded', 'trailing ', 'a:b', 'a/b', 'a|b', 'tab\tname', 'del\u007fname', 'c1\u0085', 'arn']) {
      expect(errorOf('RegisterDomain', { name, workflowExecutionRetentionPeriodInDays: '1' })).toContain(`at 'name'`);
    }
    expect(parseOperationInput('RegisterDomain', { name: 'arn-like name.ok_1', workflowExecutionRetentionPeriodInDays: '0' }).name).toBe(
      'arn-like name.ok_1',
    );
  });

  it('limits retention to NONE or 0-90 days', () => {
    for (const ok of ['0', '90', 'NONE']) {
      expect(parseOperationInput('RegisterDomain', { name: domain, workflowExecutionRetentionPeriodInDays: ok })).toBeDefined();
    }
    for (const bad of ['91', '', '-1', '7d']) {
      expect(errorOf('RegisterDomain', { name: domain, workflowExecutionRetentionPeriodInDays: bad })).toContain(
        "at 'workflowExecutionRetentionPeriodInDays'",
      );
    }
  });

  it('checks tag keys (1-128) and values (0-256) but leaves the count of 50 to the TooManyTagsFault', () => {
    const arn = minimalInputs.TagResource.resourceArn;
    expect(errorOf('TagResource', { resourceArn: arn, tags: [{ key: '' }] })).toContain(
      "at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    expect(errorOf('TagResource', { resourceArn: arn, tags: [{ key: 'k', value: 'v'.repeat(257) }] })).toContain(
      "at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
    const many = Array.from({ length: SWF_LIMITS.domainTags + 1 }, (_, i) => ({ key: `k${i}` }));
    expect(parseOperationInput('TagResource', { resourceArn: arn, tags: many }).tags).toHaveLength(51);
  });

  it('accepts page sizes 0 to 1000 only, as integers', () => {
    expect(parseOperationInput('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 0 }).maximumPageSize).toBe(0);
    expect(parseOperationInput('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1000 }).maximumPageSize).toBe(1000);
    expect(errorOf('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1001 })).toBe(
      "1 validation error detected: Value '1001' at 'maximumPageSize' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    expect(errorOf('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: -1 })).toContain(
      'Member must have value greater than or equal to 0',
    );
    expect(errorOf('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 2.5 })).toContain("at 'maximumPageSize'");
  });

  it('rejects an unknown registration status with the enum set', () => {
    expect(errorOf('ListDomains', { registrationStatus: 'ACTIVE' })).toBe(
      "1 validation error detected: Value 'ACTIVE' at 'registrationStatus' failed to satisfy constraint: Member must satisfy enum value set: [REGISTERED, DEPRECATED]",
    );
  });
});

describe('type operations', () => {
  it('checks name (1-256) and version (1-64) lengths and the naming rule', () => {
    expect(errorOf('RegisterWorkflowType', { domain, name: 'n'.repeat(257), version: '1' })).toContain(
      "at 'name' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
    expect(errorOf('RegisterWorkflowType', { domain, name: 'n', version: 'v'.repeat(65) })).toContain(
      "at 'version' failed to satisfy constraint: Member must have length less than or equal to 64",
    );
    expect(errorOf('RegisterActivityType', { domain, name: 'a|b', version: '1' })).toContain("at 'name'");
  });

  it('accepts durations as whole seconds or NONE, up to 8 characters', () => {
    const base = { domain, name: 'n', version: '1' };
    expect(parseOperationInput('RegisterActivityType', { ...base, defaultTaskHeartbeatTimeout: 'NONE', defaultTaskStartToCloseTimeout: '99999999' })).toBeDefined();
    for (const bad of ['5m', '1.5', '', '123456789', 'none']) {
      expect(errorOf('RegisterActivityType', { ...base, defaultTaskStartToCloseTimeout: bad })).toContain(
        "at 'defaultTaskStartToCloseTimeout'",
      );
    }
  });

  it('accepts a task priority that is an int32 string', () => {
    const base = { domain, name: 'n', version: '1' };
    for (const ok of ['0', '-2147483648', '2147483647', '+5']) {
      expect(parseOperationInput('RegisterWorkflowType', { ...base, defaultTaskPriority: ok })).toBeDefined();
    }
    for (const bad of ['2147483648', '1.5', 'high', '']) {
      expect(errorOf('RegisterWorkflowType', { ...base, defaultTaskPriority: bad })).toContain("at 'defaultTaskPriority'");
    }
  });

  it('rejects an unknown default child policy', () => {
    expect(errorOf('RegisterWorkflowType', { domain, ...workflowType, defaultChildPolicy: 'KILL' })).toContain(
      'Member must satisfy enum value set: [TERMINATE, REQUEST_CANCEL, ABANDON]',
    );
  });
});

describe('execution operations', () => {
  it('allows at most 5 tags of at most 256 characters on a start', () => {
    const start = minimalInputs.StartWorkflowExecution;
    expect(parseOperationInput('StartWorkflowExecution', { ...start, tagList: ['a', 'b', 'c', 'd', ''] }).tagList).toHaveLength(5);
    expect(errorOf('StartWorkflowExecution', { ...start, tagList: ['a', 'b', 'c', 'd', 'e', 'f'] })).toContain(
      "at 'tagList' failed to satisfy constraint: Member must have length less than or equal to 5",
    );
    expect(errorOf('StartWorkflowExecution', { ...start, tagList: ['t'.repeat(257)] })).toContain("at 'tagList.1.member'");
  });

  it('limits input to 32768 characters and quotes only the start of a long value', () => {
    const message = errorOf('StartWorkflowExecution', { ...minimalInputs.StartWorkflowExecution, input: 'x'.repeat(SWF_LIMITS.payload + 1) });
    expect(message).toContain("at 'input' failed to satisfy constraint: Member must have length less than or equal to 32768");
    expect(message.length).toBeLessThan(400);
    expect(
      parseOperationInput('StartWorkflowExecution', { ...minimalInputs.StartWorkflowExecution, input: 'x'.repeat(SWF_LIMITS.payload) }).input,
    ).toHaveLength(SWF_LIMITS.payload);
  });

  it('applies the naming rule to a new workflowId', () => {
    expect(errorOf('StartWorkflowExecution', { ...minimalInputs.StartWorkflowExecution, workflowId: 'order:1' })).toContain("at 'workflowId'");
  });

  it('takes an optional runId of up to 64 characters on signal, cancel and terminate', () => {
    expect(parseOperationInput('SignalWorkflowExecution', { ...minimalInputs.SignalWorkflowExecution, runId: '' }).runId).toBe('');
    expect(errorOf('TerminateWorkflowExecution', { domain, workflowId: 'w', runId: 'r'.repeat(65) })).toContain("at 'runId'");
    expect(errorOf('TerminateWorkflowExecution', { domain, workflowId: 'w', reason: 'r'.repeat(257) })).toContain(
      "at 'reason' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
  });

  it('requires both workflowId and runId to describe or read an execution', () => {
    expect(errorOf('GetWorkflowExecutionHistory', { domain, execution: { workflowId: 'w' } })).toContain(
      "Value null at 'execution.runId' failed to satisfy constraint: Member must not be null",
    );
    expect(errorOf('DescribeWorkflowExecution', { domain, execution: { workflowId: 'w', runId: '' } })).toContain("at 'execution.runId'");
  });
});

describe('visibility operations', () => {
  const time = { oldestDate: 1484676354.156, latestDate: 1484676400 };

  it('require a startTimeFilter on open-execution calls', () => {
    expect(errorOf('ListOpenWorkflowExecutions', { domain })).toContain("Value null at 'startTimeFilter'");
    expect(errorOf('CountOpenWorkflowExecutions', { domain, startTimeFilter: {} })).toContain("Value null at 'startTimeFilter.oldestDate'");
  });

  it('allow at most one of executionFilter, typeFilter and tagFilter on open-execution calls', () => {
    for (const operation of ['ListOpenWorkflowExecutions', 'CountOpenWorkflowExecutions'] as const) {
      for (const filter of [{ executionFilter: { workflowId: 'w' } }, { typeFilter: { name: 'T' } }, { tagFilter: { tag: 'x' } }]) {
        expect(operationInputSchemas[operation].safeParse({ domain, startTimeFilter: time, ...filter }).success).toBe(true);
      }
      expect(errorOf(operation, { domain, startTimeFilter: time, typeFilter: { name: 'T' }, tagFilter: { tag: 'x' } })).toBe(
        'executionFilter, typeFilter and tagFilter are mutually exclusive. You can specify at most one of these in a request.',
      );
    }
  });

  it('require exactly one of startTimeFilter and closeTimeFilter on closed-execution calls', () => {
    for (const operation of ['ListClosedWorkflowExecutions', 'CountClosedWorkflowExecutions'] as const) {
      const rule = 'startTimeFilter and closeTimeFilter are mutually exclusive. You must specify one of these in a request but not both.';
      expect(errorOf(operation, { domain })).toBe(rule);
      expect(errorOf(operation, { domain, startTimeFilter: time, closeTimeFilter: time })).toBe(rule);
      expect(operationInputSchemas[operation].safeParse({ domain, closeTimeFilter: time }).success).toBe(true);
    }
  });

  it('allow at most one of closeStatusFilter, executionFilter, typeFilter and tagFilter on closed-execution calls', () => {
    const ok = { domain, closeTimeFilter: time, closeStatusFilter: { status: 'TIMED_OUT' } };
    expect(parseOperationInput('ListClosedWorkflowExecutions', ok).closeStatusFilter).toEqual({ status: 'TIMED_OUT' });
    expect(errorOf('CountClosedWorkflowExecutions', { ...ok, executionFilter: { workflowId: 'w' } })).toBe(
      'closeStatusFilter, executionFilter, typeFilter and tagFilter are mutually exclusive. You can specify at most one of these in a request.',
    );
    expect(errorOf('ListClosedWorkflowExecutions', { domain, startTimeFilter: time, closeStatusFilter: { status: 'DONE' } })).toContain(
      "at 'closeStatusFilter.status' failed to satisfy constraint: Member must satisfy enum value set: [COMPLETED, FAILED, CANCELED, TERMINATED, CONTINUED_AS_NEW, TIMED_OUT]",
    );
  });

  it('take timestamps as epoch-second numbers, integer or fractional', () => {
    expect(parseOperationInput('CountOpenWorkflowExecutions', { domain, startTimeFilter: time }).startTimeFilter).toEqual(time);
    expect(errorOf('CountOpenWorkflowExecutions', { domain, startTimeFilter: { oldestDate: '2017-01-17' } })).toContain(
      "at 'startTimeFilter.oldestDate' failed to satisfy constraint: Member must be of type number",
    );
  });
});

describe('task operations', () => {
  it('limit heartbeat details to 2048 characters', () => {
    expect(parseOperationInput('RecordActivityTaskHeartbeat', { taskToken: 't', details: 'd'.repeat(2048) })).toBeDefined();
    expect(errorOf('RecordActivityTaskHeartbeat', { taskToken: 't', details: 'd'.repeat(2049) })).toContain(
      "at 'details' failed to satisfy constraint: Member must have length less than or equal to 2048",
    );
  });

  it('limit the identity of a poller to 256 characters and task tokens to 1024', () => {
    expect(errorOf('PollForActivityTask', { domain, taskList: { name: 'l' }, identity: 'i'.repeat(257) })).toContain("at 'identity'");
    expect(errorOf('RespondActivityTaskCompleted', { taskToken: 't'.repeat(1025) })).toContain("at 'taskToken'");
  });

  it('apply the naming rule to task lists', () => {
    expect(errorOf('PollForDecisionTask', { domain, taskList: { name: 'list/1' } })).toContain("at 'taskList.name'");
  });

  it('accept startAtPreviousStartedEvent and paging on decision polls', () => {
    const input = { domain, taskList: { name: 'l' }, startAtPreviousStartedEvent: true, reverseOrder: true, maximumPageSize: 100, nextPageToken: 'p' };
    expect(parseOperationInput('PollForDecisionTask', input)).toEqual(input);
  });
});
