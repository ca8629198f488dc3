/**
 * `swirl init <dir>`: writes a new project (see init/scaffold.ts) into an empty or missing folder.
 * The folder is resolved from the directory the user ran the command in: under `pnpm swirl`, pnpm
 * runs the script from the repository root and passes the user's directory as INIT_CWD.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliUsageError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { scaffoldFiles } from '../init/scaffold.js';
import { locateSwirl } from '../init/swirl-source.js';

function requireEmptyFolder(folder: string, shown: string): void {
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) throw new CliUsageError(`${shown} exists and is not a folder`);
  const entries = readdirSync(folder);
  if (entries.length > 0) throw new CliUsageError(`${shown} is not empty (${entries.length} entries): swirl init writes only into an empty or new folder`);
}

export function registerInitCommand(program: Command, io: CliIo): void {
  program
    .command('init <dir>')
    .description('write a new project (workflow, activities, worker, starter, tests) into an empty folder')
    .action((dir: string) => {
      const base = io.env['INIT_CWD'] ?? io.cwd;
      const folder = path.resolve(base, dir);
      requireEmptyFolder(folder, dir);
      const source = locateSwirl();
      if (source.kind === 'clone' && (folder === source.root || folder.startsWith(source.root + path.sep))) {
        throw new CliUsageError(`${dir} is inside the Swirl clone (${source.root}): make the project outside it, e.g. swirl init ~/my-app`);
      }
      const files = scaffoldFiles(folder, source);
      for (const [file, text] of files) {
        const target = path.join(folder, file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
      const shown = path.relative(base, folder) || '.';
      io.stdout.write(
        `created ${folder} (${files.size} files)\n\n  cd ${shown}\n  pnpm install\n  pnpm test\n\nthen pnpm server, pnpm worker and pnpm start in three terminals (see README.md)\n`,
      );
    });
}
