/** Pooled random bytes for run ids and task tokens (one syscall per 4 KiB, not per id). */
import { randomFillSync } from 'node:crypto';

// One getrandom() call per 4 KiB instead of one per token: the bytes are the same CSPRNG output
// (node's randomUUID batches the same way), the syscall was a measurable share of each call.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/** `bytes` cryptographically random bytes (1 to 4096), encoded as standard base64. */
export function randomBase64(bytes: number): string {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > POOL_BYTES) {
    throw new RangeError(`randomBase64: bytes must be an integer from 1 to ${POOL_BYTES}, got ${bytes}`);
  }
  if (offset + bytes > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const text = pool.toString('base64', offset, offset + bytes);
  // Never hand the same bytes out twice.
  pool.fill(0, offset, offset + bytes);
  offset += bytes;
  return text;
}
