/**
 * Runs the order-saga worker until Ctrl-C. Its payment gateway times out once per order, so every
 * order shows a retry with backoff.
 */
import { Worker } from '@swirl/worker';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { Inventory, ORDERS_TASK_LIST, Payments, Shipping } from './activities.js';
import { OrderSagaWorkflow } from './workflow.js';

const worker = await Worker.create({
  client: swfClientFromEnvironment(),
  domain: EXAMPLES_DOMAIN,
  taskList: ORDERS_TASK_LIST,
  workflows: [OrderSagaWorkflow],
  activities: [new Inventory(), new Payments({ gatewayTimeoutsPerOrder: 1 }), new Shipping()],
});
await worker.run();
