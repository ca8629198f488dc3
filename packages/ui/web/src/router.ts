/** Hash routes, so the page works under any mount path and needs no server-side fallback. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { readonly page: 'domains' }
  | { readonly page: 'executions'; readonly domain: string; readonly query: URLSearchParams }
  | { readonly page: 'execution'; readonly domain: string; readonly workflowId: string; readonly runId: string };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter((part) => part !== '').map(decodeURIComponent);
  if (parts[0] === 'domains' && parts[1] !== undefined) {
    if (parts[2] === 'executions' && parts[3] !== undefined && parts[4] !== undefined) {
      return { page: 'execution', domain: parts[1], workflowId: parts[3], runId: parts[4] };
    }
    return { page: 'executions', domain: parts[1], query: new URLSearchParams(search) };
  }
  return { page: 'domains' };
}

export const href = {
  domains: () => '#/',
  executions: (domain: string, query?: URLSearchParams) => `#/domains/${encodeURIComponent(domain)}${query && query.size > 0 ? `?${query}` : ''}`,
  execution: (domain: string, workflowId: string, runId: string) =>
    `#/domains/${encodeURIComponent(domain)}/executions/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}`,
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
