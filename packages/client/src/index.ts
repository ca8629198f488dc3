/**
 * @swirl/client: start SWF workflow executions and watch them — signal, cancel, terminate,
 * describe, list, count, fetch history and wait for results, with typed handles and failures.
 *
 * @example
 * ```ts
 * import { SWFClient } from '@aws-sdk/client-swf';
 * import { WorkflowClient } from '@swirl/client';
 * import { OrderWorkflow } from './order-workflow.js';
 *
 * const client = new WorkflowClient({ client: new SWFClient({}), domain: 'shop' });
 * const handle = await client.start(OrderWorkflow, { workflowId: 'order-42', input: { sku: 'A1' } });
 * await handle.signal('approve', { by: 'ana' });
 * console.log(await handle.result()); // typed by OrderWorkflow.execute's result
 * ```
 */
export { WorkflowClient, type WorkflowClientOptions, type ListPageOptions, type ExecutionCount } from './workflow-client.js';
export {
  WorkflowHandle,
  type WorkflowDescription,
  type TerminateOptions,
  type ResultOptions,
  type HistoryOptions,
  type WorkflowHandleContext,
} from './workflow-handle.js';
export type { StartWorkflowOptions } from './start-options.js';
export { ListFilterError, type ListExecutionsOptions, type TimeWindow } from './list-filters.js';
export { DomainCatalog, type RegisterDomainOptions } from './domain-catalog.js';
export { TypeCatalog, type TypeId, type TypeKind, type ListTypesOptions } from './type-catalog.js';
export { WorkflowContinuedAsNewError } from './close-failure.js';
export { WorkflowNotFoundError, findLatestRun } from './latest-run.js';
export { isCloseEvent, type CloseWaitOptions } from './wait-for-close.js';
export type { WorkflowClassInput, WorkflowClassResult } from './workflow-class.js';
export { quietSdkNodeVersionWarning } from './quiet-sdk-node-warning.js';
