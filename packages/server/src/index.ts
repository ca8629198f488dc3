/**
 * @swirl/server: an SWF-compatible local server. The real `@aws-sdk/client-swf`, the AWS CLI
 * and boto3 talk to it over the AWS JSON 1.0 wire protocol with dummy credentials; tests can
 * drive the same `SwfEngine` in process and skip time with a `VirtualClock`.
 *
 * @example
 * ```ts
 * import { SWF } from '@aws-sdk/client-swf';
 * import { startServer } from '@swirl/server';
 *
 * const server = await startServer({ port: 0 }); // 127.0.0.1, a free port
 * const swf = new SWF({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
 * await swf.registerDomain({ name: 'demo', workflowExecutionRetentionPeriodInDays: '1' });
 * console.log((await swf.listDomains({ registrationStatus: 'REGISTERED' })).domainInfos);
 * swf.destroy();
 * await server.close();
 * ```
 */
export { startServer, PortInUseError } from './server.js';
export type { StartServerOptions, SwirlServer } from './server.js';
export type { FaultInjectionOptions } from './http/fault-injection.js';
export { InvalidMountError, type MountedHandler } from './http/mounts.js';
export { createSigV4Authenticator, MAX_CLOCK_SKEW_MS } from './auth/sigv4-authenticator.js';
export type { RequestAuthenticator, SigV4AuthOptions } from './auth/sigv4-authenticator.js';
export { ACCESS_KEY_ENV, AccessKeysError, accessKeysFromEnv, loadAccessKeysFile, parseAccessKeys } from './auth/access-keys.js';
export type { AccessKey } from './auth/access-keys.js';

export { SwfEngine } from './engine/swf-engine.js';
export type { SwfEngineOptions, OperationContext, OperationOutput } from './engine/swf-engine.js';
export type { EngineStats, StartedTask, QueuedTaskList, OutstandingTaskKind } from './engine/tasks/outstanding-work.js';
export type { HeldPolls } from './engine/tasks/task-lists.js';
export { RealClock } from './clock/clock.js';
export type { Clock, ClockTimer } from './clock/clock.js';
export { VirtualClock } from './clock/virtual-clock.js';
export { MemoryStore } from './store/memory-store.js';
export type { Store } from './store/store.js';
export { SqliteStore } from './store/sqlite/sqlite-store.js';
export type { SqliteStoreOptions } from './store/sqlite/sqlite-store.js';
export { SCHEMA_VERSION, UnsupportedSchemaVersionError } from './store/sqlite/schema.js';
export { SqliteStoreOpenError } from './store/sqlite/open-error.js';
export { AWS_DECISION_RATE_LIMITS } from './engine/rate-limits/decision-rate-limits.js';
export type { DecisionRateLimits } from './engine/rate-limits/decision-rate-limits.js';
export { AWS_API_BUCKETS } from './engine/rate-limits/api-throttle.js';
export type { ApiThrottlingOption } from './engine/rate-limits/api-throttle.js';
export { AWS_EXECUTION_API_BUCKETS } from './engine/rate-limits/execution-throttle.js';
export type { ExecutionThrottledOperation } from './engine/rate-limits/execution-throttle.js';
export type { TokenBucketSpec } from './engine/rate-limits/token-bucket.js';
export type { LambdaHandler } from './engine/engine-state.js';
