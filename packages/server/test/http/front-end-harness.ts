import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import type { OperationName } from '@swirl/core';
import { createAdminRequestHandler } from '../../src/admin/admin-routes.js';
import { FaultInjector } from '../../src/http/fault-injection.js';
import type { FaultInjectionOptions } from '../../src/http/fault-injection.js';
import type { OperationContext, OperationExecutor } from '../../src/http/operation-executor.js';
import { createRequestListener } from '../../src/http/request-listener.js';
import type { RequestListener } from '../../src/http/request-listener.js';
import { createSwfRequestHandler } from '../../src/http/swf-request-handler.js';

/** One call the fake engine received. */
export interface RecordedCall {
  readonly operation: OperationName;
  readonly input: unknown;
  readonly context: OperationContext;
}

type Behaviour = (call: RecordedCall) => Promise<Record<string, unknown> | undefined>;

/** The front end over a scripted fake engine, so HTTP behaviour is tested apart from the engine. */
export class FrontEndHarness {
  readonly calls: RecordedCall[] = [];
  resets = 0;
  behaviour: Behaviour = async () => ({});
  readonly #server: Server;
  readonly listener: RequestListener;

  private constructor(faultInjection?: FaultInjectionOptions, maxRequestBytes?: number) {
    const executor: OperationExecutor = {
      execute: (operation, input, context) => {
        const call = { operation, input, context };
        this.calls.push(call);
        return this.behaviour(call);
      },
    };
    const logger = pino({ level: 'silent' });
    this.listener = createRequestListener({
      swf: createSwfRequestHandler({
        executor,
        logger,
        faultInjector: faultInjection === undefined ? undefined : new FaultInjector(faultInjection),
        ...(maxRequestBytes !== undefined && { maxRequestBytes }),
      }),
      admin: createAdminRequestHandler({
        engine: { reset: () => void (this.resets += 1) },
        logger,
        startedAt: Date.now(),
      }),
      logger,
    });
    this.#server = createServer(this.listener);
  }

  static async start(options: { faultInjection?: FaultInjectionOptions; maxRequestBytes?: number } = {}): Promise<FrontEndHarness> {
    const harness = new FrontEndHarness(options.faultInjection, options.maxRequestBytes);
    await new Promise<void>((resolve) => harness.#server.listen(0, '127.0.0.1', resolve));
    return harness;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** Sends an AWS JSON 1.0 call the way the SDKs do. */
  call(target: string | undefined, body: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        ...(target !== undefined && { 'X-Amz-Target': target }),
        ...headers,
      },
      body,
    });
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
