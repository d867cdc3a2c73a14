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
    const key = JSON.stringify([fact.regionId, grant, fact.subjectId, fact.operation, fact.reason ?? null]);
    const read = reads.get(key);
    if (!read) {
      reads.set(key, {
        r: fact.regionId,
        g: grant,
        s: fact.subjectId,
        f: [...new Set(fact.fields)],
        o: fact.operation,
        w: fact.reason ?? null,
      });
    } else for (const field of fact.fields) if (!read.f.includes(field)) read.f.push(field);
  }
  return [...reads.values()];
}
