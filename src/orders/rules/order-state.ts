/**
 * The life of an order, its offers and its sessions, as pure rules: who may take which step is
 * the service's business (it depends on the region's ordering model); whether a step is possible
 * from where things stand is decided here.
 *
 * Order:   DRAFT → REQUESTED → OFFERED → ACCEPTED → DONE, and CANCELLED from any open status.
 *          An order is ACCEPTED once as many experts have accepted as it needs; OFFERED while an
 *          offer is waiting for an answer; REQUESTED when neither (so a declined, expired or
 *          withdrawn acceptance sends it back to REQUESTED, or OFFERED if others are still asked).
 * Offer:   OFFERED → ACCEPTED | DECLINED | EXPIRED | FILLED (others took the places) | RETRACTED
 *          (the order was cancelled); ACCEPTED → WITHDRAWN (the expert steps back, no reason asked).
 * Session: SCHEDULED → CANCELLED (classified EARLY or LATE against its stored deadline) | DONE (an
 *          outcome recorded after its start).
 */

export const ORDER_STATUSES = ['DRAFT', 'REQUESTED', 'OFFERED', 'ACCEPTED', 'DONE', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const OFFER_STATUSES = [
  'OFFERED',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
  'FILLED',
  'RETRACTED',
  'WITHDRAWN',
] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const SESSION_STATUSES = ['SCHEDULED', 'CANCELLED', 'DONE'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SESSION_OUTCOMES = [
  'COMPLETED',
  'CLIENT_NO_SHOW',
  'EXPERT_ILL',
  'NO_PARTICIPANTS',
  'GROUP_ENDED',
] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

export const ORDER_KINDS = ['SINGLE', 'CLIENT_PROCESS', 'GROUP'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

export type CancellationClass = 'EARLY' | 'LATE';

/** A step that cannot be taken from where things stand; the service answers CONFLICT. */
export class TransitionError extends Error {}

const OPEN: readonly OrderStatus[] = ['DRAFT', 'REQUESTED', 'OFFERED', 'ACCEPTED'];

export function isOpen(status: OrderStatus): boolean {
  return OPEN.includes(status);
}

/** The status an open (submitted) order has, given its offers. */
export function statusFromOffers(expertsNeeded: number, accepted: number, waiting: number): OrderStatus {
  if (accepted >= expertsNeeded) return 'ACCEPTED';
  return waiting > 0 ? 'OFFERED' : 'REQUESTED';
}

export function checkSubmit(status: OrderStatus): void {
  if (status !== 'DRAFT') throw new TransitionError(`the order is ${status}; only a DRAFT can be submitted`);
}

/** Offers go out only for a submitted order with places left. */
export function checkOffer(status: OrderStatus): void {
  if (status !== 'REQUESTED' && status !== 'OFFERED')
    throw new TransitionError(`the order is ${status}; experts can be offered a REQUESTED or OFFERED order`);
}

/**
 * An expert answers an offer. Accepting needs a place left: the first acceptances win, and a later
 * one meets the full order (FILLED). An offer past its answer time has EXPIRED.
 */
export function checkResponse(
  offer: { status: OfferStatus; respondBy: Date | null },
  order: { status: OrderStatus },
  accept: boolean,
  now: Date,
): void {
  if (offer.status !== 'OFFERED') {
    if (offer.status === 'FILLED')
      throw new TransitionError('the offer is FILLED: the order was already taken by other experts');
    throw new TransitionError(`the offer is ${offer.status}; only an OFFERED offer can be answered`);
  }
  if (offer.respondBy && now.getTime() > offer.respondBy.getTime())
    throw new TransitionError(`the offer is EXPIRED: the answer was due by ${offer.respondBy.toISOString()}`);
  if (accept && order.status !== 'OFFERED' && order.status !== 'REQUESTED')
    throw new TransitionError(`the order is ${order.status}; it takes no more experts`);
}

export function checkWithdraw(offer: { status: OfferStatus } | undefined, order: { status: OrderStatus }): void {
  if (!offer) throw new TransitionError('the expert has not accepted this order');
  if (order.status === 'DONE' || order.status === 'CANCELLED')
    throw new TransitionError(`the order is ${order.status}; there is nothing to step back from`);
}

export function checkCancelOrder(status: OrderStatus): void {
  if (!isOpen(status)) throw new TransitionError(`the order is ${status}; only an open order can be cancelled`);
}

/** Sessions change only while they are SCHEDULED and their order is open. */
export function checkSessionChange(session: { status: SessionStatus }, order: { status: OrderStatus }): void {
  if (session.status !== 'SCHEDULED')
    throw new TransitionError(`the session is ${session.status}; only a SCHEDULED session can change`);
  if (!isOpen(order.status)) throw new TransitionError(`the order is ${order.status}`);
}

/** Cancelling exactly at the deadline is still on time (EARLY, free); a second later is LATE. */
export function classifyCancellation(deadline: Date, cancelledAt: Date): CancellationClass {
  return cancelledAt.getTime() <= deadline.getTime() ? 'EARLY' : 'LATE';
}

/** Which outcomes a session may get; the reason is the message of BAD_USER_INPUT or CONFLICT. */
export function checkOutcome(
  input: { outcome: SessionOutcome; minutes: number | null | undefined },
  session: { startsAt: Date; endsAt: Date },
  order: { kind: OrderKind; status: OrderStatus; acceptedExperts: number },
  now: Date,
): { field: 'input.outcome' | 'input.minutes' | null; message: string } | null {
  if (now.getTime() < session.startsAt.getTime())
    return {
      field: null,
      message: `the session starts at ${session.startsAt.toISOString()}; record its outcome after it has started`,
    };
  if (order.acceptedExperts === 0)
    return { field: null, message: `the order is ${order.status}; no expert has accepted it` };
  if ((input.outcome === 'NO_PARTICIPANTS' || input.outcome === 'GROUP_ENDED') && order.kind !== 'GROUP')
    return { field: 'input.outcome', message: `${input.outcome} is an outcome of group work only` };
  const planned = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
  if (input.outcome === 'COMPLETED') {
    if (input.minutes === null || input.minutes === undefined)
      return { field: 'input.minutes', message: 'a COMPLETED session needs the minutes worked' };
  }
  if (input.minutes !== null && input.minutes !== undefined) {
    if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > Math.max(planned * 2, 24 * 60))
      return { field: 'input.minutes', message: `expected whole minutes from 1 to ${Math.max(planned * 2, 24 * 60)}` };
  }
  return null;
}

/**
 * Where an open order goes when none of its sessions is SCHEDULED any more: CANCELLED when every
 * session was cancelled, DONE when one was held by an accepted expert; otherwise it stays.
 */
export function statusWhenSettled(
  status: OrderStatus,
  sessions: ReadonlyArray<{ status: SessionStatus }>,
  acceptedExperts: number,
): OrderStatus {
  if (!isOpen(status) || status === 'DRAFT' || !sessions.length) return status;
  if (sessions.some((s) => s.status === 'SCHEDULED')) return status;
  if (sessions.every((s) => s.status === 'CANCELLED')) return 'CANCELLED';
  return acceptedExperts > 0 ? 'DONE' : status;
}
