/**
 * The AWS SDK warns once per process, on the first client it builds, that its releases after
 * January 2027 will need Node 22. It says nothing about what the user ran, so the `swirl` CLI,
 * `createSwfClient` and `TestEnvironment` drop that one warning; every other warning still goes through.
 */

// Marks the patched emitWarning, so calling this again (each TestEnvironment) does not stack filters.
const QUIETED = Symbol.for('swirl.quietSdkNodeVersionWarning');

/** Drops the SDK's "NodeVersionSupportWarning" from `process.emitWarning` for this process. Idempotent. */
export function quietSdkNodeVersionWarning(): void {
  const current = process.emitWarning as typeof process.emitWarning & { [QUIETED]?: true };
  if (current[QUIETED]) return;
  const emitWarning = current.bind(process) as (warning: string | Error, ...rest: unknown[]) => void;
  const filtered = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.startsWith('NodeVersionSupportWarning')) return;
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning & { [QUIETED]?: true };
  filtered[QUIETED] = true;
  process.emitWarning = filtered;
}
