// `pnpm test:faults [--long] [vitest args...]`: the fault suite alone. `--long` runs each test at its
// long size (more workflows, more kill points, a 30-minute soak) through SWIRL_FAULTS_LONG, which
// profile.ts reads; without it the sizes are the ones `.ci/run` uses.
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const long = args.includes('--long');
const vitestArgs = args.filter((arg) => arg !== '--long');
const env = { ...process.env, ...(long ? { SWIRL_FAULTS_LONG: '1' } : {}) };
const child = spawn('pnpm', ['exec', 'vitest', 'run', '--project', 'faults', ...vitestArgs], { stdio: 'inherit', env });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
