/** One execution: its description, its history (whole or only what is new), the export file, and the actions on it. */
import {
  DescribeWorkflowExecutionCommand,
  paginateGetWorkflowExecutionHistory,
  RequestCancelWorkflowExecutionCommand,
  SignalWorkflowExecutionCommand,
  TerminateWorkflowExecutionCommand,
  type HistoryEvent,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { toSwirlHistoryExport } from '@swirl/testing';
import { Hono } from 'hono';
import { cancelBodySchema, parseJsonBody, signalBodySchema, terminateBodySchema } from './action-bodies.js';
import type { PayloadView } from './payload-view.js';
import { UiRequestError } from './ui-error.js';

const HISTORY_PAGE_SIZE = 1000;

/** Events after `afterEventId`, oldest first. Live updates ask for the tail: read backwards until the known part. */
async function historyAfter(swf: SWFClient, domain: string, execution: { workflowId: string; runId: string }, afterEventId: number): Promise<HistoryEvent[]> {
  const reverseOrder = afterEventId > 0;
  const events: HistoryEvent[] = [];
  const pages = paginateGetWorkflowExecutionHistory({ client: swf, pageSize: HISTORY_PAGE_SIZE }, { domain, execution, reverseOrder, maximumPageSize: HISTORY_PAGE_SIZE });
  for await (const page of pages) {
    for (const event of page.events ?? []) {
      if ((event.eventId ?? 0) <= afterEventId) return events.reverse();
      events.push(event);
    }
  }
  return reverseOrder ? events.reverse() : events;
}

function afterParam(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const after = Number(value);
  if (!Number.isInteger(after) || after < 0) throw new UiRequestError(`after must be an event id (a whole number, 0 for the whole history), got ${JSON.stringify(value)}`);
  return after;
}

export function executionRoutes(swf: SWFClient, payloads: PayloadView): Hono {
  const routes = new Hono();
  const base = '/domains/:domain/executions/:workflowId/:runId';
  const target = (c: { req: { param(name: 'domain' | 'workflowId' | 'runId'): string } }) => ({
    domain: c.req.param('domain'),
    execution: { workflowId: c.req.param('workflowId'), runId: c.req.param('runId') },
  });

  routes.get(base, async (c) => {
    const { domain, execution } = target(c);
    const described = await swf.send(new DescribeWorkflowExecutionCommand({ domain, execution }));
    const { $metadata: _, latestExecutionContext, ...rest } = described;
    const context = await payloads.executionContext(latestExecutionContext);
    return c.json({ ...rest, ...(context !== undefined && { latestExecutionContext: context }), payloadsDecoded: payloads.decoding });
  });

  routes.get(`${base}/history`, async (c) => {
    const { domain, execution } = target(c);
    const events = await historyAfter(swf, domain, execution, afterParam(c.req.query('after')));
    return c.json({ events: await Promise.all(events.map((event) => payloads.event(event))) });
  });

  // Raw payloads, as SWF stores them: the file `swirl replay` and `swirl history show` read.
  routes.get(`${base}/export`, async (c) => {
    const { domain, execution } = target(c);
    const [described, events] = await Promise.all([swf.send(new DescribeWorkflowExecutionCommand({ domain, execution })), historyAfter(swf, domain, execution, 0)]);
    const exported = toSwirlHistoryExport({
      domain,
      execution,
      workflowType: { name: described.executionInfo?.workflowType?.name ?? '', version: described.executionInfo?.workflowType?.version ?? '' },
      events,
    });
    const file = `${execution.workflowId}-${execution.runId}.json`.replace(/[^\w.=-]+/g, '_');
    c.header('Content-Disposition', `attachment; filename="${file}"`);
    return c.body(`${JSON.stringify(exported, null, 2)}\n`, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  routes.post(`${base}/signal`, async (c) => {
    const { domain, execution } = target(c);
    const body = parseJsonBody(signalBodySchema, await c.req.text());
    await swf.send(new SignalWorkflowExecutionCommand({ domain, ...execution, signalName: body.signalName, ...(body.input !== undefined && { input: body.input }) }));
    return c.json({ ok: true });
  });

  routes.post(`${base}/cancel`, async (c) => {
    const { domain, execution } = target(c);
    parseJsonBody(cancelBodySchema, await c.req.text());
    await swf.send(new RequestCancelWorkflowExecutionCommand({ domain, ...execution }));
    return c.json({ ok: true });
  });

  routes.post(`${base}/terminate`, async (c) => {
    const { domain, execution } = target(c);
    const body = parseJsonBody(terminateBodySchema, await c.req.text());
    await swf.send(
      new TerminateWorkflowExecutionCommand({
        domain,
        ...execution,
        ...(body.reason !== undefined && body.reason !== '' && { reason: body.reason }),
        ...(body.details !== undefined && body.details !== '' && { details: body.details }),
      }),
    );
    return c.json({ ok: true });
  });

  return routes;
}
