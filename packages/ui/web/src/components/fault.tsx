import type { ApiError } from '../api.js';

/** An SWF fault or a refusal, plainly: its type and message as text. */
export function Fault({ error }: { readonly error: ApiError }) {
  return (
    <div class="fault" role="alert" data-fault-type={error.type}>
      <strong>{error.type}</strong>: {error.message}
    </div>
  );
}
