import { describe, expect, it } from 'vitest';
import ita from '../../regions/ita-uusimaa';
import lapland from '../../regions/lapland';
import vantaa from '../../regions/vantaa-kap';
import { RegionConfigError, formatIssuePath, validateRegionChanges, validateRegionConfig } from './validate';

type Json = Record<string, unknown>;

/** A deep copy of a module as plain data, which a test may break in ways the types forbid. */
function copy(value: unknown): Json {
  return structuredClone(value) as Json;
}

/** The value at a path such as `feeTable.rows[3].hourlyRateCents`. */
function get(target: Json, path: string): unknown {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce<unknown>((node, key) => (node as Json)[key], target);
}

/** Sets the value at a path, or deletes it when the value is `undefined`. */
function put(target: Json, path: string, value: unknown): void {
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<unknown>((node, key) => (node as Json)[key], target) as Json;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RegionConfigError);
    const { issues, message } = error as RegionConfigError;
    expect(message).toBe(issues.join('\n'));
    return issues;
  }
  throw new Error('expected a RegionConfigError');
}

describe('formatIssuePath', () => {
  it('renders keys with dots and indexes in brackets', () => {
    expect(formatIssuePath(['feeTable', 'rows', 3, 'hourlyRateCents'])).toBe('feeTable.rows[3].hourlyRateCents');
    expect(formatIssuePath(['locales', 0])).toBe('locales[0]');
    expect(formatIssuePath([])).toBe('');
  });
});

describe('validateRegionConfig', () => {
  it.each([
    ['regions/ita-uusimaa', ita],
    ['regions/vantaa-kap', vantaa],
    ['regions/lapland', lapland],
  ])('accepts the real module %s', (label, module) => {
    expect(validateRegionConfig(label, module).id).toBe(label.replace('regions/', ''));
  });

  it('names the file and the field of a negative rate, exactly', () => {
    const broken = copy(lapland);
    put(broken, 'feeTable.rows[3].hourlyRateCents', -5);
    expect(issuesOf(() => validateRegionConfig('regions/lapland', broken))).toEqual([
      'regions/lapland: feeTable.rows[3].hourlyRateCents: expected a positive integer',
    ]);
  });

  it('rejects fractional and zero amounts as not positive integers', () => {
    const broken = copy(vantaa);
    put(broken, 'feeTable.rows[0].hourlyRateCents', 25.5);
    put(broken, 'feeTable.packages[0].priceCents', 0);
    expect(issuesOf(() => validateRegionConfig('regions/vantaa-kap', broken))).toEqual([
      'regions/vantaa-kap: feeTable.rows[0].hourlyRateCents: expected a positive integer',
      'regions/vantaa-kap: feeTable.packages[0].priceCents: expected a positive integer',
    ]);
  });

  it('names the task type whose fee category is unknown', () => {
    const broken = copy(ita);
    put(broken, 'taskTypes[2].feeCategory', 'coffee');
    expect(issuesOf(() => validateRegionConfig('regions/ita-uusimaa', broken))).toEqual([
      'regions/ita-uusimaa: taskTypes[2].feeCategory: task type "pair-work" refers to fee category "coffee", which is not in feeTable.rows',
    ]);
  });

  it('says "required" for missing fields and lists the choices of an enum', () => {
    const broken = copy(lapland);
    put(broken, 'travel.rule', undefined);
    put(broken, 'payoutSchedule.noticeDueDay', undefined);
    put(broken, 'orderingModel', 'ANYONE');
    put(broken, 'cancellationPolicy.deadline', { kind: 'WEEKS_BEFORE', weeks: 1 });
    expect(issuesOf(() => validateRegionConfig('regions/lapland', broken))).toEqual([
      'regions/lapland: orderingModel: expected one of PROFESSIONAL_ORDERS, COORDINATOR_BROKERS, BANK_MATCHES',
      'regions/lapland: cancellationPolicy.deadline.kind: expected one of HOURS_BEFORE, DAYS_BEFORE_AT_LOCAL_TIME',
      'regions/lapland: payoutSchedule.noticeDueDay: required',
      'regions/lapland: travel.rule: required',
    ]);
  });

  it('reports unknown fields and locales where they are', () => {
    const broken = copy(lapland);
    put(broken, 'feeTable.rows[0].vatCents', 1);
    put(broken, 'name.de', 'Lappland');
    expect(issuesOf(() => validateRegionConfig('regions/lapland', broken))).toEqual([
      'regions/lapland: name.de: unknown locale',
      'regions/lapland: feeTable.rows[0].vatCents: unknown field',
    ]);
  });

  it('requires a text for every locale of the region, naming the locale', () => {
    const broken = copy(ita);
    put(broken, 'taskTypes[0].label.sv', undefined);
    expect(issuesOf(() => validateRegionConfig('regions/ita-uusimaa', broken))).toEqual([
      'regions/ita-uusimaa: taskTypes[0].label: missing text for locale "sv"',
    ]);
  });

  it('rejects duplicate ids within a list, at the duplicate', () => {
    const broken = copy(ita);
    (get(broken, 'serviceInterfaces') as unknown[]).push({ ...(get(broken, 'serviceInterfaces[0]') as Json) });
    expect(issuesOf(() => validateRegionConfig('regions/ita-uusimaa', broken))).toEqual([
      'regions/ita-uusimaa: serviceInterfaces[8].id: duplicate id "mental-health-substance"',
    ]);
  });

  it('rejects a bad time zone, local time and calendar date', () => {
    const broken = copy(ita);
    put(broken, 'timeZone', '+02:00');
    put(broken, 'cancellationPolicy.deadline.localTime', '15.00');
    put(broken, 'feeTable.effectiveFrom', '2026-02-30');
    expect(issuesOf(() => validateRegionConfig('regions/ita-uusimaa', broken))).toEqual([
      'regions/ita-uusimaa: timeZone: expected an IANA time zone such as Europe/Helsinki',
      'regions/ita-uusimaa: feeTable.effectiveFrom: expected a date YYYY-MM-DD',
      'regions/ita-uusimaa: cancellationPolicy.deadline.localTime: expected a local time HH:MM',
    ]);
  });

  it('checks that package parts are priced at their row rate', () => {
    const broken = copy(vantaa);
    put(broken, 'feeTable.packages[0].includes[0].amountCents', 3000);
    expect(issuesOf(() => validateRegionConfig('regions/vantaa-kap', broken))).toEqual([
      'regions/vantaa-kap: feeTable.packages[0].includes[0].amountCents: expected 2500 (60 min at 2500 cents per hour)',
    ]);
  });

  it('requires a fee category exactly for paid task types', () => {
    const broken = copy(lapland);
    const volunteer = (get(broken, 'taskTypes') as Array<{ paid: boolean }>).findIndex((t) => !t.paid);
    put(broken, 'taskTypes[0].feeCategory', null);
    put(broken, `taskTypes[${volunteer}].feeCategory`, 'preparation');
    expect(issuesOf(() => validateRegionConfig('regions/lapland', broken))).toEqual([
      'regions/lapland: taskTypes[0].feeCategory: task type "own-story" is paid, so it needs a fee category',
      `regions/lapland: taskTypes[${volunteer}].feeCategory: task type "cafe-volunteer" is unpaid, so its fee category must be null`,
    ]);
  });

  it('does not pay before the notice is due', () => {
    const broken = copy(ita);
    put(broken, 'payoutSchedule.paymentDay', 5);
    expect(issuesOf(() => validateRegionConfig('regions/ita-uusimaa', broken))).toEqual([
      'regions/ita-uusimaa: payoutSchedule.paymentDay: payment day 5 comes before the notice due day 9',
    ]);
  });

  it('needs a region-wide coordinator when coordinators broker', () => {
    const broken = copy(lapland);
    put(broken, 'coordinatorRoles[0].scope', 'UNIT');
    expect(issuesOf(() => validateRegionConfig('regions/lapland', broken))).toEqual([
      'regions/lapland: coordinatorRoles: ordering model COORDINATOR_BROKERS needs a coordinator role with scope REGION',
    ]);
  });
});

describe('validateRegionChanges', () => {
  const base = validateRegionConfig('regions/lapland', lapland);

  it('applies a valid change', () => {
    const rows = base.feeTable.rows.map((row, i) => (i === 0 ? { ...row, hourlyRateCents: 2700 } : row));
    const next = validateRegionChanges(base, { feeTable: { rows } }, 'regions/lapland');
    expect(next.feeTable.rows[0]?.hourlyRateCents).toBe(2700);
    expect(next.feeTable.rows).toHaveLength(9);
    expect(base.feeTable.rows[0]?.hourlyRateCents).toBe(2500);
  });

  it('reports a negative rate in a revision with the same path format', () => {
    const rows = base.feeTable.rows.map((row, i) => (i === 0 ? { ...row, hourlyRateCents: -100 } : row));
    expect(issuesOf(() => validateRegionChanges(base, { feeTable: { rows } }, 'regions/lapland'))).toEqual([
      'regions/lapland: feeTable.rows[0].hourlyRateCents: expected a positive integer',
    ]);
  });

  it('refuses to change the region id', () => {
    expect(issuesOf(() => validateRegionChanges(base, { id: 'lappi' }, 'regions/lapland'))).toEqual([
      'regions/lapland: id: the region id cannot be changed by a revision',
    ]);
  });

  it('refuses changes that are not an object', () => {
    expect(issuesOf(() => validateRegionChanges(base, [1, 2], 'regions/lapland'))).toEqual([
      'regions/lapland: changes must be an object',
    ]);
  });

  it('reports an unknown field in a revision', () => {
    expect(
      issuesOf(() => validateRegionChanges(base, { cancellationPolicy: { deadlin: 1 } }, 'regions/lapland')),
    ).toEqual(['regions/lapland: cancellationPolicy.deadlin: unknown field']);
  });
});
