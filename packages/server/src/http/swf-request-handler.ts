import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { OPERATION_NAMES, SwfFault, isSwfFaultName, parseOperationInput } from '@swirl/core';
import type { OperationName } from '@swirl/core';
import type { RequestAuthenticator } from '../auth/sigv4-authenticator.js';
import type { FaultInjector } from './fault-injection.js';
import type { OperationContext, OperationExecutor } from './operation-executor.js';
import { MAX_REQUEST_BYTES, readRequestBody } from './read-body.js';
import { regionFromAuthorization } from './region.js';
import { sendError, sendResult } from './responses.js';

const TARGET_PREFIX = 'SimpleWorkflowService.';
const KNOWN_OPERATIONS: ReadonlySet<string> = new Set(OPERATION_NAMES);
// The calls that may be held open (up to 60 s); only they need to hear that the client went away.
const LONG_POLLS: ReadonlySet<string> = new Set<OperationName>(['PollForDecisionTask', 'PollForActivityTask']);

export interface SwfRequestHandlerOptions {
  readonly executor: OperationExecutor;
  readonly logger: Logger;
  readonly faultInjector?: FaultInjector | undefined;
  /** Checks each call's signature before anything else reads it (`--auth sigv4`). @default none: every call is accepted */
  readonly authenticate?: RequestAuthenticator | undefined;
  /** @default 1 MB, SWF's request size limit */
  readonly maxRequestBytes?: number;
}

/** Answers one `POST /` AWS JSON 1.0 call. */
export type SwfRequestHandler = (request: IncomingMessage, response: ServerResponse, requestId: string) => Promise<void>;

/**
 * The AWS JSON 1.0 front end, kept thin: target -> body -> JSON -> zod validation -> engine ->
 * wire JSON. Client mistakes become 400 faults; anything unexpected is logged and answered 500.
 */
export function createSwfRequestHandler(options: SwfRequestHandlerOptions): SwfRequestHandler {
  const { executor, logger, faultInjector, authenticate } = options;
  const maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;

  return async (request, response, requestId) => {
    const startedAt = performance.now();
    const target = request.headers['x-amz-target'];
    const operation = operationFromTarget(typeof target === 'string' ? target : undefined);
    // A child logger costs a bindings serialization; most calls log nothing, so make it on first use.
    let child: Logger | undefined;
    const log = (): Logger => (child ??= logger.child({ requestId, operation: operation ?? target ?? null }));

    try {
      const body = await readRequestBody(request, maxRequestBytes);
      if (authenticate !== undefined) await authenticate(request, body.kind === 'complete' ? body.text : undefined);
      if (typeof operation !== 'string') {
        throw new SwfFault('UnknownOperationException', unknownTargetMessage(target));
      }
      const injected = faultInjector?.decide(operation);
      if (injected === 'throttle') throw new SwfFault('ThrottlingException', 'Rate exceeded');
      if (injected === 'unavailable') {
        log().info('injected fault: 503 ServiceUnavailable');
        sendError(response, requestId, { status: 503, wireType: 'com.amazon.coral.availability#ServiceUnavailable', message: 'Service unavailable' });
        return;
      }
      if (body.kind === 'too-large') {
        throw new SwfFault(
          'ValidationException',
          `Request body is ${body.bytes} bytes; SWF accepts at most ${maxRequestBytes} bytes (1 MB) per request`,
        );
      }
      const input = parseOperationInput(operation, parseJsonObject(body.text));

      const region = regionFromAuthorization(request.headers.authorization);
      const context = LONG_POLLS.has(operation) ? new LongPollContext(region, requestId, response) : { region, requestId };
      const result = await executor.execute(operation, input, context);
      if (response.destroyed) {
        log().debug('client disconnected before the answer; response dropped');
        return;
      }
      sendResult(response, requestId, result);
      if (logger.isLevelEnabled('debug')) log().debug({ status: 200, durationMs: elapsed(startedAt) }, 'request');
    } catch (error) {
      answerFailure(response, requestId, log(), error, startedAt);
    }
  };
}

/**
 * A long poll's context. Its signal aborts when the client disconnects before the answer, so a held
 * poll can give its task to someone else. The engine reads it only when the poll has to wait, so it
 * is made on first read: an AbortSignal costs more than the rest of a poll's front-end work, and
 * most polls find a task at once.
 */
class LongPollContext implements OperationContext {
  readonly region: string;
  readonly requestId: string;
  readonly #response: ServerResponse;
  #signal: AbortSignal | undefined;

  constructor(region: string, requestId: string, response: ServerResponse) {
    this.region = region;
    this.requestId = requestId;
    this.#response = response;
  }

  get signal(): AbortSignal {
    this.#signal ??= disconnectSignal(this.#response);
    return this.#signal;
  }
}

/**
 * Aborts when the poll's client is gone. The socket is watched itself: a client's close reaches
 * the socket (`end`, or `close` on a reset) ticks before the response's own `close`, and a task
 * scheduled in between used to be handed to a poll nobody was reading (38 to 46 of 100 tasks in a
 * same-moment test), coming back only at its start-to-close timeout.
 */
function disconnectSignal(response: ServerResponse): AbortSignal {
  const reason = new Error('client disconnected before the answer');
  const socket = response.socket;
  if (response.destroyed || socket === null || socket.destroyed || socket.readableEnded) return AbortSignal.abort(reason);
  const abort = new AbortController();
  const onGone = (): void => {
    if (!response.writableEnded) abort.abort(reason);
  };
  // Keep-alive sockets carry many polls: each poll's listeners leave with its answer.
  const release = (): void => {
    socket.off('end', onGone);
    socket.off('close', onGone);
  };
  socket.once('end', onGone);
  socket.once('close', onGone);
  response.once('close', () => {
    onGone();
    release();
  });
  response.once('finish', release);
  return abort.signal;
}

function answerFailure(response: ServerResponse, requestId: string, log: Logger, error: unknown, startedAt: number): void {
  if (response.destroyed || response.headersSent) {
    // The client went away (often mid-body); there is nobody left to answer.
    log.debug({ err: error }, 'request ended without an answer: connection closed');
    return;
  }
  const fault = asSwfFault(error);
  if (fault !== undefined) {
    sendError(response, requestId, { status: fault.httpStatus, wireType: fault.wireType, message: fault.message });
    log.info({ status: fault.httpStatus, fault: fault.faultName, durationMs: elapsed(startedAt) }, fault.message);
    return;
  }
  log.error({ err: error }, 'internal error while answering an SWF call');
  sendError(response, requestId, {
    status: 500,
    wireType: 'com.amazon.coral.service#InternalFailure',
    message: 'The local SWF server failed while processing the request; see its log for the stack trace',
  });
}

// A fault may come from another copy of @swirl/core (a built and a source copy loaded together), so
// recognise it by its fault name as well as by class.
function asSwfFault(error: unknown): SwfFault | undefined {
  if (error instanceof SwfFault) return error;
  if (!(error instanceof Error) || !('faultName' in error)) return undefined;
  const { faultName } = error;
  return typeof faultName === 'string' && isSwfFaultName(faultName) ? new SwfFault(faultName, error.message) : undefined;
}

function operationFromTarget(target: string | undefined): OperationName | undefined {
  if (target === undefined || !target.startsWith(TARGET_PREFIX)) return undefined;
  const name = target.slice(TARGET_PREFIX.length);
  return KNOWN_OPERATIONS.has(name) ? (name as OperationName) : undefined;
}

function unknownTargetMessage(target: string | string[] | undefined): string {
  if (target === undefined) return 'Missing X-Amz-Target header; expected SimpleWorkflowService.<Operation>';
  return `Unknown operation ${JSON.stringify(target)}; expected X-Amz-Target SimpleWorkflowService.<Operation> naming one of the ${KNOWN_OPERATIONS.size} SWF operations`;
}

const BLANK = /^\s*$/;

// AWS JSON bodies are objects; clients send `{}` for an operation without members, so an empty body is `{}` too.
function parseJsonObject(text: string): Record<string, unknown> {
  if (BLANK.test(text)) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SwfFault('SerializationException', `Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SwfFault('SerializationException', `Request body must be a JSON object, got ${Array.isArray(value) ? 'an array' : String(value === null ? 'null' : typeof value)}`);
  }
  return value as Record<string, unknown>;
}

function elapsed(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 1000) / 1000;
}
