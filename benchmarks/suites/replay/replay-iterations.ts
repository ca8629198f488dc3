/** How many times a replay is repeated: at least `min`, more while the time budget lasts. */
export interface IterationPlan {
  readonly min: number;
  readonly max: number;
  readonly budgetMs: number;
}

export function wantsAnotherIteration(plan: IterationPlan, done: number, elapsedMs: number): boolean {
  if (done < plan.min) return true;
  return done < plan.max && elapsedMs < plan.budgetMs;
}
