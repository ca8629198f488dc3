/**
 * An order as a saga: reserve stock and charge the card in parallel (the charge retried with
 * exponential backoff), then ship. When a step fails for good, every step that succeeded is undone
 * by its compensation, and the order ends COMPENSATED instead of leaving money or stock held.
 */
import { ActivityFailure } from '@swirl/core';
import { Workflow } from '@swirl/workflow';
import { Inventory, ORDERS_TASK_LIST, Payments, Shipping, type Address, type OrderLine } from './activities.js';

export interface Order {
  readonly orderId: string;
  readonly lines: readonly OrderLine[];
  readonly amountCents: number;
  readonly shipTo: Address;
}

export type OrderOutcome =
  | { readonly status: 'SHIPPED'; readonly orderId: string; readonly reservationId: string; readonly paymentId: string; readonly trackingNumber: string }
  | { readonly status: 'COMPENSATED'; readonly orderId: string; readonly reason: string; readonly compensations: readonly string[] };

/** The `control` tag of compensation activities, so tools reading the history can tell them apart. */
export const COMPENSATION = 'compensation';

export class OrderSagaWorkflow extends Workflow<Order, OrderOutcome> {
  static readonly type = { name: 'OrderSaga', version: '1', taskList: ORDERS_TASK_LIST, executionStartToCloseTimeout: '10m' };

  readonly #inventory = this.activities(Inventory);
  // Retries wait on durable SWF timers: 1s, 2s, 4s... up to 5 attempts; a declined card is final.
  readonly #payments = this.activities(Payments, {
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '10s', maximumAttempts: 5, nonRetryableErrorTypes: ['CardDeclined'] },
  });
  readonly #shipping = this.activities(Shipping, { retry: { initialInterval: '1s', maximumAttempts: 3 } });
  readonly #undoInventory = this.activities(Inventory, { control: COMPENSATION });
  readonly #undoPayments = this.activities(Payments, { control: COMPENSATION });

  async execute(order: Order): Promise<OrderOutcome> {
    const compensations: Array<{ readonly name: string; readonly run: () => Promise<unknown> }> = [];
    try {
      // allSettled, not all: a step still running when its sibling fails must be compensated too.
      const [reservation, payment] = await Promise.allSettled([
        this.#inventory.reserve({ orderId: order.orderId, lines: order.lines }),
        this.#payments.charge({ orderId: order.orderId, amountCents: order.amountCents }),
      ]);
      if (reservation.status === 'fulfilled') {
        compensations.push({ name: 'Inventory.release', run: () => this.#undoInventory.release(reservation.value) });
      }
      if (payment.status === 'fulfilled') {
        compensations.push({ name: 'Payments.refund', run: () => this.#undoPayments.refund(payment.value) });
      }
      if (reservation.status === 'rejected') throw reservation.reason;
      if (payment.status === 'rejected') throw payment.reason;

      const trackingNumber = await this.#shipping.ship({ orderId: order.orderId, to: order.shipTo });
      return { status: 'SHIPPED', orderId: order.orderId, reservationId: reservation.value, paymentId: payment.value, trackingNumber };
    } catch (error) {
      this.log.warn({ orderId: order.orderId, compensations: compensations.length }, 'order step failed; compensating');
      // Undo in reverse order of the steps (both parallel steps are undone together).
      const undo = compensations.reverse();
      await Promise.all(undo.map((compensation) => compensation.run()));
      return { status: 'COMPENSATED', orderId: order.orderId, reason: describeFailure(error), compensations: undo.map(({ name }) => name) };
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof ActivityFailure) {
    const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
    return `${error.activityType.name} failed: ${cause}`;
  }
  return error instanceof Error ? error.message : String(error);
}
