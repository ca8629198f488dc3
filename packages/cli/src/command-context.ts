/**
 * What a command's action needs: the resolved global flags, lazily built SDK and Swirl clients,
 * and output in the chosen format.
 */
import type { SWFClient } from '@aws-sdk/client-swf';
import { DomainCatalog, type WorkflowClient } from '@swirl/client';
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import {
  createSwfClient,
  createWorkflowClient,
  requireDomain,
  resolveGlobals,
  type GlobalFlags,
  type ResolvedGlobals,
} from './global-options.js';

export class CommandContext {
  readonly io: CliIo;
  readonly globals: ResolvedGlobals;
  #swf: SWFClient | undefined;
  #client: WorkflowClient | undefined;

  constructor(command: Command, io: CliIo) {
    this.io = io;
    this.globals = resolveGlobals(command.optsWithGlobals<GlobalFlags>(), io.env);
  }

  get domain(): string {
    return requireDomain(this.globals);
  }

  get swf(): SWFClient {
    this.#swf ??= createSwfClient(this.globals, this.io.env);
    return this.#swf;
  }

  get client(): WorkflowClient {
    this.#client ??= createWorkflowClient(this.globals, this.io.env, this.swf);
    return this.#client;
  }

  /** Domain administration; needs no --domain. */
  get domains(): DomainCatalog {
    return new DomainCatalog(this.swf);
  }

  /** Colours only for a terminal, never with NO_COLOR or JSON output. */
  get colorEnabled(): boolean {
    return this.globals.output === 'table' && this.io.stdout.isTTY === true && !this.io.env['NO_COLOR'];
  }

  /** Prints `value` as JSON with `--output json`, otherwise the text `table()` renders. */
  print(value: unknown, table: () => string): void {
    if (this.globals.output === 'json') this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    else this.io.stdout.write(table());
  }

  /** A confirmation line in table mode; `{ ok: true, ...fields }` in JSON mode. */
  done(message: string, fields: Record<string, unknown> = {}): void {
    this.print({ ok: true, ...fields }, () => `${message}\n`);
  }
}
