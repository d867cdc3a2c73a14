import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegionConfig } from '../src/region/region-config';
import { discoverRegions } from '../src/region/discovery';
import { validateRegionConfig } from '../src/region/validate';
import { cancellationDeadline, isCancellationFree } from '../src/region/rules/cancellation-deadline';
import { payoutDates } from '../src/region/rules/payout-dates';
import ita from './ita-uusimaa';
import lapland from './lapland';
import vantaa from './vantaa-kap';

const itaConfig = validateRegionConfig('regions/ita-uusimaa', ita);
const vantaaConfig = validateRegionConfig('regions/vantaa-kap', vantaa);
const laplandConfig = validateRegionConfig('regions/lapland', lapland);
/** Every module in this folder, found as the server finds them (a copied folder is included). */
let all: RegionConfig[] = [];
beforeAll(async () => {
  all = [...(await discoverRegions(__dirname)).values()];
});

const rate = (config: typeof itaConfig, category: string) =>
  config.feeTable.rows.find((row) => row.category === category)?.hourlyRateCents;

describe('all regions', () => {
  it('include the first three, and run in Europe/Helsinki', () => {
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining(['ita-uusimaa', 'vantaa-kap', 'lapland']));
    for (const config of all) expect(config.timeZone).toBe('Europe/Helsinki');
  });

  it('(the first three) use the nine Kokoa ry rows, in cents, with their tax classes marked as defaults', () => {
    const expected = [
      ['preparation', 2500, 'WORK_COMPENSATION'],
      ['group-guidance', 3000, 'WORK_COMPENSATION'],
      ['client-meeting', 3000, 'WORK_COMPENSATION'],
      ['meeting', 4000, 'SALARY'],
      ['demanding-meeting', 7000, 'SALARY'],
      ['working-group', 4000, 'SALARY'],
      ['lecture', 5000, 'SALARY'],
      ['demanding-event', 10000, 'SALARY'],
      ['observation-interview-audit', 3000, 'WORK_COMPENSATION'],
    ];
    for (const config of [itaConfig, vantaaConfig, laplandConfig]) {
      expect(config.feeTable.rows.map((r) => [r.category, r.hourlyRateCents, r.taxClass])).toEqual(expected);
      // No seed mentions tax: the classes come from Kokoa ry and the Tax Administration.
      expect(config.feeTable.rows.every((r) => r.taxClassIsDefault)).toBe(true);
    }
  });

  it('differ in ordering model and cancellation deadline, as the sources do', () => {
    const firstThree = [itaConfig, vantaaConfig, laplandConfig];
    expect(firstThree.map((c) => c.orderingModel)).toEqual([
      'PROFESSIONAL_ORDERS',
      'BANK_MATCHES',
      'COORDINATOR_BROKERS',
    ]);
    expect(new Set(firstThree.map((c) => JSON.stringify(c.cancellationPolicy.deadline))).size).toBe(3);
  });

  it('import nothing at run time from outside regions/ (a copied folder still runs)', () => {
    const files = listTs(__dirname).filter((f) => !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
        const [, typeOnly, target] = match;
        if (typeOnly) continue;
        const resolved = path.resolve(path.dirname(file), target ?? '');
        expect(resolved.startsWith(__dirname), `${path.relative(__dirname, file)} imports ${target}`).toBe(true);
      }
    }
  });
});

describe('Itä-Uusimaa (003)', () => {
  it('is bilingual Finnish and Swedish, ordered by professionals', () => {
    expect(itaConfig.locales).toEqual(['fi', 'sv']);
    expect(itaConfig.orderingModel).toBe('PROFESSIONAL_ORDERS');
    expect(itaConfig.coordinatorRoles.map((r) => [r.id, r.scope])).toEqual([
      ['regional-coordinator', 'REGION'],
      ['unit-coordinator', 'UNIT'],
    ]);
  });

  it('cancels free by 15:00 local time on the previous day', () => {
    expect(itaConfig.cancellationPolicy.deadline).toEqual({
      kind: 'DAYS_BEFORE_AT_LOCAL_TIME',
      days: 1,
      localTime: '15:00',
    });
    // Tuesday 10 November 2026 10:00 EET → Monday 9 November 15:00 EET = 13:00Z.
    const startsAt = new Date('2026-11-10T08:00:00Z');
    expect(cancellationDeadline(itaConfig.cancellationPolicy, itaConfig.timeZone, startsAt)).toEqual(
      new Date('2026-11-09T13:00:00Z'),
    );
    expect(
      isCancellationFree(itaConfig.cancellationPolicy, itaConfig.timeZone, startsAt, new Date('2026-11-09T13:01:00Z')),
    ).toBe(false);
  });

  it('pays late cancellations, no-shows and empty groups, not expert illness; reschedules by agreement', () => {
    const { latePaid, noShowPaid, emptyGroupPaid, expertIllnessPaid, rescheduleByAgreement } =
      itaConfig.cancellationPolicy;
    expect({ latePaid, noShowPaid, emptyGroupPaid, expertIllnessPaid, rescheduleByAgreement }).toEqual({
      latePaid: true,
      noShowPaid: true,
      emptyGroupPaid: true,
      expertIllnessPaid: false,
      rescheduleByAgreement: true,
    });
  });

  it('has the notice due on the 9th and payment on the last day of the following month', () => {
    expect(payoutDates(itaConfig.payoutSchedule, '2026-11')).toEqual({
      noticeDueOn: '2026-12-09',
      paymentOn: '2026-12-31',
    });
  });

  it('agrees travel in advance', () => {
    expect(itaConfig.travel.rule).toBe('AGREED_IN_ADVANCE');
  });

  it('has the applicant process of §5 with an interview panel', () => {
    expect(itaConfig.onboardingSteps.map((s) => s.id).slice(0, 4)).toEqual([
      'contact-coordinator',
      'interview',
      'suitability-decision',
      'contract',
    ]);
    expect(itaConfig.onboardingSteps[1]?.panel).toEqual(['PROFESSIONAL', 'regional-coordinator']);
  });

  it('has the eight service interfaces of §9', () => {
    expect(itaConfig.serviceInterfaces.map((s) => s.id)).toEqual([
      'mental-health-substance',
      'working-age',
      'disability',
      'child-family',
      'child-protection',
      'immigrant',
      'elderly',
      'third-sector',
    ]);
  });

  it('asks feedback of the expert, the client and the professional (§8)', () => {
    for (const questions of Object.values(itaConfig.feedbackQuestions)) expect(questions.length).toBeGreaterThan(0);
  });
});

describe('Vantaa KAP (001, 002, order form)', () => {
  it('matches through the bank with the task types of the order form', () => {
    expect(vantaaConfig.orderingModel).toBe('BANK_MATCHES');
    expect(vantaaConfig.taskTypes.map((t) => t.id)).toEqual([
      'client-meeting',
      'lecture-training',
      'network-work',
      'own-story',
      'service-development',
      'service-guidance',
      'group-guidance',
      'social-reporting',
      'working-group',
    ]);
    expect(vantaaConfig.taskTypes.every((t) => t.paid)).toBe(true);
  });

  it('cancels free until 24 hours before; late cancellations and no-shows are paid', () => {
    expect(vantaaConfig.cancellationPolicy.deadline).toEqual({ kind: 'HOURS_BEFORE', hours: 24 });
    expect(vantaaConfig.cancellationPolicy.latePaid).toBe(true);
    expect(vantaaConfig.cancellationPolicy.noShowPaid).toBe(true);
    expect(vantaaConfig.cancellationPolicy.rescheduleByAgreement).toBe(true);
  });

  it('sells a 50 EUR group guidance package that includes one 25 EUR planning hour', () => {
    const [pkg] = vantaaConfig.feeTable.packages;
    expect(pkg).toMatchObject({
      id: 'group-guidance-package',
      priceCents: 5000,
      includes: [{ category: 'preparation', minutes: 60, amountCents: 2500 }],
    });
    expect(rate(vantaaConfig, 'preparation')).toBe(2500);
    expect(vantaaConfig.taskTypes.find((t) => t.id === 'group-guidance')?.packageIds).toEqual([
      'group-guidance-package',
    ]);
  });

  it("shares professionals' written feedback with the expert", () => {
    expect(vantaaConfig.feedbackQuestions.PROFESSIONAL.filter((q) => q.sharedWithExpert).map((q) => q.id)).toEqual([
      'feedback-to-expert',
    ]);
  });
});

describe('Lapland (004)', () => {
  it('is brokered by a region-wide coordinator', () => {
    expect(laplandConfig.orderingModel).toBe('COORDINATOR_BROKERS');
    expect(laplandConfig.coordinatorRoles).toMatchObject([{ id: 'brokerage-coordinator', scope: 'REGION' }]);
  });

  it('has unpaid volunteer task types without a fee category', () => {
    const volunteer = laplandConfig.taskTypes.filter((t) => !t.paid);
    expect(volunteer.map((t) => t.id)).toEqual(['cafe-volunteer', 'communication-volunteer', 'event-volunteer']);
    expect(volunteer.every((t) => t.feeCategory === null)).toBe(true);
    expect(laplandConfig.taskTypes.some((t) => t.paid)).toBe(true);
  });

  it('supports remote work because of long distances', () => {
    expect(laplandConfig.supportsRemoteWork).toBe(true);
    expect(laplandConfig.taskTypes.filter((t) => t.remotePossible).length).toBeGreaterThan(0);
    expect(itaConfig.supportsRemoteWork).toBe(false);
  });

  it('stresses mental health experience', () => {
    expect(laplandConfig.topics[0]).toMatchObject({ id: 'mental-health', emphasized: true });
  });

  it('offers debriefing and supervision', () => {
    expect(laplandConfig.debriefingOffered).toBe(true);
    expect(laplandConfig.supervisionOffered).toBe(true);
  });
});

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listTs(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

describe('corrected against the sources (DOMAIN.md)', () => {
  it('Itä-Uusimaa stresses experience of an illness, a disability and being a client of a service (003 §1)', () => {
    const stressed = itaConfig.topics.filter((t) => t.emphasized).map((t) => t.id);
    expect(stressed).toEqual(['illness', 'disability', 'service-client']);
    expect(itaConfig.topics.map((t) => t.id)).toEqual(
      expect.arrayContaining(['mental-health', 'crime', 'close-relative']),
    );
  });

  it('Itä-Uusimaa pays empty group sessions, but not those of a group ended for a compelling or agreed reason (003 §6.2)', () => {
    expect(itaConfig.cancellationPolicy.emptyGroupPaid).toBe(true);
    expect(itaConfig.cancellationPolicy.groupEndedPaid).toBe(false);
  });

  it('facts from beyond the seeds carry the default mark in the module source', () => {
    const source = (region: string) => readFileSync(path.join(__dirname, region, 'index.ts'), 'utf8');
    /** The top-level entry `key` of the module with the comment lines just above it. */
    const beforeKey = (text: string, key: string) => {
      const at = text.indexOf(`\n  ${key}:`);
      expect(at, key).toBeGreaterThan(0);
      const next = text.slice(at + 1).search(/\n {2}[a-zA-Z]+:/);
      const lines = text.slice(0, at).split('\n');
      const comments = [];
      while (lines.length && /^\s*\/\//.test(lines.at(-1)!)) comments.unshift(lines.pop());
      return `${comments.join('\n')}\n${text.slice(at, next === -1 ? undefined : at + 1 + next)}`;
    };
    expect(beforeKey(source('ita-uusimaa'), 'locales')).toContain('Default: not stated in the sources');
    for (const key of ['taskTypes', 'cancellationPolicy', 'serviceInterfaces']) {
      expect(beforeKey(source('vantaa-kap'), key)).toContain('Default: not stated in the sources');
    }
  });

  it("Vantaa KAP's service interfaces are places where work is ordered, not 002's co-development objects", () => {
    const ids = vantaaConfig.serviceInterfaces.map((s) => s.id);
    for (const project of ['service-need-assessment', 'social-rehabilitation', 'digital-services'])
      expect(ids).not.toContain(project);
    expect(ids).toContain('mental-health-substance');
  });

  it('the Kokoa training figure is a recommendation, named so', () => {
    expect(vantaaConfig.recommendedTraining).toMatchObject({ minimumHours: 50, overMonths: 4 });
    expect('requiredTraining' in vantaaConfig).toBe(false);
  });
});
