import { SWF_LIMITS } from '@swirl/core';

/** Service quotas the engine enforces (SWF-SEMANTICS §3), read from @swirl/core's `SWF_LIMITS`. */
export const ENGINE_LIMITS = {
  domains: SWF_LIMITS.domains,
  typesPerDomain: SWF_LIMITS.typesPerDomain,
  domainTags: SWF_LIMITS.domainTags,
  openExecutionsPerDomain: SWF_LIMITS.openExecutionsPerDomain,
  openActivities: SWF_LIMITS.openActivities,
  openTimers: SWF_LIMITS.openTimers,
  openChildren: SWF_LIMITS.openChildren,
  /** SWF publishes no number for open Lambda tasks; we use the same bound as activities. */
  openLambdaFunctions: SWF_LIMITS.openActivities,
  historyEvents: SWF_LIMITS.historyEvents,
  concurrentPollsPerTaskList: SWF_LIMITS.pollersPerTaskList,
  lambdaStartToCloseSeconds: SWF_LIMITS.lambdaStartToCloseSeconds,
} as const;
