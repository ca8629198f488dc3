import { describe, expect, it } from 'vitest';
import { intercept, type InterceptorHook } from '../src/index.js';

describe('intercept', () => {
  it('runs the first hook outermost, each seeing the call the one before passed on', async () => {
    const trail: string[] = [];
    const tag =
      (name: string): InterceptorHook<{ tags: string[] }, string> =>
      async (call, next) => {
        trail.push(`${name} in`);
        const result = await next({ tags: [...call.tags, name] });
        trail.push(`${name} out`);
        return `${name}(${result})`;
      };
    const result = await intercept([tag('a'), undefined, tag('b')], { tags: [] }, async (call) => call.tags.join('+'));
    expect(result).toBe('a(b(a+b))');
    expect(trail).toEqual(['a in', 'b in', 'b out', 'a out']);
  });

  it('calls the last step directly when no hook is given', async () => {
    expect(await intercept<number, number>([], 2, async (call) => call * 3)).toBe(6);
  });

  it('lets a hook see the error of the call and rethrow it', async () => {
    const seen: unknown[] = [];
    const observe: InterceptorHook<void, never> = async (call, next) => {
      try {
        return await next(call);
      } catch (error) {
        seen.push(error);
        throw error;
      }
    };
    const failure = new Error('refused');
    await expect(intercept([observe], undefined, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(seen).toEqual([failure]);
  });
});
