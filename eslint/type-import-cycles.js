// @ts-check
/**
 * `swirl/no-import-cycle`: import-x/no-cycle skips `import type`, so two files that need each
 * other's types form a circle it never reports. This rule follows every relative import and
 * re-export, types included, and reports a file that can reach itself again.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** @type {Map<string, string[]>} file -> the repository files it imports (relative specifiers only) */
const edgesOf = new Map();

/** @param {string} candidate */
function isFile(candidate) {
  try {
    return statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/** @param {string} from @param {string} specifier */
function resolve(from, specifier) {
  const target = path.resolve(path.dirname(from), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), `${target}.ts`, path.join(target, 'index.ts'), target];
  return candidates.find((candidate) => candidate.endsWith('.ts') && isFile(candidate));
}

/** @param {string} file @param {string} [text] */
function edges(file, text) {
  if (text === undefined) {
    const cached = edgesOf.get(file);
    if (cached) return cached;
  }
  const source = text ?? readFileSync(file, 'utf8');
  const found = ts
    .preProcessFile(source, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(file, specifier))
    .filter((resolved) => resolved !== undefined);
  edgesOf.set(file, found);
  return found;
}

/** A path of files from `start` back to `start`, or undefined. @param {string} start @param {string} text */
function cycleThrough(start, text) {
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {string} file @param {string[]} trail @returns {string[] | undefined} */
  const visit = (file, trail) => {
    for (const next of file === start ? edges(start, text) : edges(file)) {
      if (next === start) return [...trail, start];
      if (seen.has(next) || next.includes(`${path.sep}node_modules${path.sep}`)) continue;
      seen.add(next);
      const found = visit(next, [...trail, next]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(start, [start]);
}

/** @type {import('eslint').Rule.RuleModule} */
const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, counting type-only imports' },
    schema: [],
    messages: { cycle: 'Import cycle (type-only imports count): {{trail}}. Move what both sides need into a module of its own.' },
  },
  create(context) {
    return {
      Program(node) {
        const file = context.filename;
        const cycle = cycleThrough(file, context.sourceCode.text);
        if (!cycle) return;
        const root = context.cwd;
        context.report({ node, messageId: 'cycle', data: { trail: cycle.map((step) => path.relative(root, step)).join(' -> ') } });
      },
    };
  },
};

export const swirlPlugin = { rules: { 'no-import-cycle': noImportCycle } };
