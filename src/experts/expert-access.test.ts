import { describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/viewer';
import { canReadContact, canReadTaxData, canReadTopics, expertAccess } from './expert-access';

const expert = { regionId: 'ita-uusimaa', accountId: 'jussi' };
const viewer = (id: string, ...grants: Viewer['grants']): Viewer => ({ id, name: null, grants });

describe('expert field access', () => {
  it('when a coordinator of the region reads, then contact, topics and tax data are readable', () => {
    const access = expertAccess(viewer('k', { role: 'COORDINATOR', regionId: 'ita-uusimaa' }), expert);
    expect([canReadContact(access), canReadTopics(access, false), canReadTaxData(access)]).toEqual([true, true, true]);
  });

  it('when a unit coordinator reads, then contact but not tax data', () => {
    const access = expertAccess(viewer('u', { role: 'UNIT_COORDINATOR', regionId: 'ita-uusimaa', unitId: 'x' }), expert);
    expect([canReadContact(access), canReadTaxData(access)]).toEqual([true, false]);
  });

  it('when a professional searches, then no contact, and topics only with consent', () => {
    const access = expertAccess(viewer('m', { role: 'PROFESSIONAL', regionId: 'ita-uusimaa', unitId: 'x' }), expert);
    expect(canReadContact(access)).toBe(false);
    expect(canReadTopics(access, false)).toBe(false);
    expect(canReadTopics(access, true)).toBe(true);
  });

  it('when the expert reads their own profile, then everything; another expert gets no access', () => {
    const self = expertAccess(viewer('jussi', { role: 'EXPERT', regionId: 'ita-uusimaa' }), expert);
    expect(self?.level).toBe('SELF');
    expect(canReadTaxData(self)).toBe(true);
    expect(expertAccess(viewer('leena', { role: 'EXPERT', regionId: 'ita-uusimaa' }), expert)).toBeNull();
  });

  it('when the grant is for another region or another role, then no access', () => {
    expect(expertAccess(viewer('k', { role: 'COORDINATOR', regionId: 'lapland' }), expert)).toBeNull();
    expect(expertAccess(viewer('a', { role: 'REGION_ADMIN', regionId: 'ita-uusimaa' }), expert)).toBeNull();
    expect(expertAccess(viewer('n', { role: 'NATIONAL_ANALYST', regionId: 'ita-uusimaa' }), expert)).toBeNull();
  });
});
