/**
 * One history size through the public API in a fresh process:
 * `public-replay-child.ts <count> <min> <max> <budgetMs> <folder>` (see public-replay.ts).
 */
import { answerParent } from '../../harness/child-process.js';
import { measurePublicReplay, type PublicReplayChildResult } from './public-replay.js';

answerParent(async (): Promise<PublicReplayChildResult> => {
  const [countArg, minArg, maxArg, budgetArg, folder] = process.argv.slice(2);
  if (!folder) throw new Error(`usage: public-replay-child.ts <count> <min> <max> <budgetMs> <folder>, got ${process.argv.slice(2).join(' ')}`);
  return measurePublicReplay(Number(countArg), { min: Number(minArg), max: Number(maxArg), budgetMs: Number(budgetArg) }, folder);
});
