/** Run ids look like the real service's: 44 characters of standard base64 (with `+`, `/`, `=`). */
import { randomBase64 } from '../random-pool.js';

export const newRunId = (): string => randomBase64(32);
