import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import lapland from '../../../regions/lapland';
import vantaa from '../../../regions/vantaa-kap';
import { RegionConfigError, validateRegionConfig } from '../validate';
import { diffConfigs, mergeChanges, resolveRulesAt, RevisionChangeError, type PublishedRevision } from './revisions';

const vantaaConfig = validateRegionConfig('regions/vantaa-kap', vantaa);
const laplandConfig = validateRegionConfig('regions/lapland', lapland);

/** Midnight in Helsinki (EET, +02:00) on a winter date. */
const helsinkiMidnight = (date: string): Date => new Date(`${date}T00:00:00+02:00`);

function withRate(category: string, cents: number) {
  return vantaaConfig.feeTable.rows.map((row) =>
    row.category === category ? { ...row, hourlyRateCents: cents } : row,
  );
}

describe('mergeChanges', () => {
  it('merges plain objects deeply and replaces arrays and scalars wholesale', () => {
    const merged = mergeChanges(vantaaConfig, {
      cancellationPolicy: { deadline: { kind: 'HOURS_BEFORE', hours: 48 } },
      locales: ['fi'],
    }) as typeof vantaaConfig;
    expect(merged.cancellationPolicy.deadline).toEqual({ kind: 'HOURS_BEFORE', hours: 48 });
    expect(merged.cancellationPolicy.latePaid).toBe(true);
    expect(merged.cancellationPolicy.description).toEqual(vantaaConfig.cancellationPolicy.description);
    expect(merged.locales).toEqual(['fi']);
    expect(merged.topics).toBe(vantaaConfig.topics);
  });

  it('replaces a list instead of patching it by index', () => {
    const merged = mergeChanges(vantaaConfig, { feeTable: { packages: [] } }) as typeof vantaaConfig;
    expect(merged.feeTable.packages).toEqual([]);
    expect(merged.feeTable.rows).toHaveLength(9);
  });

  it('does not modify the base or share the changes', () => {
    const before = structuredClone(vantaaConfig);
    const changes = { metrics: { smallCellThreshold: 10 }, locales: ['fi'] };
    const merged = mergeChanges(vantaaConfig, changes) as typeof vantaaConfig;
    changes.locales.push('en');
    expect(vantaaConfig).toEqual(before);
    expect(merged.locales).toEqual(['fi']);
  });

  it('refuses to change the id but accepts repeating it', () => {
    expect(() => mergeChanges(vantaaConfig, { id: 'helsinki' })).toThrow(RevisionChangeError);
    expect((mergeChanges(vantaaConfig, { id: 'vantaa-kap' }) as { id: string }).id).toBe('vantaa-kap');
  });

  it('refuses keys that reach the prototype', () => {
    expect(() =>
      mergeChanges(vantaaConfig, JSON.parse('{"metrics":{"__proto__":{"polluted":true}}}') as Record<string, unknown>),
    ).toThrow(RevisionChangeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('diffConfigs', () => {
  it('lists changed leaves with dotted paths and [n] indexes', () => {
    const after = mergeChanges(vantaaConfig, {
      feeTable: { rows: withRate('preparation', 2700) },
      cancellationPolicy: { deadline: { hours: 48 } },
    });
    expect(diffConfigs(vantaaConfig, after)).toEqual([
      { path: 'feeTable.rows[0].hourlyRateCents', before: 2500, after: 2700 },
      { path: 'cancellationPolicy.deadline.hours', before: 24, after: 48 },
    ]);
  });

  it('reports added and removed array items and keys', () => {
    expect(diffConfigs({ a: [1, 2], b: { c: 1 } }, { a: [1], b: { d: 2 } })).toEqual([
      { path: 'a[1]', before: 2, after: undefined },
      { path: 'b.c', before: 1, after: undefined },
      { path: 'b.d', before: undefined, after: 2 },
    ]);
  });

  it('is empty for equal configs, and merging the diff back gives the after config', () => {
    expect(diffConfigs(vantaaConfig, structuredClone(vantaaConfig))).toEqual([]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 500 }), (rate, hours) => {
        const after = mergeChanges(vantaaConfig, {
          feeTable: { rows: withRate('lecture', rate) },
          cancellationPolicy: { deadline: { kind: 'HOURS_BEFORE', hours } },
        });
        const diff = diffConfigs(vantaaConfig, after);
        expect(diff.every((d) => d.before !== d.after)).toBe(true);
        expect(diff.length).toBe((rate === 5000 ? 0 : 1) + (hours === 24 ? 0 : 1));
      }),
    );
  });
});

describe('resolveRulesAt', () => {
  const marchRates: PublishedRevision = {
    effectiveFrom: helsinkiMidnight('2026-03-01'),
    publishedAt: new Date('2026-02-10T09:00:00Z'),
    changes: { feeTable: { rows: withRate('group-guidance', 3500) } },
  };

  const rateAt = (at: Date, revisions: PublishedRevision[], category = 'group-guidance') =>
    resolveRulesAt(vantaaConfig, revisions, at).config.feeTable.rows.find((r) => r.category === category)
      ?.hourlyRateCents;

  it('a fee change effective 1 March leaves February and changes March', () => {
    expect(rateAt(new Date('2026-02-28T21:59:59Z'), [marchRates])).toBe(3000);
    expect(rateAt(new Date('2026-02-28T22:00:00Z'), [marchRates])).toBe(3500);
    expect(rateAt(new Date('2026-03-15T10:00:00Z'), [marchRates])).toBe(3500);
  });

  it('reports where the fee table and other rules come from', () => {
    const february = resolveRulesAt(vantaaConfig, [marchRates], new Date('2026-02-15T10:00:00Z'));
    expect(february.effectiveFrom).toEqual({ feeTable: '2026-01-01', cancellationPolicy: null, payoutSchedule: null });
    expect(february.config.feeTable.effectiveFrom).toBe('2026-01-01');

    const march = resolveRulesAt(vantaaConfig, [marchRates], new Date('2026-03-15T10:00:00Z'));
    // The revision starts at local midnight of 1 March, which is 28 February in UTC.
    expect(march.effectiveFrom.feeTable).toBe('2026-03-01');
    expect(march.config.feeTable.effectiveFrom).toBe('2026-03-01');
    expect(march.effectiveFrom.cancellationPolicy).toBeNull();
  });

  it('applies revisions in order of effectiveFrom, then publishedAt', () => {
    const april48h: PublishedRevision = {
      effectiveFrom: helsinkiMidnight('2026-04-01'),
      publishedAt: new Date('2026-01-05T00:00:00Z'),
      changes: { cancellationPolicy: { deadline: { kind: 'HOURS_BEFORE', hours: 48 } } },
    };
    const april72hPublishedLater: PublishedRevision = {
      effectiveFrom: helsinkiMidnight('2026-04-01'),
      publishedAt: new Date('2026-02-05T00:00:00Z'),
      changes: { cancellationPolicy: { deadline: { kind: 'HOURS_BEFORE', hours: 72 } } },
    };
    const may36h: PublishedRevision = {
      effectiveFrom: new Date('2026-05-01T00:00:00+03:00'),
      publishedAt: new Date('2026-01-01T00:00:00Z'),
      changes: { cancellationPolicy: { deadline: { kind: 'HOURS_BEFORE', hours: 36 } } },
    };
    // Passed in a scrambled order on purpose.
    const revisions = [may36h, april72hPublishedLater, april48h];
    const deadlineAt = (iso: string) =>
      resolveRulesAt(vantaaConfig, revisions, new Date(iso)).config.cancellationPolicy.deadline;
    expect(deadlineAt('2026-03-31T12:00:00Z')).toEqual({ kind: 'HOURS_BEFORE', hours: 24 });
    expect(deadlineAt('2026-04-10T12:00:00Z')).toEqual({ kind: 'HOURS_BEFORE', hours: 72 });
    expect(deadlineAt('2026-05-10T12:00:00Z')).toEqual({ kind: 'HOURS_BEFORE', hours: 36 });
    expect(
      resolveRulesAt(vantaaConfig, revisions, new Date('2026-05-10T12:00:00Z')).effectiveFrom.cancellationPolicy,
    ).toEqual(may36h.effectiveFrom);
  });

  it('tracks the payout schedule revision', () => {
    const revision: PublishedRevision = {
      effectiveFrom: helsinkiMidnight('2026-06-01'),
      publishedAt: new Date('2026-05-01T00:00:00Z'),
      changes: { payoutSchedule: { noticeDueDay: 5 } },
    };
    const resolved = resolveRulesAt(laplandConfig, [revision], new Date('2026-07-01T00:00:00Z'));
    expect(resolved.config.payoutSchedule).toEqual({ noticeDueDay: 5, paymentDay: 'LAST_DAY', paymentMonthOffset: 1 });
    expect(resolved.effectiveFrom.payoutSchedule).toEqual(revision.effectiveFrom);
    expect(resolved.effectiveFrom.feeTable).toBe('2026-01-01');
  });

  it('with no revisions returns the module', () => {
    const resolved = resolveRulesAt(laplandConfig, [], new Date('2030-01-01T00:00:00Z'));
    expect(resolved.config).toEqual(laplandConfig);
  });

  it('catches revisions that clash once combined', () => {
    // Removing the preparation row breaks the Vantaa package that includes a planning hour.
    const dropPreparation: PublishedRevision = {
      effectiveFrom: helsinkiMidnight('2026-03-01'),
      publishedAt: new Date('2026-02-01T00:00:00Z'),
      changes: { feeTable: { rows: vantaaConfig.feeTable.rows.filter((r) => r.category !== 'preparation') } },
    };
    expect(() => resolveRulesAt(vantaaConfig, [dropPreparation], new Date('2026-03-02T00:00:00Z'))).toThrow(
      RegionConfigError,
    );
  });

  it('property: a rate revision never changes the rates read before it takes effect', () => {
    const effective = helsinkiMidnight('2026-03-01').getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 5, 30) }),
        (cents, atMs) => {
          const revision = { ...marchRates, changes: { feeTable: { rows: withRate('meeting', cents) } } };
          const rate = rateAt(new Date(atMs), [revision], 'meeting');
          expect(rate).toBe(atMs < effective ? 4000 : cents);
        },
      ),
      { numRuns: 200 },
    );
  });
});
