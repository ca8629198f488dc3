// A clone must run on its own: no tracked file may name a path that leaves the repository.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const textFile = /\.(ts|tsx|js|mjs|cjs|json|ya?ml|sh|md)$|^\.ci\/run$/;

/** Relative path literals: one or more `../` followed by a name. */
const relativePath = /(?:\.\.\/)+[\w.@-][\w./@-]*/g;

function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' });
  return listed.split('\n').filter((file) => textFile.test(file) && !file.endsWith('pnpm-lock.yaml'));
}

/** Every relative path in `text` that, resolved from the file's folder, lands outside the repository. */
function pathsLeavingRepository(file: string, text: string, repositoryRoot = root): string[] {
  const folder = path.dirname(path.join(repositoryRoot, file));
  return [...text.matchAll(relativePath)]
    .map((match) => match[0])
    .filter((literal) => {
      const target = path.resolve(folder, literal);
      return target !== repositoryRoot && !target.startsWith(repositoryRoot + path.sep);
    });
}

describe('the repository is self-contained', () => {
  it('finds a path that leaves the repository (the check can fail)', () => {
    // Built at run time so that this file does not itself hold a path leaving the repository.
    const leaving = `${'../'.repeat(4)}shared/x.json`;
    expect(pathsLeavingRepository('packages/core/test/a.test.ts', `new URL('${leaving}')`, '/r')).toEqual([leaving]);
    expect(pathsLeavingRepository('examples/hello/worker.ts', "from '../shared/swf-connection.js'", '/r')).toEqual([]);
  });

  it('no tracked source, test, script or document names a path outside the repository', () => {
    const offenders = trackedTextFiles().flatMap((file) =>
      pathsLeavingRepository(file, readFileSync(path.join(root, file), 'utf8')).map((literal) => `${file}: ${literal}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no tracked file names the team folder beside the clone', () => {
    const offenders = trackedTextFiles().filter((file) =>
      /\/work\/shared|shared\/fixtures\/real-histories/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
