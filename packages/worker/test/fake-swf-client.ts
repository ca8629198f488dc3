/** A stand-in SWFClient for unit tests: `send` dispatches on the command class name. */
import type { SWFClient } from '@aws-sdk/client-swf';

/** Gets the command's input and the `send` options (`abortSignal`, `requestTimeout`) the worker passed. */
type Handler = (input: any, options: { abortSignal?: AbortSignal; requestTimeout?: number }) => unknown;

export interface FakeSwfClient {
  readonly client: SWFClient;
  /** Every command sent, in order: its class name (without "Command") and its input. */
  readonly calls: Array<{ operation: string; input: any }>;
  on(operation: string, handler: Handler): FakeSwfClient;
  callsTo(operation: string): any[];
}

/** An SDK-style error: the SDK maps faults by `name`. */
export function swfError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}

export function fakeSwfClient(): FakeSwfClient {
  const handlers = new Map<string, Handler>();
  const calls: Array<{ operation: string; input: any }> = [];
  const client = {
    config: { requestHandler: { httpHandlerConfigs: () => ({}) } },
    send: async (command: { constructor: { name: string }; input: unknown }, options: { abortSignal?: AbortSignal } = {}) => {
      const operation = command.constructor.name.replace(/Command$/, '');
      calls.push({ operation, input: command.input });
      const handler = handlers.get(operation);
      if (!handler) throw new Error(`fake SWF client: no handler for ${operation}`);
      return handler(command.input, options);
    },
  } as unknown as SWFClient;
  const fake: FakeSwfClient = {
    client,
    calls,
    on(operation, handler) {
      handlers.set(operation, handler);
      return fake;
    },
    callsTo: (operation) => calls.filter((call) => call.operation === operation).map((call) => call.input),
  };
  return fake;
}

/** A pino logger that records entries in memory. */
export function memoryLogger() {
  const entries: Array<{ level: number; msg: string; [key: string]: unknown }> = [];
  return { entries, stream: { write: (line: string) => entries.push(JSON.parse(line)) } };
}
