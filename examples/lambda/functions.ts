/**
 * The Lambda functions of the example, as the local server runs them: by name, taking the input
 * payload (a JSON string) and resolving to the result payload. On AWS these would be deployed
 * Lambda functions; the workflow code is the same.
 */
import type { LambdaHandler } from '@swirl/server';

export interface WordStats {
  readonly words: number;
  readonly distinct: number;
  readonly longest: string;
}

function wordStats(text: string): WordStats {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const longest = words.reduce((best, word) => (word.length > best.length ? word : best), '');
  return { words: words.length, distinct: new Set(words).size, longest };
}

export const lambdaHandlers: Readonly<Record<string, LambdaHandler>> = {
  'word-stats': async (input) => {
    const { text } = JSON.parse(input ?? '{}') as { text?: unknown };
    if (typeof text !== 'string') throw new TypeError('word-stats needs input {"text": string}');
    return JSON.stringify(wordStats(text));
  },
};
