#!/usr/bin/env node
/** The `swirl` executable: runs the command line and exits with its code. */
import { runCli } from './program.js';
import { quietSdkNodeVersionWarning } from './quiet-sdk-warnings.js';

const args = process.argv.slice(2);
if (!args.includes('--debug')) quietSdkNodeVersionWarning();
process.exitCode = await runCli(args);
