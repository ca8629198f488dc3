/**
 * The services an order touches, as activities. Each is a stand-in for a real system, with the
 * failures real systems have: a payment gateway that times out now and then, and a carrier that
 * does not deliver everywhere.
 */
import { Activities } from '@swirl/activity';
import { ApplicationFailure } from '@swirl/core';

export const ORDERS_TASK_LIST = 'orders';

// SWF needs every timeout from the decision or the type's defaults; every class here shares these.
const defaults = {
  taskList: ORDERS_TASK_LIST,
  scheduleToStartTimeout: '1m',
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '2m',
  heartbeatTimeout: 'NONE',
};

export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
}

export interface Address {
  readonly city: string;
  readonly country: string;
}

export class Inventory extends Activities {
  static readonly type = { version: '1', defaults };

  /** Holds stock for the order; returns the reservation id. */
  async reserve(input: { orderId: string; lines: readonly OrderLine[] }): Promise<string> {
    return `res-${input.orderId}-${input.lines.length}`;
  }

  /** Compensation of `reserve`: puts the stock back. */
  async release(reservationId: string): Promise<string> {
    return `released ${reservationId}`;
  }
}

export interface PaymentsOptions {
  /** Gateway timeouts each order meets before its charge goes through (a flaky dependency). @default 0 */
  readonly gatewayTimeoutsPerOrder?: number;
}

export class Payments extends Activities {
  static readonly type = { version: '1', defaults };
  readonly #timeoutsPerOrder: number;
  readonly #attempts = new Map<string, number>();

  constructor(options: PaymentsOptions = {}) {
    super();
    this.#timeoutsPerOrder = options.gatewayTimeoutsPerOrder ?? 0;
  }

  /** Charges the card; a gateway timeout is retryable, the workflow's retry policy takes care of it. */
  async charge(input: { orderId: string; amountCents: number }): Promise<string> {
    const attempt = (this.#attempts.get(input.orderId) ?? 0) + 1;
    this.#attempts.set(input.orderId, attempt);
    if (attempt <= this.#timeoutsPerOrder) {
      throw ApplicationFailure.retryable(`payment gateway timed out (attempt ${attempt})`, 'GatewayTimeout');
    }
    return `pay-${input.orderId}`;
  }

  /** Compensation of `charge`: gives the money back. */
  async refund(paymentId: string): Promise<string> {
    return `refunded ${paymentId}`;
  }
}

/** Countries no carrier serves: shipping there fails for good, however often it is tried. */
const UNSERVED_COUNTRIES = new Set(['Antarctica']);

export class Shipping extends Activities {
  static readonly type = { version: '1', defaults };

  /** Books a carrier; returns the tracking number. */
  async ship(input: { orderId: string; to: Address }): Promise<string> {
    if (UNSERVED_COUNTRIES.has(input.to.country)) {
      throw ApplicationFailure.nonRetryable(`no carrier delivers to ${input.to.city}, ${input.to.country}`, 'AddressUnserved');
    }
    return `TRACK-${input.orderId.toUpperCase()}`;
  }
}
