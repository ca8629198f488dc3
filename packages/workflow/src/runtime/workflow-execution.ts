/**
 * One workflow run inside the runtime, put together: the kernel that orders its commands, the
 * per-kind modules built on it, the lifecycle that starts and closes the run, and the context its
 * workflow code calls. It holds no logic of its own: `WorkflowRuntime` drives the kernel, and
 * event-handlers.ts routes each event to the part that owns it.
 */
import type { PayloadConverter } from '@swirl/core';
import type { WorkflowLogger } from '../logger.js';
import { ActivityScheduler } from './activities.js';
import { ChildWorkflows } from './child-workflows.js';
import { Conditions } from './conditions.js';
import { ExternalExecutions } from './external-executions.js';
import { LambdaFunctions } from './lambda-functions.js';
import { Markers } from './markers.js';
import { RunContext, type RunModules } from './run-context.js';
import { RunKernel } from './run-kernel.js';
import { RunLifecycle, type LifecycleSettings } from './run-lifecycle.js';
import { SignalInbox } from './signal-inbox.js';
import { Timers } from './timers.js';

// The package index exports the error from here; it lives in its own file so the lifecycle can throw it.
export { WorkflowRuntimeError } from './runtime-error.js';

export interface ExecutionSettings extends LifecycleSettings {
  readonly converter: PayloadConverter;
  readonly logger: WorkflowLogger;
}

export class WorkflowExecution implements RunModules {
  readonly kernel: RunKernel;
  readonly lifecycle: RunLifecycle;
  readonly context: RunContext;
  readonly timers: Timers;
  readonly conditions: Conditions;
  readonly activities: ActivityScheduler;
  readonly externals: ExternalExecutions;
  readonly children: ChildWorkflows;
  readonly lambdas: LambdaFunctions;
  readonly markers: Markers;
  readonly signals: SignalInbox;

  constructor(settings: ExecutionSettings) {
    // The hooks are called only once batches run, when every part below exists.
    this.kernel = new RunKernel({
      converter: settings.converter,
      logger: settings.logger,
      info: () => this.lifecycle.info,
      classify: (error) => this.lifecycle.classify(error),
      onIdle: () => this.conditions.check(),
    });
    const kernel = this.kernel;
    this.timers = new Timers(kernel);
    this.conditions = new Conditions(kernel, this.timers);
    this.activities = new ActivityScheduler(kernel, this.timers);
    this.externals = new ExternalExecutions(kernel);
    this.children = new ChildWorkflows(kernel, this.timers, this.externals);
    this.lambdas = new LambdaFunctions(kernel);
    this.markers = new Markers(kernel);
    this.signals = new SignalInbox(kernel);
    this.lifecycle = new RunLifecycle(kernel, settings);
    this.context = new RunContext(kernel, this.lifecycle, this, settings.execution.runId);
  }
}
