/** The runs around this one, read from its history: parent, children, and the continue-as-new chain. */
import { attributesOf, type WireEvent, type WorkflowExecutionRef } from './wire.js';

export interface ChildLink {
  readonly workflowId: string;
  /** Known once the child started. */
  readonly runId?: string;
  readonly type: string;
}

export interface ExecutionLinks {
  readonly parent?: WorkflowExecutionRef;
  /** The run this one continued (its predecessor in a continue-as-new chain). */
  readonly continuedFrom?: string;
  /** The run this one continued as. */
  readonly continuedAs?: string;
  readonly children: readonly ChildLink[];
}

export function executionLinks(events: readonly WireEvent[]): ExecutionLinks {
  let parent: WorkflowExecutionRef | undefined;
  let continuedFrom: string | undefined;
  let continuedAs: string | undefined;
  const children = new Map<string, { workflowId: string; runId?: string; type: string }>();
  for (const event of events) {
    const attributes = attributesOf(event);
    switch (event.eventType) {
      case 'WorkflowExecutionStarted':
        parent = attributes['parentWorkflowExecution'] as WorkflowExecutionRef | undefined;
        continuedFrom = attributes['continuedExecutionRunId'] as string | undefined;
        break;
      case 'WorkflowExecutionContinuedAsNew':
        continuedAs = attributes['newExecutionRunId'] as string | undefined;
        break;
      case 'StartChildWorkflowExecutionInitiated': {
        const type = attributes['workflowType'] as { name?: string; version?: string } | undefined;
        children.set(String(event.eventId), { workflowId: String(attributes['workflowId']), type: `${type?.name ?? ''} v${type?.version ?? ''}` });
        break;
      }
      case 'ChildWorkflowExecutionStarted': {
        const child = children.get(String(attributes['initiatedEventId']));
        const execution = attributes['workflowExecution'] as WorkflowExecutionRef | undefined;
        if (child !== undefined && execution !== undefined) child.runId = execution.runId;
        break;
      }
      default:
        break;
    }
  }
  return {
    ...(parent !== undefined && { parent }),
    ...(continuedFrom !== undefined && { continuedFrom }),
    ...(continuedAs !== undefined && { continuedAs }),
    children: [...children.values()],
  };
}
