/** Starts two orders at once, one that ships and one that is compensated, and prints both outcomes. */
import { WorkflowClient } from '@swirl/client';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { shippableOrder, unshippableOrder } from './orders.js';
import { OrderSagaWorkflow } from './workflow.js';

const client = new WorkflowClient({ client: swfClientFromEnvironment(), domain: EXAMPLES_DOMAIN });
const suffix = Date.now().toString(36);
const orders = [shippableOrder(`o-${suffix}-1`), unshippableOrder(`o-${suffix}-2`)];
const handles = await Promise.all(orders.map((order) => client.start(OrderSagaWorkflow, { workflowId: `order-${order.orderId}`, input: order })));
for (const handle of handles) console.log(`started ${handle.workflowId} run ${handle.runId}`);
for (const handle of handles) console.log(handle.workflowId, JSON.stringify(await handle.result()));
client.swf.destroy();
