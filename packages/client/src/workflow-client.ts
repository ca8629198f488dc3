/**
 * The entry point for code that starts and watches workflows: wraps the user's SWFClient with a
 * domain, the payload converter and codecs, and typed handles.
 */
import {
  CountClosedWorkflowExecutionsCommand,
  CountOpenWorkflowExecutionsCommand,
  paginateListClosedWorkflowExecutions,
  paginateListOpenWorkflowExecutions,
  StartWorkflowExecutionCommand,
  type StartWorkflowExecutionInput,
  type SWFClient,
  type WorkflowExecutionInfo,
} from '@aws-sdk/client-swf';
import { PayloadPipeline, assertPayloadSize, attachHeaders, type PayloadCodec, type PayloadConverter } from '@swirl/core';
import type { WorkflowClass } from '@swirl/workflow';
import { ClientInterceptors, type WorkflowClientInterceptor } from './client-interceptors.js';
import { DomainCatalog } from './domain-catalog.js';
import { compileListFilter, LIST_FILTER_KEYS, type ListExecutionsOptions } from './list-filters.js';
import { assertKnownOptions, type OptionKeys } from './option-keys.js';
import { withSdkContext, withSdkContextPages } from './sdk-error-context.js';
import { assertStartOptions, buildStartRequest, buildStartRequestForType, type StartWorkflowOptions } from './start-options.js';
import { TypeCatalog } from './type-catalog.js';
import type { WorkflowClassInput, WorkflowClassResult } from './workflow-class.js';
import { WorkflowHandle } from './workflow-handle.js';

export interface WorkflowClientOptions {
  /** The user's SDK client: region, credentials, endpoint and retries stay theirs. */
  readonly client: SWFClient;
  /** The SWF domain every call of this client uses. */
  readonly domain: string;
  /** Must match the workers' converter. @default jsonPayloadConverter */
  readonly converter?: PayloadConverter;
  /** Must match the workers' codecs, in the same order. @default [] */
  readonly codecs?: readonly PayloadCodec[];
  /**
   * Hooks around start, signal, cancel, terminate and describe (the first is the outermost), e.g.
   * `@swirl/opentelemetry`'s `OpenTelemetryClientInterceptor`. @default []
   */
  readonly interceptors?: readonly WorkflowClientInterceptor[];
}

export interface ListPageOptions {
  /** Executions per page (1-1000). @default 1000 */
  readonly pageSize?: number;
  /** Oldest first instead of newest first. @default false */
  readonly reverseOrder?: boolean;
}

export interface ExecutionCount {
  readonly count: number;
  /** True when SWF stopped counting early; the real number is higher. */
  readonly truncated: boolean;
}

const CLIENT_OPTION_KEYS = { client: true, domain: true, converter: true, codecs: true, interceptors: true } as const satisfies OptionKeys<WorkflowClientOptions>;
const LIST_OPTION_KEYS = { ...LIST_FILTER_KEYS, pageSize: true, reverseOrder: true } as const satisfies OptionKeys<
  ListExecutionsOptions & ListPageOptions
>;

type StartOptionsFor<C extends WorkflowClass> = StartWorkflowOptions<WorkflowClassInput<C>> &
  (undefined extends WorkflowClassInput<C> ? unknown : { readonly input: WorkflowClassInput<C> });

export class WorkflowClient {
  readonly domain: string;
  readonly swf: SWFClient;
  /** Register, describe, list and deprecate domains. */
  readonly domains: DomainCatalog;
  /** Register, describe, list and deprecate this domain's workflow and activity types. */
  readonly types: TypeCatalog;
  readonly #payloads: PayloadPipeline;
  readonly #interceptors: ClientInterceptors;

  constructor(options: WorkflowClientOptions) {
    assertKnownOptions('WorkflowClient options', options, CLIENT_OPTION_KEYS);
    if (!options.domain) throw new TypeError('WorkflowClient needs a domain, e.g. new WorkflowClient({ client, domain: "orders" })');
    this.swf = options.client;
    this.domain = options.domain;
    this.#payloads = new PayloadPipeline({ converter: options.converter, codecs: options.codecs });
    this.#interceptors = new ClientInterceptors(options.interceptors);
    this.domains = new DomainCatalog(this.swf);
    this.types = new TypeCatalog(this.swf, this.domain);
  }

  /** Starts an execution of a workflow class and returns a handle typed by its input and result. */
  async start<C extends WorkflowClass>(
    workflowClass: C,
    options: StartOptionsFor<C>,
  ): Promise<WorkflowHandle<WorkflowClassInput<C>, WorkflowClassResult<C>>> {
    assertStartOptions(options);
    const input = await this.#payloads.encode(options.input);
    return this.#startRequest(buildStartRequest(this.domain, workflowClass, options, input));
  }

  /**
   * Starts an execution of a registered type by name, without its class (tools, other languages'
   * workflows). Options left out are resolved by SWF from the type's registered defaults.
   */
  async startByType<Result = unknown>(
    workflowType: { readonly name: string; readonly version: string },
    options: StartWorkflowOptions,
  ): Promise<WorkflowHandle<unknown, Result>> {
    assertStartOptions(options);
    const input = await this.#payloads.encode(options.input);
    return this.#startRequest(buildStartRequestForType(this.domain, workflowType, options, input));
  }

  /** A handle on an existing execution; without a runId it targets the workflow's current run. */
  getHandle<Input = unknown, Result = unknown>(workflowId: string, runId?: string): WorkflowHandle<Input, Result> {
    return new WorkflowHandle<Input, Result>(this.#handleContext(), workflowId, runId);
  }

  /** Open or closed executions matching the filters, one SDK page at a time. */
  async *listPages(options: ListExecutionsOptions & ListPageOptions): AsyncGenerator<WorkflowExecutionInfo[]> {
    assertKnownOptions('WorkflowClient.list options', options, LIST_OPTION_KEYS);
    const filter = compileListFilter(options);
    const config = { client: this.swf, ...(options.pageSize !== undefined && { pageSize: options.pageSize }) };
    const input = { domain: this.domain, ...filter, reverseOrder: options.reverseOrder ?? false };
    const operation = options.status === 'open' ? 'ListOpenWorkflowExecutions' : 'ListClosedWorkflowExecutions';
    const pages =
      options.status === 'open'
        ? paginateListOpenWorkflowExecutions(config, { ...input, startTimeFilter: filter.startTimeFilter ?? { oldestDate: new Date(0) } })
        : paginateListClosedWorkflowExecutions(config, input);
    for await (const page of withSdkContextPages(operation, `(domain=${this.domain})`, pages)) yield page.executionInfos ?? [];
  }

  /** Open or closed executions matching the filters, fetched page by page as the loop advances. */
  async *list(options: ListExecutionsOptions & ListPageOptions): AsyncGenerator<WorkflowExecutionInfo> {
    for await (const page of this.listPages(options)) yield* page;
  }

  /** How many open or closed executions match the filters. */
  async count(options: ListExecutionsOptions): Promise<ExecutionCount> {
    assertKnownOptions('WorkflowClient.count options', options, LIST_FILTER_KEYS);
    const filter = compileListFilter(options);
    const target = `(domain=${this.domain})`;
    const output =
      options.status === 'open'
        ? await withSdkContext('CountOpenWorkflowExecutions', target, () =>
            this.swf.send(
              new CountOpenWorkflowExecutionsCommand({
                domain: this.domain,
                ...filter,
                startTimeFilter: filter.startTimeFilter ?? { oldestDate: new Date(0) },
              }),
            ),
          )
        : await withSdkContext('CountClosedWorkflowExecutions', target, () =>
            this.swf.send(new CountClosedWorkflowExecutionsCommand({ domain: this.domain, ...filter })),
          );
    return { count: output.count ?? 0, truncated: output.truncated ?? false };
  }

  async #startRequest<Input, Result>(request: StartWorkflowExecutionInput): Promise<WorkflowHandle<Input, Result>> {
    const workflowId = request.workflowId ?? '';
    const call = {
      domain: this.domain,
      workflowId,
      workflowType: { name: request.workflowType?.name ?? '', version: request.workflowType?.version ?? '' },
      taskList: request.taskList?.name,
      headers: {},
    };
    const { runId } = await this.#interceptors.run('start', call, async ({ headers }) => {
      const input = attachHeaders(request.input, headers);
      assertPayloadSize('input', input);
      const output = await withSdkContext(
        'StartWorkflowExecution',
        `(domain=${this.domain}, workflowId=${workflowId}, type=${request.workflowType?.name}@${request.workflowType?.version})`,
        () => this.swf.send(new StartWorkflowExecutionCommand({ ...request, ...(input !== undefined && { input }) })),
      );
      if (!output.runId) throw new Error(`StartWorkflowExecution returned no runId for workflowId=${workflowId}`);
      return { runId: output.runId };
    });
    return new WorkflowHandle<Input, Result>(this.#handleContext(), workflowId, runId);
  }

  #handleContext() {
    return { swf: this.swf, domain: this.domain, payloads: this.#payloads, interceptors: this.#interceptors };
  }
}
