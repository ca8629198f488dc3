import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Inventory, ORDERS_TASK_LIST, Payments, Shipping } from '../../examples/order-saga/activities.js';
import { unshippableOrder } from '../../examples/order-saga/orders.js';
import { OrderSagaWorkflow } from '../../examples/order-saga/workflow.js';
import { EXAMPLES_DOMAIN } from '../../examples/shared/swf-connection.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { startUiRun, type UiRun } from './support/ui-run.js';

const ROW_OPENERS = ['ActivityTaskScheduled', 'TimerStarted', 'StartChildWorkflowExecutionInitiated', 'LambdaFunctionScheduled'];
const BAD_ENDINGS = ['ActivityTaskFailed', 'ActivityTaskTimedOut', 'ChildWorkflowExecutionFailed', 'ChildWorkflowExecutionTimedOut', 'LambdaFunctionFailed', 'LambdaFunctionTimedOut'];

describe('the execution page of the order-saga run, in Chromium', () => {
  let run: UiRun;
  let browser: TestBrowser;
  let history: HistoryEvent[];
  let url: string;
  let runId: string;

  beforeAll(async () => {
    [run, browser] = await Promise.all([
      startUiRun([{ taskList: ORDERS_TASK_LIST, workflows: [OrderSagaWorkflow], activities: [new Inventory(), new Payments({ gatewayTimeoutsPerOrder: 1 }), new Shipping()] }]),
      launchBrowser(),
    ]);
    const order = unshippableOrder('ui-page');
    const handle = await run.client.start(OrderSagaWorkflow, { workflowId: `order-${order.orderId}`, input: order });
    await handle.result();
    history = [...(await handle.fetchHistory({ decodePayloads: false }))];
    runId = (await handle.describe()).execution.runId;
    url = run.executionUrl(EXAMPLES_DOMAIN, handle.workflowId, runId);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('draws one timeline bar per activity and timer of the history, the failed ones marked failed', async () => {
    const expectedRows = history.filter((event) => ROW_OPENERS.includes(event.eventType ?? '')).length;
    const expectedBad = history.filter((event) => BAD_ENDINGS.includes(event.eventType ?? '')).length;
    // The saga's design: reserve and charge, a backoff timer, charge again, ship (fails), refund and release.
    expect(expectedRows).toBe(7);
    expect(expectedBad).toBe(2);

    const { page, errors } = await browser.newPage();
    await page.goto(url);
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.locator('[data-bar]').count()).toBe(expectedRows);
    expect(await timeline.locator('[data-bar][data-failed="true"]').count()).toBe(expectedBad);
    expect(await timeline.locator('[data-bar="timer"]').count()).toBe(1);
    const shipping = timeline.locator('[data-bar="activity"]', { hasText: 'Shipping.ship' });
    expect(await shipping.getAttribute('data-outcome')).toBe('failed');
    expect(await timeline.locator('[data-decision-tick]').count()).toBe(history.filter((event) => event.eventType === 'DecisionTaskCompleted').length);
    expect(await page.getByTestId('status').textContent()).toBe('COMPLETED');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists every event with its attributes as text, a page at a time', async () => {
    const { page } = await browser.newPage();
    await page.goto(url);
    const events = page.getByTestId('events');
    await expect.poll(() => events.getAttribute('data-count')).toBe(String(history.length));
    expect(await events.locator('tr[data-event-id]').count()).toBe(Math.min(100, history.length));
    const started = events.locator('tr[data-event-type="WorkflowExecutionStarted"] pre');
    expect(await started.textContent()).toContain('ui-page');
    await page.close();
  });

  it('saves a screenshot of the page as a non-empty PNG', async () => {
    const { page } = await browser.newPage();
    await page.goto(url);
    await expect.poll(() => page.getByTestId('timeline').locator('[data-bar]').count()).toBeGreaterThan(0);
    const file = join(browser.dir, 'order-saga.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await page.close();
  });

  it('exports the history in the format swirl replay reads', async () => {
    const response = await fetch(`${run.uiUrl}api/domains/${EXAMPLES_DOMAIN}/executions/order-ui-page/${encodeURIComponent(runId)}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="order-ui-page-/);
    const exported = (await response.json()) as { format: string; events: Array<{ eventId: number }> };
    expect(exported.events.map((event) => event.eventId)).toEqual(history.map((event) => event.eventId));
  });
});

