import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import itaUusimaaModule from '../../regions/ita-uusimaa';
import laplandModule from '../../regions/lapland';
import vantaaModule from '../../regions/vantaa-kap';
import { classifyCancellation, SESSION_OUTCOMES } from '../orders/rules/order-state';
import { RegionConfigSchema } from '../region/region-config';
import { cancellationDeadline } from '../region/rules/cancellation-deadline';
import { agreedFeeOf } from './agreed-fee';
import { amountFor, feeLines, paidMinutes, totals, type SessionFacts } from './fee-engine';

const ita = RegionConfigSchema.parse(itaUusimaaModule);
const vantaa = RegionConfigSchema.parse(vantaaModule);
const lapland = RegionConfigSchema.parse(laplandModule);

const facts = (over: Partial<SessionFacts> = {}): SessionFacts => ({
  agreedFee: agreedFeeOf(ita, 'pair-work', null, '2026-11-04'),
  plannedMinutes: 90,
  workedMinutes: 90,
  preparationMinutes: 0,
  outcome: 'COMPLETED',
  cancellationClass: null,
  travelCents: null,
  remote: false,
  carriesPackage: false,
  ...over,
});

describe('rounding', () => {
  it('when minutes do not make whole cents, then the line is rounded once, half up', () => {
    expect(amountFor(90, 3000)).toBe(4500);
    expect(amountFor(1, 2500)).toBe(42); // 41.67
    expect(amountFor(1, 3000)).toBe(50);
    expect(amountFor(1, 3030)).toBe(51); // 50.5 → 51
    expect(amountFor(0, 3000)).toBe(0);
  });
});

describe('Itä-Uusimaa (003 §6.2)', () => {
  const rules = ita.cancellationPolicy;

  it('when a pair meeting is held, then the worked minutes are paid at the client-meeting rate, preparation at its own', () => {
    expect(feeLines(facts({ workedMinutes: 85, preparationMinutes: 30 }), rules)).toEqual([
      {
        category: 'client-meeting',
        minutes: 85,
        hourlyRateCents: 3000,
        amountCents: 4250,
        taxClass: 'WORK_COMPENSATION',
        taxClassIsDefault: true,
        rule: 'WORKED',
      },
      {
        category: 'preparation',
        minutes: 30,
        hourlyRateCents: 2500,
        amountCents: 1250,
        taxClass: 'WORK_COMPENSATION',
        taxClassIsDefault: true,
        rule: 'PREPARATION',
      },
    ]);
  });

  it('when cancelled after 15:00 the day before, then the agreed minutes are paid; before it, nothing', () => {
    const late = feeLines(facts({ outcome: null, workedMinutes: null, cancellationClass: 'LATE' }), rules);
    expect(late).toMatchObject([{ minutes: 90, amountCents: 4500, rule: 'LATE_CANCELLATION' }]);
    expect(feeLines(facts({ outcome: null, workedMinutes: null, cancellationClass: 'EARLY' }), rules)).toEqual([]);
  });

  it('when the client does not come, then the agreed time is paid once, even if it was used for other joint work', () => {
    const lines = feeLines(facts({ outcome: 'CLIENT_NO_SHOW', workedMinutes: 60 }), rules);
    expect(lines).toMatchObject([{ minutes: 90, amountCents: 4500, rule: 'CLIENT_NO_SHOW' }]);
  });

  it('when the expert is ill, or a group is ended for a reason, then nothing is paid; an empty group is paid', () => {
    expect(feeLines(facts({ outcome: 'EXPERT_ILL', workedMinutes: null }), rules)).toEqual([]);
    const group = agreedFeeOf(ita, 'group-guidance', null, '2026-11-04');
    expect(feeLines(facts({ agreedFee: group, outcome: 'GROUP_ENDED', workedMinutes: null }), rules)).toEqual([]);
    expect(feeLines(facts({ agreedFee: group, outcome: 'NO_PARTICIPANTS', workedMinutes: null }), rules)).toMatchObject(
      [{ category: 'group-guidance', minutes: 90, amountCents: 4500, rule: 'NO_PARTICIPANTS' }],
    );
  });

  it('when travel was agreed in advance, then it is paid for a trip made, not for a cancelled or remote session', () => {
    expect(feeLines(facts({ travelCents: 1240 }), rules).at(-1)).toEqual({
      category: 'travel',
      minutes: 0,
      hourlyRateCents: null,
      amountCents: 1240,
      taxClass: null,
      taxClassIsDefault: false,
      rule: 'TRAVEL_AGREED',
    });
    expect(feeLines(facts({ travelCents: 1240, outcome: 'CLIENT_NO_SHOW' }), rules).at(-1)?.rule).toBe('TRAVEL_AGREED');
    expect(
      feeLines(facts({ travelCents: 1240, outcome: null, cancellationClass: 'LATE' }), rules).map((l) => l.rule),
    ).toEqual(['LATE_CANCELLATION']);
    expect(feeLines(facts({ travelCents: 1240, remote: true }), rules).map((l) => l.rule)).toEqual(['WORKED']);
  });

  it('when a lecture is prepared, then the preparation takes the lecture’s tax class (salary)', () => {
    const lecture = agreedFeeOf(ita, 'lecture-training', null, '2026-11-04');
    const lines = feeLines(
      facts({ agreedFee: lecture, workedMinutes: 60, plannedMinutes: 60, preparationMinutes: 60 }),
      rules,
    );
    expect(lines.map((l) => [l.category, l.taxClass, l.amountCents])).toEqual([
      ['lecture', 'SALARY', 5000],
      ['preparation', 'SALARY', 2500],
    ]);
  });
});

describe('Vantaa KAP (24 hours, packages)', () => {
  const rules = vantaa.cancellationPolicy;
  const pack = agreedFeeOf(vantaa, 'group-guidance', 'group-guidance-package', '2026-09-01');

  it('when a group guidance package is held, then the package price is paid once: the planning hour and the rest', () => {
    const lines = feeLines(facts({ agreedFee: pack, carriesPackage: true }), rules);
    expect(lines.map((l) => [l.category, l.minutes, l.amountCents, l.rule])).toEqual([
      ['preparation', 60, 2500, 'PACKAGE_PART'],
      ['group-guidance', 90, 2500, 'PACKAGE_REST'],
    ]);
    expect(totals(lines).totalCents).toBe(5000);
    // The package covers the order's other sessions.
    expect(feeLines(facts({ agreedFee: pack, carriesPackage: false }), rules)).toEqual([]);
  });

  it('when a package session is cancelled late, then the package is paid; early, nothing', () => {
    const late = facts({ agreedFee: pack, carriesPackage: true, outcome: null, cancellationClass: 'LATE' });
    expect(totals(feeLines(late, rules)).totalCents).toBe(5000);
    expect(feeLines({ ...late, cancellationClass: 'EARLY' }, rules)).toEqual([]);
  });

  it('when a cancellation comes 30 or 20 hours before, then the first is free and the second paid', () => {
    const startsAt = new Date('2026-09-10T06:00:00Z');
    const deadline = cancellationDeadline(rules, vantaa.timeZone, startsAt);
    const at = (hours: number) => new Date(startsAt.getTime() - hours * 3_600_000);
    const lecture = agreedFeeOf(vantaa, 'lecture-training', null, '2026-09-01');
    const pay = (hours: number) =>
      totals(
        feeLines(
          facts({ agreedFee: lecture, outcome: null, cancellationClass: classifyCancellation(deadline, at(hours)) }),
          rules,
        ),
      ).totalCents;
    expect(pay(30)).toBe(0);
    expect(pay(20)).toBe(7500);
  });
});

describe('Lapland (volunteer tasks)', () => {
  it('when a volunteer task is done, then a line of 0 cents counts its minutes', () => {
    const volunteer = agreedFeeOf(lapland, 'event-volunteer', null, '2026-06-01');
    expect(
      feeLines(facts({ agreedFee: volunteer, workedMinutes: 180, plannedMinutes: 180 }), lapland.cancellationPolicy),
    ).toEqual([
      {
        category: 'volunteer',
        minutes: 180,
        hourlyRateCents: 0,
        amountCents: 0,
        taxClass: null,
        taxClassIsDefault: false,
        rule: 'VOLUNTEER',
      },
    ]);
  });

  it('when a paid own-story talk is given over video, then it is paid without travel', () => {
    const talk = agreedFeeOf(lapland, 'own-story', null, '2026-06-01');
    const lines = feeLines(
      facts({ agreedFee: talk, workedMinutes: 60, remote: true, travelCents: 5000 }),
      lapland.cancellationPolicy,
    );
    expect(lines.map((l) => l.rule)).toEqual(['WORKED']);
    expect(lines[0]!.amountCents).toBeGreaterThan(0);
  });
});

describe('properties', () => {
  const regions = [ita, vantaa, lapland];
  const anyFacts = fc
    .record({
      region: fc.constantFrom(...regions),
      taskIndex: fc.nat(20),
      withPackage: fc.boolean(),
      plannedMinutes: fc.integer({ min: 1, max: 720 }),
      workedMinutes: fc.option(fc.integer({ min: 1, max: 1440 }), { nil: null }),
      preparationMinutes: fc.integer({ min: 0, max: 480 }),
      outcome: fc.option(fc.constantFrom(...SESSION_OUTCOMES), { nil: null }),
      cancellationClass: fc.option(fc.constantFrom('EARLY' as const, 'LATE' as const), { nil: null }),
      travelCents: fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: null }),
      remote: fc.boolean(),
      carriesPackage: fc.boolean(),
    })
    .map((f) => {
      const task = f.region.taskTypes[f.taskIndex % f.region.taskTypes.length]!;
      const packageId = f.withPackage ? (task.packageIds[0] ?? null) : null;
      return {
        region: f.region,
        facts: facts({ ...f, agreedFee: agreedFeeOf(f.region, task.id, packageId, '2026-06-01') }),
      };
    });

  it('amounts are never negative, and the same facts always give the same lines', () => {
    fc.assert(
      fc.property(anyFacts, ({ region, facts: f }) => {
        const lines = feeLines(f, region.cancellationPolicy);
        for (const line of lines) {
          expect(line.amountCents).toBeGreaterThanOrEqual(0);
          expect(Number.isInteger(line.amountCents)).toBe(true);
        }
        expect(feeLines(structuredClone(f), region.cancellationPolicy)).toEqual(lines);
      }),
    );
  });

  it('the lines of a notice sum to its total, and the totals per tax class and per category too', () => {
    fc.assert(
      fc.property(fc.array(anyFacts, { maxLength: 30 }), (many) => {
        const lines = many.flatMap(({ region, facts: f }) => feeLines(f, region.cancellationPolicy));
        const t = totals(lines);
        expect(t.totalCents).toBe(lines.reduce((sum, l) => sum + l.amountCents, 0));
        expect(Object.values(t.byTaxClass).reduce((a, b) => a + b, 0)).toBe(t.totalCents);
        expect(Object.values(t.byCategory).reduce((a, b) => a + b, 0)).toBe(t.totalCents);
      }),
    );
  });

  it('a cancellation one second after the deadline pays, one at the deadline does not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(ita, vantaa),
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        (region, startsAt) => {
          const deadline = cancellationDeadline(region.cancellationPolicy, region.timeZone, startsAt);
          const fee = agreedFeeOf(region, region.taskTypes.find((t) => t.paid)!.id, null, '2026-06-01');
          const pay = (at: Date) =>
            totals(
              feeLines(
                facts({ agreedFee: fee, outcome: null, cancellationClass: classifyCancellation(deadline, at) }),
                region.cancellationPolicy,
              ),
            ).totalCents;
          expect(pay(deadline)).toBe(0);
          expect(pay(new Date(deadline.getTime() + 1_000))).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('a session paid for the agreed time pays exactly the planned minutes at the agreed rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 720 }), (planned) => {
        const paid = paidMinutes(
          { outcome: 'CLIENT_NO_SHOW', cancellationClass: null, plannedMinutes: planned, workedMinutes: 5 },
          ita.cancellationPolicy,
        );
        expect(paid).toEqual({ minutes: planned, rule: 'CLIENT_NO_SHOW' });
      }),
    );
  });
});
