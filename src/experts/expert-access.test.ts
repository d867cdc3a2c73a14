import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grant, Viewer } from '../auth/viewer';
import { ROLES } from '../auth/viewer';
import {
  canReadContact,
  canReadTaxData,
  canReadTopics,
  EXPERT_FIELD_RULES,
  expertAccess,
  mayRead,
  mustAudit,
  seesOnlyAvailable,
  type ExpertField,
} from './expert-access';

const UNIT = 'u-porvoo';
const expert = { regionId: 'ita-uusimaa', accountId: 'jussi', unitIds: [UNIT] };
const viewer = (id: string, ...grants: Viewer['grants']): Viewer => ({ id, name: null, grants });
const FIELDS = Object.keys(EXPERT_FIELD_RULES) as ExpertField[];

describe('expert field access', () => {
  it('when a coordinator of the region reads, then contact, topics and tax data are readable', () => {
    const access = expertAccess(viewer('k', { role: 'COORDINATOR', regionId: 'ita-uusimaa' }), expert);
    expect([canReadContact(access), canReadTopics(access, false), canReadTaxData(access)]).toEqual([true, true, true]);
  });

  it('when a unit coordinator of a unit the expert was inducted in reads, then contact and hidden topics, but no tax, contract or interview data', () => {
    const access = expertAccess(
      viewer('u', { role: 'UNIT_COORDINATOR', regionId: 'ita-uusimaa', unitId: UNIT }),
      expert,
    );
    expect(access?.level).toBe('UNIT');
    expect([canReadContact(access), canReadTopics(access, false), canReadTaxData(access)]).toEqual([true, true, false]);
    expect([
      mayRead(access, 'contracts', true),
      mayRead(access, 'interview', true),
      mayRead(access, 'version', true),
    ]).toEqual([false, false, false]);
    expect(seesOnlyAvailable(access!)).toBe(true);
  });

  it('when a unit coordinator of another unit reads, then they see what a professional sees', () => {
    const access = expertAccess(
      viewer('u', { role: 'UNIT_COORDINATOR', regionId: 'ita-uusimaa', unitId: 'u-loviisa' }),
      expert,
    );
    expect(access?.level).toBe('POOL');
    expect([canReadContact(access), canReadTopics(access, false), canReadTopics(access, true)]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('when a professional searches, then no contact, and topics and training names only with consent', () => {
    const access = expertAccess(viewer('m', { role: 'PROFESSIONAL', regionId: 'ita-uusimaa', unitId: UNIT }), expert);
    expect(canReadContact(access)).toBe(false);
    expect(canReadTopics(access, false)).toBe(false);
    expect(canReadTopics(access, true)).toBe(true);
    expect([mayRead(access, 'trainings', false), mayRead(access, 'trainings', true)]).toEqual([false, true]);
  });

  it('when the expert reads their own profile, then everything and no audit; another expert gets no access', () => {
    const self = expertAccess(viewer('jussi', { role: 'EXPERT', regionId: 'ita-uusimaa' }), expert);
    expect(self?.level).toBe('SELF');
    expect(canReadTaxData(self)).toBe(true);
    expect(FIELDS.filter((f) => mustAudit(self!, f, false))).toEqual([]);
    expect(expertAccess(viewer('leena', { role: 'EXPERT', regionId: 'ita-uusimaa' }), expert)).toBeNull();
  });

  it('when the grant is for another region or another role, then no access', () => {
    expect(expertAccess(viewer('k', { role: 'COORDINATOR', regionId: 'lapland' }), expert)).toBeNull();
    expect(expertAccess(viewer('a', { role: 'REGION_ADMIN', regionId: 'ita-uusimaa' }), expert)).toBeNull();
    expect(expertAccess(viewer('n', { role: 'NATIONAL_ANALYST', regionId: 'ita-uusimaa' }), expert)).toBeNull();
  });

  const grant = fc.record({
    role: fc.constantFrom(...ROLES),
    regionId: fc.constantFrom('ita-uusimaa', 'lapland'),
    unitId: fc.option(fc.constantFrom(UNIT, 'u-loviisa'), { nil: undefined }),
  }) as fc.Arbitrary<Grant>;
  const anyViewer = fc
    .record({ id: fc.constantFrom('jussi', 'someone'), grants: fc.array(grant, { maxLength: 4 }) })
    .map((v) => viewer(v.id, ...v.grants));

  it('property: the strongest standing wins, and the pool reads exactly what the pool rules give it', () => {
    fc.assert(
      fc.property(anyViewer, fc.boolean(), fc.constantFrom(...FIELDS), (v, topicsPublic, field) => {
        const access = expertAccess(v, expert);
        const here = v.grants.filter((g) => g.regionId === expert.regionId);
        const expected = here.some((g) => g.role === 'COORDINATOR')
          ? 'COORDINATOR'
          : here.some((g) => g.role === 'EXPERT') && v.id === expert.accountId
            ? 'SELF'
            : here.some((g) => g.role === 'UNIT_COORDINATOR' && g.unitId === UNIT)
              ? 'UNIT'
              : here.some((g) => g.role === 'UNIT_COORDINATOR' || g.role === 'PROFESSIONAL')
                ? 'POOL'
                : undefined;
        expect(access?.level).toBe(expected);
        if (access?.level === 'POOL') {
          const rule: { readers: readonly string[]; withTopicConsent?: readonly string[] } = EXPERT_FIELD_RULES[field];
          expect(mayRead(access, field, topicsPublic)).toBe(
            rule.readers.includes('POOL') || (topicsPublic && !!rule.withTopicConsent?.includes('POOL')),
          );
        }
      }),
    );
  });

  it('property: contact details, tax cards, contracts and interview never reach the pool, whatever the consents', () => {
    fc.assert(
      fc.property(anyViewer, fc.boolean(), (v, topicsPublic) => {
        const access = expertAccess(v, expert);
        if (access?.level === 'POOL') {
          for (const f of ['contact', 'taxCards', 'contracts', 'interview', 'earningsLimitCents', 'version'] as const)
            expect(mayRead(access, f, topicsPublic)).toBe(false);
        }
      }),
    );
  });

  it('property: every read by someone else of a field that is ALWAYS audited is audited', () => {
    fc.assert(
      fc.property(anyViewer, fc.boolean(), fc.constantFrom(...FIELDS), (v, topicsPublic, field) => {
        const access = expertAccess(v, expert);
        if (!access || access.level === 'SELF' || !mayRead(access, field, topicsPublic)) return;
        const rule = EXPERT_FIELD_RULES[field];
        if (rule.audited === 'ALWAYS' || (rule.audited === 'WHILE_TOPICS_HIDDEN' && !topicsPublic))
          expect(mustAudit(access, field, topicsPublic)).toBe(true);
      }),
    );
  });
});
