import { describe, expect, it } from 'vitest';
import type { AuditFact } from './audit.service';
import { mergeReads } from './merge-reads';

const coordinator = { role: 'COORDINATOR', regionId: 'ita-uusimaa' } as AuditFact['grant'];
const read = (subjectId: string, fields: string[], extra: Partial<AuditFact> = {}): AuditFact => ({
  regionId: 'ita-uusimaa',
  grant: coordinator,
  action: 'READ',
  subjectId,
  fields,
  operation: 'ExpertPage',
  ...extra,
});

describe('reads of one request in the audit log', () => {
  it('when a page shows contact, topics and trainings of two experts, then each expert is one entry naming every field in the order read', () => {
    const entries = mergeReads([
      read('a', ['email', 'phone']),
      read('b', ['email', 'phone']),
      read('a', ['topicIds']),
      read('b', ['topicIds']),
      read('a', ['trainings', 'email']),
    ]);
    expect(entries.map((e) => [e.s, e.f])).toEqual([
      ['a', ['email', 'phone', 'topicIds', 'trainings']],
      ['b', ['email', 'phone', 'topicIds']],
    ]);
  });

  it('when reads differ in grant, operation or reason, then they stay separate entries', () => {
    const entries = mergeReads([
      read('a', ['email']),
      read('a', ['email'], { operation: 'Other' }),
      read('a', ['topicIds'], { reason: 'filter: topic' }),
      read('a', ['email'], { grant: { role: 'REGION_ADMIN', regionId: 'ita-uusimaa' } }),
    ]);
    expect(entries).toHaveLength(4);
    expect(entries.map((e) => e.w)).toEqual([null, null, 'filter: topic', null]);
  });
});
