/**
 * @swirl/client: start SWF workflow executions and watch them — signal, cancel, terminate,
 * describe, list, count, fetch history and wait for results, with typed handles and failures.
 *
 * @example
 * ```ts
 * import { createSwfClient, WorkflowClient } from '@swirl/client';
 * import { OrderWorkflow } from './order-workflow.js';
 *
 * // AWS_ENDPOINT_URL_SWF=http://127.0.0.1:8233 for the local server; unset, Amazon SWF.
 * const client = new WorkflowClient({ client: createSwfClient(), domain: 'shop' });
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
export type {
  WorkflowClientInterceptor,
  StartWorkflowCall,
  StartWorkflowResult,
  SignalWorkflowCall,
  TerminateWorkflowCall,
  ExecutionCall,
} from './client-interceptors.js';
export { ClientInterceptors } from './client-interceptors.js';
export { ListFilterError, type ListExecutionsOptions, type TimeWindow } from './list-filters.js';
export { DomainCatalog, type RegisterDomainOptions, type ListDomainsOptions } from './domain-catalog.js';
export { TypeCatalog, type TypeId, type TypeKind, type ListTypesOptions } from './type-catalog.js';
export { WorkflowContinuedAsNewError } from './close-failure.js';
export { WorkflowNotFoundError, findLatestRun } from './latest-run.js';
export type { CloseWaitOptions } from './wait-for-close.js';
// Re-exported: it moved to @swirl/core, where the replay tools use it too.
export { isCloseEvent } from '@swirl/core';
export type { WorkflowClassInput, WorkflowClassResult } from './workflow-class.js';
export { quietSdkNodeVersionWarning } from './quiet-sdk-node-warning.js';
export { createSwfClient, LOCAL_REGION, LOCAL_CREDENTIALS, type SwfClientOptions } from './create-swf-client.js';
export { InvalidEndpointError, parseSwfEndpoint, isLoopbackEndpoint, configuredEndpoint, ENDPOINT_VARIABLES } from './swf-endpoint.js';
export { EndpointConnectionError } from './endpoint-connection-error.js';
export { UnknownOptionError } from './option-keys.js';
