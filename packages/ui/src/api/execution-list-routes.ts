/** One page of a domain's open or closed executions with the count of all that match, and starting a new one. */
import {
  CountClosedWorkflowExecutionsCommand,
  CountOpenWorkflowExecutionsCommand,
  ListClosedWorkflowExecutionsCommand,
  ListOpenWorkflowExecutionsCommand,
  StartWorkflowExecutionCommand,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { Hono } from 'hono';
import { parseJsonBody, startBodySchema } from './action-bodies.js';
import { parseExecutionQuery, parsePageSize, swfFilters } from './list-filters.js';

export function executionListRoutes(swf: SWFClient): Hono {
  const routes = new Hono();

  routes.get('/domains/:domain/executions', async (c) => {
    const domain = c.req.param('domain');
    const query = parseExecutionQuery(c.req.query());
    const maximumPageSize = parsePageSize(c.req.query('pageSize'));
    const nextPageToken = c.req.query('pageToken') || undefined;
    const filters = swfFilters(domain, query);
    const page = { ...filters, maximumPageSize, ...(nextPageToken !== undefined && { nextPageToken }) };
    // The count has no close-status-less open variant: open counts take no closeStatusFilter, which the parser already refused.
    const [listed, counted] =
      query.state === 'open'
        ? await Promise.all([swf.send(new ListOpenWorkflowExecutionsCommand(page)), swf.send(new CountOpenWorkflowExecutionsCommand(filters))])
        : await Promise.all([swf.send(new ListClosedWorkflowExecutionsCommand(page)), swf.send(new CountClosedWorkflowExecutionsCommand(filters))]);
    return c.json({
      executions: listed.executionInfos ?? [],
      nextPageToken: listed.nextPageToken ?? null,
      count: counted.count ?? 0,
      countTruncated: counted.truncated === true,
    });
  });

  routes.post('/domains/:domain/executions', async (c) => {
    const body = parseJsonBody(startBodySchema, await c.req.text());
    const started = await swf.send(
      new StartWorkflowExecutionCommand({
        domain: c.req.param('domain'),
        workflowId: body.workflowId,
        workflowType: { name: body.typeName, version: body.typeVersion },
        ...(body.input !== undefined && { input: body.input }),
        ...(body.taskList !== undefined && { taskList: { name: body.taskList } }),
        ...(body.tags !== undefined && { tagList: body.tags }),
        ...(body.executionStartToCloseTimeout !== undefined && { executionStartToCloseTimeout: body.executionStartToCloseTimeout }),
        ...(body.taskStartToCloseTimeout !== undefined && { taskStartToCloseTimeout: body.taskStartToCloseTimeout }),
        ...(body.childPolicy !== undefined && { childPolicy: body.childPolicy }),
      }),
    );
    return c.json({ workflowId: body.workflowId, runId: started.runId ?? '' }, 201);
  });

  return routes;
}
