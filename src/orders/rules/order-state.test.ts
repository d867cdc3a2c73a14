import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkOffer,
  checkOutcome,
  checkResponse,
  classifyCancellation,
  ORDER_STATUSES,
  statusFromOffers,
  statusWhenSettled,
  TransitionError,
  type SessionStatus,
} from './order-state';

const at = (iso: string) => new Date(iso);

describe('order status from offers', () => {
  it('when as many experts accepted as needed, then ACCEPTED; while others are asked, OFFERED; else REQUESTED', () => {
    expect(statusFromOffers(1, 1, 2)).toBe('ACCEPTED');
    expect(statusFromOffers(2, 1, 1)).toBe('OFFERED');
    expect(statusFromOffers(2, 1, 0)).toBe('REQUESTED');
    expect(statusFromOffers(1, 0, 0)).toBe('REQUESTED');
  });

  it('property: an order is ACCEPTED exactly when its places are filled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.nat(4), fc.nat(20), (needed, accepted, waiting) => {
        expect(statusFromOffers(needed, accepted, waiting) === 'ACCEPTED').toBe(accepted >= needed);
      }),
    );
  });
});

describe('steps that cannot be taken', () => {
  it('when an order is not REQUESTED or OFFERED, then no expert can be offered it', () => {
    for (const status of ORDER_STATUSES) {
      const allowed = status === 'REQUESTED' || status === 'OFFERED';
      if (allowed) expect(() => checkOffer(status)).not.toThrow();
      else expect(() => checkOffer(status)).toThrow(new RegExp(`the order is ${status}`));
    }
  });

  it('when the places are taken, then a later acceptance is told the order was already taken', () => {
    expect(() =>
      checkResponse({ status: 'FILLED', respondBy: null }, { status: 'ACCEPTED' }, true, at('2026-06-01T00:00:00Z')),
    ).toThrow(/already taken/);
    expect(() =>
      checkResponse({ status: 'OFFERED', respondBy: null }, { status: 'ACCEPTED' }, true, at('2026-06-01T00:00:00Z')),
    ).toThrow(TransitionError);
  });

  it('when an offer is past its answer time, then it cannot be answered; at the last moment it can', () => {
    const due = at('2026-06-01T12:00:00Z');
    expect(() =>
      checkResponse({ status: 'OFFERED', respondBy: due }, { status: 'OFFERED' }, true, at('2026-06-01T12:00:01Z')),
    ).toThrow(/EXPIRED/);
    expect(() => checkResponse({ status: 'OFFERED', respondBy: due }, { status: 'OFFERED' }, true, due)).not.toThrow();
  });

  it('when a declined offer meets a full order, then declining is still allowed', () => {
    expect(() =>
      checkResponse({ status: 'OFFERED', respondBy: null }, { status: 'ACCEPTED' }, false, at('2026-06-01T00:00:00Z')),
    ).not.toThrow();
  });
});

describe('cancellation class', () => {
  it('property: at the deadline or before it is EARLY, one millisecond later LATE', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        (d, delta) => {
          const deadline = new Date(d);
          expect(classifyCancellation(deadline, new Date(d + delta))).toBe(delta <= 0 ? 'EARLY' : 'LATE');
        },
      ),
    );
  });
});

describe('session outcomes', () => {
  const session = { startsAt: at('2026-06-02T07:00:00Z'), endsAt: at('2026-06-02T08:30:00Z') };
  const single = { kind: 'SINGLE' as const, status: 'ACCEPTED' as const, acceptedExperts: 1 };
  const after = at('2026-06-02T09:00:00Z');

  it('when the session has not started, then no outcome can be recorded', () => {
    expect(
      checkOutcome({ outcome: 'COMPLETED', minutes: 90 }, session, single, at('2026-06-02T06:59:59Z')),
    ).toMatchObject({
      field: null,
    });
  });

  it('when COMPLETED has no minutes, then the minutes are asked for', () => {
    expect(checkOutcome({ outcome: 'COMPLETED', minutes: null }, session, single, after)).toMatchObject({
      field: 'input.minutes',
    });
    expect(checkOutcome({ outcome: 'COMPLETED', minutes: 90 }, session, single, after)).toBeNull();
  });

  it('when work is not group work, then NO_PARTICIPANTS and GROUP_ENDED are refused', () => {
    for (const outcome of ['NO_PARTICIPANTS', 'GROUP_ENDED'] as const) {
      expect(checkOutcome({ outcome, minutes: null }, session, single, after)).toMatchObject({
        field: 'input.outcome',
      });
      expect(checkOutcome({ outcome, minutes: null }, session, { ...single, kind: 'GROUP' }, after)).toBeNull();
    }
  });

  it('when no expert has accepted, then there is no outcome to record', () => {
    expect(
      checkOutcome({ outcome: 'CLIENT_NO_SHOW', minutes: null }, session, { ...single, acceptedExperts: 0 }, after),
    ).not.toBeNull();
  });
});

describe('an order when its sessions are settled', () => {
  const s = (...statuses: SessionStatus[]) => statuses.map((status) => ({ status }));
  it('when every session was cancelled, then the order is CANCELLED; when one was held, DONE', () => {
    expect(statusWhenSettled('ACCEPTED', s('CANCELLED', 'CANCELLED'), 1)).toBe('CANCELLED');
    expect(statusWhenSettled('ACCEPTED', s('CANCELLED', 'DONE'), 1)).toBe('DONE');
    expect(statusWhenSettled('ACCEPTED', s('SCHEDULED', 'DONE'), 1)).toBe('ACCEPTED');
    expect(statusWhenSettled('DONE', s('DONE'), 1)).toBe('DONE');
  });
});
