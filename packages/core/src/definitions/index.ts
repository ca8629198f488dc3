export { DefinitionError } from './definition-error.js';
export { resolveWorkflowType } from './workflow-type.js';
export type { ResolvedWorkflowType, WorkflowRunOptions, WorkflowTypeCarrier, WorkflowTypeOptions } from './workflow-type.js';
export { ACTIVITIES_BASE, activityMethodNames, resolveActivityType, resolveActivityTypes } from './activity-type.js';
export type { ActivityDefaults, ActivityTaskOptions, ActivityTypeCarrier, ActivityTypeOptions, ResolvedActivityType } from './activity-type.js';
