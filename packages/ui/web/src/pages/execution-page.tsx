/** One execution: summary, links, published state, timeline, events and actions; an open run follows its history live. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getJson, type ApiError, executionPath } from '../api.js';
import { EventList } from '../components/event-list.js';
import { ExecutionActions } from '../components/execution-actions.js';
import { Fault } from '../components/fault.js';
import { Timeline } from '../components/timeline.js';
import { executionLinks } from '../model/execution-links.js';
import { buildTimeline } from '../model/timeline-model.js';
import { formatTime, type ExecutionDescription, type WireEvent } from '../model/wire.js';
import { href } from '../router.js';
import { toApiError } from '../use-api.js';

/** How often an open execution asks for new events. */
const LIVE_INTERVAL_MS = 1_000;

interface Props {
  readonly domain: string;
  readonly workflowId: string;
  readonly runId: string;
}

export function ExecutionPage({ domain, workflowId, runId }: Props) {
  const path = executionPath(domain, workflowId, runId);
  const [description, setDescription] = useState<ExecutionDescription | undefined>();
  const [events, setEvents] = useState<WireEvent[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [refresh, setRefresh] = useState(0);
  const lastEventId = useRef(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const [described, page] = await Promise.all([getJson<ExecutionDescription>(path), getJson<{ events: WireEvent[] }>(`${path}/history?after=${lastEventId.current}`)]);
        if (stopped) return;
        setError(undefined);
        setDescription(described);
        if (page.events.length > 0) {
          lastEventId.current = page.events.at(-1)!.eventId;
          setEvents((known) => [...known, ...page.events]);
        }
        if (described.executionInfo.executionStatus === 'OPEN') timer = setTimeout(() => void poll(), LIVE_INTERVAL_MS);
      } catch (failure) {
        if (stopped) return;
        setError(toApiError(failure));
        timer = setTimeout(() => void poll(), LIVE_INTERVAL_MS * 5);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [path, refresh]);

  const open = description?.executionInfo.executionStatus === 'OPEN';
  const timeline = useMemo(() => buildTimeline(events, Date.now() / 1000), [events, open]);
  const links = useMemo(() => executionLinks(events), [events]);

  if (description === undefined) return error === undefined ? <p class="muted">Loading…</p> : <Fault error={error} />;
  const info = description.executionInfo;
  const config = description.executionConfiguration;
  const counts = description.openCounts;
  const run = (id: string) => <a href={href.execution(domain, workflowId, id)}>{id}</a>;
  return (
    <section data-testid="execution" data-status={info.closeStatus ?? info.executionStatus}>
      <h1>
        <span class="mono">{workflowId}</span>{' '}
        <span class={`status ${(info.closeStatus ?? info.executionStatus).toLowerCase()}`} data-testid="status">
          {info.closeStatus ?? info.executionStatus}
        </span>
        {open && (
          <span class="live" title={`refreshed every ${LIVE_INTERVAL_MS / 1000} s`}>
            ● live
          </span>
        )}
      </h1>
      {error !== undefined && <Fault error={error} />}
      <div class="summary-grid">
        <dl class="summary">
          <dt>type</dt>
          <dd>
            {info.workflowType.name} v{info.workflowType.version}
          </dd>
          <dt>run id</dt>
          <dd class="mono">{info.execution.runId}</dd>
          <dt>started</dt>
          <dd>{formatTime(info.startTimestamp)}</dd>
          <dt>closed</dt>
          <dd>{info.closeTimestamp === undefined ? '(open)' : formatTime(info.closeTimestamp)}</dd>
          <dt>task list</dt>
          <dd>{config.taskList?.name}</dd>
          <dt>timeouts</dt>
          <dd>
            execution {config.executionStartToCloseTimeout} s, decision task {config.taskStartToCloseTimeout} s, child policy {config.childPolicy}
          </dd>
          {info.tagList !== undefined && info.tagList.length > 0 && (
            <>
              <dt>tags</dt>
              <dd>{info.tagList.join(', ')}</dd>
            </>
          )}
          {info.cancelRequested && (
            <>
              <dt>cancel</dt>
              <dd>requested</dd>
            </>
          )}
          <dt>pending</dt>
          <dd data-testid="pending">
            {counts.openActivityTasks} activities, {counts.openDecisionTasks} decision tasks, {counts.openTimers} timers, {counts.openChildWorkflowExecutions} children
            {counts.openLambdaFunctions ? `, ${counts.openLambdaFunctions} lambdas` : ''}
          </dd>
          {(info.parent ?? links.parent) !== undefined && (
            <>
              <dt>parent</dt>
              <dd>
                <a href={href.execution(domain, (info.parent ?? links.parent)!.workflowId, (info.parent ?? links.parent)!.runId)}>{(info.parent ?? links.parent)!.workflowId}</a>
              </dd>
            </>
          )}
          {links.continuedFrom !== undefined && (
            <>
              <dt>continued from</dt>
              <dd class="mono">{run(links.continuedFrom)}</dd>
            </>
          )}
          {links.continuedAs !== undefined && (
            <>
              <dt>continued as</dt>
              <dd class="mono">{run(links.continuedAs)}</dd>
            </>
          )}
          {links.children.length > 0 && (
            <>
              <dt>children</dt>
              <dd>
                <ul class="children">
                  {links.children.map((child) => (
                    <li>{child.runId === undefined ? `${child.workflowId} (not started)` : <a href={href.execution(domain, child.workflowId, child.runId)}>{child.workflowId}</a>}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
        <div class="state">
          <h3>published state (executionContext){description.payloadsDecoded ? '' : ', raw'}</h3>
          <pre data-testid="execution-context">{description.latestExecutionContext ?? '(none)'}</pre>
        </div>
      </div>
      {open && <ExecutionActions domain={domain} workflowId={workflowId} runId={runId} onActed={() => setRefresh((n) => n + 1)} />}
      {!open && (
        <div class="actions">
          <a class="action" data-action="export" href={`api${path}/export`} download>
            export history JSON
          </a>
        </div>
      )}
      <h2>Timeline</h2>
      <Timeline model={timeline} />
      <h2>Events</h2>
      <EventList events={events} />
    </section>
  );
}
