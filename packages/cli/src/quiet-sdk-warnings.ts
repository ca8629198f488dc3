/**
 * The AWS SDK warns on every run that its releases after January 2027 will need Node 22. That is
 * not about the command the user typed, so the CLI drops that one warning (shown again with --debug).
 */
export function quietSdkNodeVersionWarning(): void {
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.startsWith('NodeVersionSupportWarning')) return;
    (emitWarning as (warning: string | Error, ...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}
