/** Sample orders of the saga: one that ships, and one to an address no carrier serves. */
import type { Order } from './workflow.js';

export function shippableOrder(orderId: string): Order {
  return { orderId, lines: [{ sku: 'KETTLE-1', quantity: 1 }, { sku: 'MUG-2', quantity: 4 }], amountCents: 5_400, shipTo: { city: 'Lyon', country: 'France' } };
}

export function unshippableOrder(orderId: string): Order {
  return { orderId, lines: [{ sku: 'PARKA-9', quantity: 2 }], amountCents: 31_800, shipTo: { city: 'McMurdo Station', country: 'Antarctica' } };
}
