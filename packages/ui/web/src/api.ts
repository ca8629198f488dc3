/** The UI's JSON API, relative to the page, so it follows the mount path. */

/** A refused or failed call: SWF's fault name (or the UI's own) and its message, shown as they are. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const apiPath = (path: string) => `api${path}`;
export const enc = encodeURIComponent;

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError('BadResponse', `The UI server answered ${response.status} with something that is not JSON: ${text.slice(0, 200)}`, response.status);
  }
  if (!response.ok) {
    const error = (body as { error?: { type?: string; message?: string } }).error;
    throw new ApiError(error?.type ?? `HTTP ${response.status}`, error?.message ?? text, response.status);
  }
  return body as T;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return answer<T>(await fetch(apiPath(path), { headers: { Accept: 'application/json' }, ...(signal && { signal }) }));
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return answer<T>(await fetch(apiPath(path), { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) }));
}

export const exportUrl = (domain: string, workflowId: string, runId: string) => apiPath(`/domains/${enc(domain)}/executions/${enc(workflowId)}/${enc(runId)}/export`);

export function executionPath(domain: string, workflowId: string, runId: string): string {
  return `/domains/${enc(domain)}/executions/${enc(workflowId)}/${enc(runId)}`;
}
