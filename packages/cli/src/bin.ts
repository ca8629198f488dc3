#!/usr/bin/env node
/** The `swirl` executable: runs the command line and exits with its code. */
import { quietSdkNodeVersionWarning } from '@swirl/client';
import { runCli } from './program.js';

const args = process.argv.slice(2);
// The SDK's Node 22 notice is not about the command the user typed; --debug shows it again.
if (!args.includes('--debug')) quietSdkNodeVersionWarning();
process.exitCode = await runCli(args);
