import { replayHistory } from '@swirl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOfType, scheduledActivities } from '../shared/history-queries.js';
import { startLocalRun, type LocalRun } from '../shared/local-run.js';
import { Inventory, ORDERS_TASK_LIST, Payments, Shipping } from './activities.js';
import { shippableOrder, unshippableOrder } from './orders.js';
import { COMPENSATION, OrderSagaWorkflow } from './workflow.js';

describe('order-saga', () => {
  let run: LocalRun;
  beforeAll(async () => {
    run = await startLocalRun({
      workers: [
        {
          taskList: ORDERS_TASK_LIST,
          workflows: [OrderSagaWorkflow],
          activities: [new Inventory(), new Payments({ gatewayTimeoutsPerOrder: 1 }), new Shipping()],
        },
      ],
    });
  });
  afterAll(() => run.close());

  it('reserves and charges in parallel, retries the timed-out charge after a backoff timer, and ships', async () => {
    const order = shippableOrder('o-1');
    const handle = await run.client.start(OrderSagaWorkflow, { workflowId: 'order-o-1', input: order });
    expect(await handle.result()).toEqual({
      status: 'SHIPPED',
      orderId: 'o-1',
      reservationId: 'res-o-1-2',
      paymentId: 'pay-o-1',
      trackingNumber: 'TRACK-O-1',
    });

    const events = await handle.fetchHistory();
    const scheduled = scheduledActivities(events);
    expect(scheduled.map(({ name }) => name)).toEqual(['Inventory.reserve', 'Payments.charge', 'Payments.charge', 'Shipping.ship']);
    // One decision scheduled both first steps: they ran in parallel.
    expect(scheduled[0]?.decisionTaskCompletedEventId).toBe(scheduled[1]?.decisionTaskCompletedEventId);
    expect(eventsOfType(events, 'ActivityTaskFailed')).toHaveLength(1);
    const backoff = eventsOfType(events, 'TimerStarted').map((event) => event.timerStartedEventAttributes?.startToFireTimeout);
    expect(backoff).toEqual(['1']);
  });

  it('undoes the charge and the reservation when shipping fails for good, without retrying it', async () => {
    const order = unshippableOrder('o-2');
    const handle = await run.client.start(OrderSagaWorkflow, { workflowId: 'order-o-2', input: order });
    expect(await handle.result()).toEqual({
      status: 'COMPENSATED',
      orderId: 'o-2',
      reason: 'Shipping.ship failed: no carrier delivers to McMurdo Station, Antarctica',
      compensations: ['Payments.refund', 'Inventory.release'],
    });

    const scheduled = scheduledActivities(await handle.fetchHistory());
    expect(scheduled.filter(({ name }) => name === 'Shipping.ship')).toHaveLength(1);
    expect(scheduled.filter(({ control }) => control === COMPENSATION).map(({ name }) => name).sort()).toEqual(['Inventory.release', 'Payments.refund']);
  });
});

describe('order-saga histories', () => {
  it.each(['shipped.json', 'compensated.json'])('replays %s against the current code', async (file) => {
    const result = await replayHistory({ workflows: [OrderSagaWorkflow] }, new URL(`./histories/${file}`, import.meta.url));
    expect(result.workflowType).toEqual({ name: 'OrderSaga', version: '1' });
    expect(result.decisionTasks).toBeGreaterThan(3);
  });
});
