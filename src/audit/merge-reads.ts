import { formatGrant } from '../auth/tokens';
import type { Grant } from '../auth/viewer';
import type { ReadFact } from './audit.service';

/** One entry of the log: who read which fields of whom, when, why (short names: it goes as JSON). */
export interface MergedRead {
  r: string;
  g: string;
  s: string;
  f: string[];
  o: string | null;
  w: string | null;
}

/** A grant's text, once per grant object: a request's reads share the viewer's few grants. */
const grantTexts = new WeakMap<Grant, string>();

function grantText(grant: Grant): string {
  let text = grantTexts.get(grant);
  if (text === undefined) {
    text = formatGrant(grant);
    grantTexts.set(grant, text);
  }
  return text;
}

/**
 * One entry per expert read in the same way (grant, operation, reason) at the same time: a page
 * that shows an expert's contact, topics and trainings is one read of those fields, not three,
 * and the log says the same with a third of the rows. Fields keep the order they were read in.
 * Reads are found by expert, then among that expert's few entries, so that no key is built per read.
 */
export function mergeReads(facts: readonly ReadFact[]): MergedRead[] {
  const reads: MergedRead[] = [];
  const bySubject = new Map<string, MergedRead[]>();
  for (const fact of facts) {
    const grant = grantText(fact.grant);
    const operation = fact.operation ?? null;
    const reason = fact.reason ?? null;
    const ofSubject = bySubject.get(fact.subjectId);
    let read = ofSubject?.find((r) => r.g === grant && r.r === fact.regionId && r.o === operation && r.w === reason);
    if (!read) {
      read = { r: fact.regionId, g: grant, s: fact.subjectId, f: [], o: operation, w: reason };
      reads.push(read);
      if (ofSubject) ofSubject.push(read);
      else bySubject.set(fact.subjectId, [read]);
    }
    for (const field of fact.fields) if (!read.f.includes(field)) read.f.push(field);
  }
  return reads;
}
