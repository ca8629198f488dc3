/**
 * Where the Swirl packages a new project depends on come from. Run from a clone of the Swirl
 * repository (`pnpm swirl init`), the project links the clone's packages and loads their TypeScript
 * sources, so nothing has to be built or published first; run from an installed @swirl/cli, it
 * depends on the published packages of the same version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The packages a project uses: the ones its code imports, plus the CLI for `pnpm server`. */
export const PROJECT_PACKAGES = ['activity', 'cli', 'client', 'testing', 'worker', 'workflow'] as const;

/** The tools a project needs, at the ranges the Swirl repository itself is tested with. */
const TOOLS = ['@types/node', 'eslint', 'tsx', 'typescript', 'typescript-eslint', 'vitest'] as const;

export type SwirlSource =
  | { readonly kind: 'clone'; readonly root: string; readonly toolVersions: Readonly<Record<string, string>> }
  | { readonly kind: 'registry'; readonly version: string; readonly toolVersions: Readonly<Record<string, string>> };

/** Versions used when @swirl/cli runs from the registry (no clone to read them from). */
const PUBLISHED_TOOL_VERSIONS: Readonly<Record<string, string>> = {
  '@types/node': '^20.19.0',
  eslint: '^9.39.0',
  tsx: '^4.23.15',
  typescript: '~5.9.3',
  'typescript-eslint': '^8.73.0',
  vitest: '~4.1.12',
};

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The clone this CLI runs from, or undefined when it runs from an installed package. */
function cloneRoot(): string | undefined {
  // src/init/ (or dist/init/) -> packages/cli -> the repository root.
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
  const isClone = existsSync(path.join(root, 'pnpm-workspace.yaml')) && PROJECT_PACKAGES.every((name) => existsSync(path.join(root, 'packages', name, 'package.json')));
  return isClone ? root : undefined;
}

export function locateSwirl(): SwirlSource {
  const root = cloneRoot();
  if (root === undefined) {
    const cli = readJson(fileURLToPath(new URL('../../package.json', import.meta.url)));
    return { kind: 'registry', version: String(cli['version']), toolVersions: PUBLISHED_TOOL_VERSIONS };
  }
  const devDependencies = (readJson(path.join(root, 'package.json'))['devDependencies'] ?? {}) as Record<string, string>;
  const toolVersions = Object.fromEntries(TOOLS.map((tool) => [tool, devDependencies[tool] ?? PUBLISHED_TOOL_VERSIONS[tool] ?? 'latest']));
  return { kind: 'clone', root, toolVersions };
}

/** The dependency spec of one Swirl package for a project's package.json. */
export function swirlDependency(source: SwirlSource, name: (typeof PROJECT_PACKAGES)[number]): string {
  return source.kind === 'clone' ? `link:${path.join(source.root, 'packages', name)}` : `^${source.version}`;
}
