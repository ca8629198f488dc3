/**
 * The files of a new Swirl project: the hello workflow, its activities, a worker, a starter, a
 * vitest test (TestEnvironment and one replay of a recorded history), package.json, tsconfig, an
 * ESLint config with the determinism rules and a README. Source files come from templates/project;
 * the configuration depends on where the Swirl packages come from (see swirl-source.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_PACKAGES, swirlDependency, type SwirlSource } from './swirl-source.js';
import { projectReadme } from './project-readme.js';

const TEMPLATES = fileURLToPath(new URL('../../templates/project/', import.meta.url));

/** Template files whose name npm or git would treat specially if shipped under their real name. */
const RENAMED: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

/** A project name usable as an npm package name and an SWF domain: lowercase letters, digits, `-`. */
export function projectName(directory: string): string {
  const name = path
    .basename(path.resolve(directory))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'swirl-project' : name;
}

function templateFiles(folder = TEMPLATES, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      for (const [file, text] of templateFiles(path.join(folder, entry.name), relative)) files.set(file, text);
    } else {
      files.set(prefix === '' ? (RENAMED[entry.name] ?? entry.name) : relative, readFileSync(path.join(folder, entry.name), 'utf8'));
    }
  }
  return files;
}

function packageJson(name: string, source: SwirlSource): string {
  // From a clone, node loads the linked packages' TypeScript sources through their `swirl-source`
  // export condition; published packages are compiled, so plain `node --import tsx` is enough.
  const node = source.kind === 'clone' ? 'node --conditions=swirl-source --import tsx' : 'node --import tsx';
  const swirl = source.kind === 'clone' ? `${node} node_modules/@swirl/cli/src/bin.ts` : 'swirl';
  const manifest = {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: '>=20.19' },
    scripts: {
      test: 'vitest run',
      'local-server': `${swirl} server`,
      worker: `${node} --env-file=local.env src/worker.ts`,
      start: `${node} --env-file=local.env src/starter.ts`,
      swirl: source.kind === 'clone' ? `${node} --env-file=local.env node_modules/@swirl/cli/src/bin.ts` : 'swirl',
      typecheck: 'tsc --noEmit',
      lint: 'eslint --max-warnings 0 .',
    },
    dependencies: Object.fromEntries(PROJECT_PACKAGES.filter((pkg) => pkg !== 'cli' && pkg !== 'testing').map((pkg) => [`@swirl/${pkg}`, swirlDependency(source, pkg)])),
    devDependencies: {
      '@swirl/cli': swirlDependency(source, 'cli'),
      '@swirl/testing': swirlDependency(source, 'testing'),
      ...source.toolVersions,
    },
    pnpm: { onlyBuiltDependencies: ['esbuild'] },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function tsconfig(source: SwirlSource): string {
  const compilerOptions = {
    target: 'ES2023',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    ...(source.kind === 'clone' && { customConditions: ['swirl-source'] }),
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    types: ['node'],
    noEmit: true,
  };
  return `${JSON.stringify({ compilerOptions, include: ['src', 'test'] }, null, 2)}\n`;
}

function vitestConfig(source: SwirlSource): string {
  if (source.kind === 'registry') return `import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({ test: { include: ['test/**/*.test.ts'] } });\n`;
  return `import { defineConfig } from 'vitest/config';

// The @swirl packages are linked from a clone of Swirl and load from their TypeScript sources
// through the \`swirl-source\` export condition, then Vite's server conditions without 'module'
// (it would pick the AWS SDK's bundler-only build, which Node cannot load).
const conditions = ['swirl-source', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['swirl-source'] } },
  test: { include: ['test/**/*.test.ts'], env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
});
`;
}

/** Every file of the project, by path relative to its folder. */
export function scaffoldFiles(directory: string, source: SwirlSource): Map<string, string> {
  const name = projectName(directory);
  const files = templateFiles();
  files.set('src/swf.ts', (files.get('src/swf.ts') ?? '').replace('__DOMAIN__', name));
  files.set('package.json', packageJson(name, source));
  files.set('tsconfig.json', tsconfig(source));
  files.set('vitest.config.ts', vitestConfig(source));
  files.set('README.md', projectReadme(name, source));
  return files;
}
