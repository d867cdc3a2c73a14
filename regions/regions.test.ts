import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRegionConfig } from '../src/region/validate';
import { cancellationDeadline, isCancellationFree } from '../src/region/rules/cancellation-deadline';
import { payoutDates } from '../src/region/rules/payout-dates';
import ita from './ita-uusimaa';
import lapland from './lapland';
import vantaa from './vantaa-kap';

const itaConfig = validateRegionConfig('regions/ita-uusimaa', ita);
const vantaaConfig = validateRegionConfig('regions/vantaa-kap', vantaa);
const laplandConfig = validateRegionConfig('regions/lapland', lapland);
const all = [itaConfig, vantaaConfig, laplandConfig];

const rate = (config: typeof itaConfig, category: string) =>
  config.feeTable.rows.find((row) => row.category === category)?.hourlyRateCents;

describe('all regions', () => {
  it('have their folder name as id and run in Europe/Helsinki', () => {
    expect(all.map((c) => c.id)).toEqual(['ita-uusimaa', 'vantaa-kap', 'lapland']);
    for (const config of all) expect(config.timeZone).toBe('Europe/Helsinki');
  });

  it('use the nine Kokoa ry rows, in cents, with their tax classes', () => {
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
    for (const config of all) {
      expect(config.feeTable.rows.map((r) => [r.category, r.hourlyRateCents, r.taxClass])).toEqual(expected);
    }
  });

  it('differ in ordering model and cancellation deadline, as the sources do', () => {
    expect(all.map((c) => c.orderingModel)).toEqual(['PROFESSIONAL_ORDERS', 'BANK_MATCHES', 'COORDINATOR_BROKERS']);
    expect(new Set(all.map((c) => JSON.stringify(c.cancellationPolicy.deadline))).size).toBe(3);
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
    expect(itaConfig.cancellationPolicy.deadline).toEqual({ kind: 'DAYS_BEFORE_AT_LOCAL_TIME', days: 1, localTime: '15:00' });
    // Tuesday 10 November 2026 10:00 EET → Monday 9 November 15:00 EET = 13:00Z.
    const startsAt = new Date('2026-11-10T08:00:00Z');
    expect(cancellationDeadline(itaConfig.cancellationPolicy, itaConfig.timeZone, startsAt)).toEqual(new Date('2026-11-09T13:00:00Z'));
    expect(isCancellationFree(itaConfig.cancellationPolicy, itaConfig.timeZone, startsAt, new Date('2026-11-09T13:01:00Z'))).toBe(false);
  });

  it('pays late cancellations, no-shows and empty groups, not expert illness; reschedules by agreement', () => {
    const { latePaid, noShowPaid, emptyGroupPaid, expertIllnessPaid, rescheduleByAgreement } = itaConfig.cancellationPolicy;
    expect({ latePaid, noShowPaid, emptyGroupPaid, expertIllnessPaid, rescheduleByAgreement }).toEqual({
      latePaid: true,
      noShowPaid: true,
      emptyGroupPaid: true,
      expertIllnessPaid: false,
      rescheduleByAgreement: true,
    });
  });

  it('has the notice due on the 9th and payment on the last day of the following month', () => {
    expect(payoutDates(itaConfig.payoutSchedule, '2026-11')).toEqual({ noticeDueOn: '2026-12-09', paymentOn: '2026-12-31' });
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
    expect(vantaaConfig.taskTypes.find((t) => t.id === 'group-guidance')?.packageIds).toEqual(['group-guidance-package']);
  });

  it('shares professionals\' written feedback with the expert', () => {
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
