import { formatGrant } from '../auth/tokens';
import type { AuditFact } from './audit.service';

/**
 * One entry per expert read in the same way (grant, operation, reason) at the same time: a page
 * that shows an expert's contact, topics and trainings is one read of those fields, not three,
 * and the log says the same with a third of the rows. Fields keep the order they were read in.
 */
export function mergeReads(facts: readonly AuditFact[]) {
  const reads = new Map<string, { r: string; g: string; s: string; f: string[]; o: string | null; w: string | null }>();
  for (const fact of facts) {
    const grant = formatGrant(fact.grant);
    const operation = fact.operation ?? null;
    const reason = fact.reason ?? null;
    // Ids, grants and operation names hold no control characters; null differs from any text.
    const key = `${fact.subjectId}\u0000${grant}\u0000${fact.regionId}\u0000${operation ?? '\u0001'}\u0000${reason ?? '\u0001'}`;
    const read = reads.get(key);
    if (!read) {
      const fields: string[] = [];
      for (const field of fact.fields) if (!fields.includes(field)) fields.push(field);
      reads.set(key, { r: fact.regionId, g: grant, s: fact.subjectId, f: fields, o: operation, w: reason });
    } else for (const field of fact.fields) if (!read.f.includes(field)) read.f.push(field);
  }
  return [...reads.values()];
}
