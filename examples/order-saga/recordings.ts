/** The committed histories of order-saga: an order that ships after a retried charge, and one that is compensated. */
import type { LocalRunOptions } from '../shared/local-run.js';
import { recordRun, type Recording } from '../shared/recording.js';
import { Inventory, ORDERS_TASK_LIST, Payments, Shipping } from './activities.js';
import { shippableOrder, unshippableOrder } from './orders.js';
import { OrderSagaWorkflow, type Order } from './workflow.js';

const setup = (): LocalRunOptions => ({
  workers: [
    {
      taskList: ORDERS_TASK_LIST,
      workflows: [OrderSagaWorkflow],
      activities: [new Inventory(), new Payments({ gatewayTimeoutsPerOrder: 1 }), new Shipping()],
    },
  ],
});

const recordOrder = (order: Order) =>
  recordRun(setup(), async (run) => {
    const handle = await run.client.start(OrderSagaWorkflow, { workflowId: `order-${order.orderId}`, input: order });
    await handle.result();
    return handle;
  });

export const recordings: readonly Recording[] = [
  { file: 'shipped.json', record: () => recordOrder(shippableOrder('o-1')) },
  { file: 'compensated.json', record: () => recordOrder(unshippableOrder('o-2')) },
];
