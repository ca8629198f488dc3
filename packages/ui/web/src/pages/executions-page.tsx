import { useState } from 'preact/hooks';
import { Fault } from '../components/fault.js';
import { StartExecutionForm } from '../components/start-execution-form.js';
import { enc } from '../api.js';
import { formatTime, type ExecutionInfo } from '../model/wire.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';

interface ExecutionPage {
  readonly executions: ExecutionInfo[];
  readonly nextPageToken: string | null;
  readonly count: number;
  readonly countTruncated: boolean;
}

const FILTERS = ['workflowId', 'typeName', 'typeVersion', 'tag', 'closeStatus', 'startFrom', 'startTo'] as const;
type FilterName = (typeof FILTERS)[number];
const CLOSE_STATUSES = ['COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'];

/** `datetime-local` holds local time without a zone; the API takes ISO instants. */
const toIso = (local: string) => (local === '' ? '' : new Date(local).toISOString());
const toLocal = (iso: string | null) => {
  if (iso === null || iso === '') return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function ExecutionsPage({ domain, query }: { readonly domain: string; readonly query: URLSearchParams }) {
  const state = query.get('state') === 'closed' ? 'closed' : 'open';
  const [tokens, setTokens] = useState<string[]>([]);
  const [starting, setStarting] = useState(false);
  const pageToken = tokens.at(-1);
  const apiQuery = new URLSearchParams(query);
  apiQuery.set('state', state);
  if (pageToken !== undefined) apiQuery.set('pageToken', pageToken);
  const path = `/domains/${enc(domain)}/executions?${apiQuery}`;
  const [page] = useApi<ExecutionPage>(path);

  const go = (next: URLSearchParams) => {
    setTokens([]);
    location.hash = href.executions(domain, next);
  };
  const tab = (name: 'open' | 'closed') => {
    const next = new URLSearchParams(query);
    next.set('state', name);
    if (name === 'open') next.delete('closeStatus');
    go(next);
  };

  return (
    <section>
      <h1>
        Executions of <span class="mono">{domain}</span>
      </h1>
      <div class="tabs" role="tablist">
        {(['open', 'closed'] as const).map((name) => (
          <button type="button" role="tab" aria-selected={state === name} class={state === name ? 'tab active' : 'tab'} data-tab={name} onClick={() => tab(name)}>
            {name}
          </button>
        ))}
        <button type="button" class="action" data-action="start" onClick={() => setStarting(!starting)}>
          Start execution…
        </button>
      </div>
      {starting && <StartExecutionForm domain={domain} onClose={() => setStarting(false)} />}
      <FilterForm key={query.toString()} state={state} query={query} onApply={go} />
      {page.state === 'loading' && <p class="muted">Loading…</p>}
      {page.state === 'failed' && <Fault error={page.error} />}
      {page.state === 'ready' && (
        <>
          <p class="count" data-testid="count">
            {page.value.count}
            {page.value.countTruncated ? '+' : ''} {state} execution{page.value.count === 1 ? '' : 's'}
            {FILTERS.some((name) => query.has(name)) ? ' match' : ''}
            {tokens.length > 0 ? ` (page ${tokens.length + 1})` : ''}
          </p>
          <ExecutionTable domain={domain} executions={page.value.executions} />
          <div class="pager">
            <button type="button" disabled={tokens.length === 0} onClick={() => setTokens(tokens.slice(0, -1))}>
              ← previous page
            </button>
            <button type="button" data-action="next-page" disabled={page.value.nextPageToken === null} onClick={() => setTokens([...tokens, page.value.nextPageToken!])}>
              next page →
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function FilterForm({ state, query, onApply }: { readonly state: 'open' | 'closed'; readonly query: URLSearchParams; readonly onApply: (next: URLSearchParams) => void }) {
  const [values, setValues] = useState<Record<FilterName, string>>(() => ({
    workflowId: query.get('workflowId') ?? '',
    typeName: query.get('typeName') ?? '',
    typeVersion: query.get('typeVersion') ?? '',
    tag: query.get('tag') ?? '',
    closeStatus: query.get('closeStatus') ?? '',
    startFrom: toLocal(query.get('startFrom')),
    startTo: toLocal(query.get('startTo')),
  }));
  const set = (name: FilterName) => (event: Event) => setValues({ ...values, [name]: (event.currentTarget as HTMLInputElement).value });
  const apply = (event: Event) => {
    event.preventDefault();
    const next = new URLSearchParams({ state });
    for (const name of FILTERS) {
      const value = name === 'startFrom' || name === 'startTo' ? toIso(values[name]) : values[name].trim();
      if (value !== '') next.set(name, value);
    }
    onApply(next);
  };
  return (
    <form class="filters" onSubmit={apply}>
      <label>
        workflow id <input name="workflowId" value={values.workflowId} onInput={set('workflowId')} />
      </label>
      <label>
        type <input name="typeName" value={values.typeName} onInput={set('typeName')} />
      </label>
      <label>
        version <input name="typeVersion" size={6} value={values.typeVersion} onInput={set('typeVersion')} />
      </label>
      <label>
        tag <input name="tag" value={values.tag} onInput={set('tag')} />
      </label>
      {state === 'closed' && (
        <label>
          close status{' '}
          <select name="closeStatus" value={values.closeStatus} onChange={set('closeStatus')}>
            <option value="">any</option>
            {CLOSE_STATUSES.map((status) => (
              <option value={status}>{status}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        started from <input type="datetime-local" name="startFrom" value={values.startFrom} onInput={set('startFrom')} />
      </label>
      <label>
        to <input type="datetime-local" name="startTo" value={values.startTo} onInput={set('startTo')} />
      </label>
      <button type="submit" data-action="filter">
        Filter
      </button>
      <span class="hint">SWF filters by one of workflow id, type, tag or close status at a time.</span>
    </form>
  );
}

function ExecutionTable({ domain, executions }: { readonly domain: string; readonly executions: readonly ExecutionInfo[] }) {
  if (executions.length === 0) return <p class="muted">None.</p>;
  return (
    <table class="list" data-testid="executions">
      <thead>
        <tr>
          <th>workflow id</th>
          <th>run id</th>
          <th>type</th>
          <th>started</th>
          <th>closed</th>
          <th>status</th>
          <th>tags</th>
        </tr>
      </thead>
      <tbody>
        {executions.map((info) => (
          <tr key={info.execution.runId} data-workflow-id={info.execution.workflowId}>
            <td>
              <a href={href.execution(domain, info.execution.workflowId, info.execution.runId)}>{info.execution.workflowId}</a>
            </td>
            <td class="mono small">{info.execution.runId}</td>
            <td>
              {info.workflowType.name} v{info.workflowType.version}
            </td>
            <td>{formatTime(info.startTimestamp)}</td>
            <td>{formatTime(info.closeTimestamp)}</td>
            <td>
              <span class={`status ${(info.closeStatus ?? info.executionStatus).toLowerCase()}`}>{info.closeStatus ?? info.executionStatus}</span>
              {info.cancelRequested ? ' (cancel requested)' : ''}
            </td>
            <td>{(info.tagList ?? []).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
