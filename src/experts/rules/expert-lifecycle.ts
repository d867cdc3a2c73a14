/**
 * The expert's path (DOMAIN.md "Applying to be an expert"): an applicant is recorded, interviewed
 * by the panel the region's onboarding steps name, signs a commission contract, and becomes active;
 * an active expert may pause and resume, and anyone may end. Pure: no I/O.
 */
export const EXPERT_STATUSES = ['APPLIED', 'INTERVIEWED', 'CONTRACTED', 'ACTIVE', 'PAUSED', 'ENDED'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

export type LifecycleEvent = 'INTERVIEW' | 'SIGN_CONTRACT' | 'ACTIVATE' | 'PAUSE' | 'END';

/** Where each event leads from each status; a missing entry means the event is not allowed. */
const TRANSITIONS: Record<ExpertStatus, Partial<Record<LifecycleEvent, ExpertStatus>>> = {
  APPLIED: { INTERVIEW: 'INTERVIEWED', END: 'ENDED' },
  INTERVIEWED: { SIGN_CONTRACT: 'CONTRACTED', END: 'ENDED' },
  // A new contract for an expert who already has one (renewal) keeps the status.
  CONTRACTED: { SIGN_CONTRACT: 'CONTRACTED', ACTIVATE: 'ACTIVE', END: 'ENDED' },
  ACTIVE: { SIGN_CONTRACT: 'ACTIVE', PAUSE: 'PAUSED', END: 'ENDED' },
  PAUSED: { SIGN_CONTRACT: 'PAUSED', ACTIVATE: 'ACTIVE', END: 'ENDED' },
  ENDED: {},
};

export class LifecycleError extends Error {}

export function nextStatus(current: ExpertStatus, event: LifecycleEvent): ExpertStatus {
  const next = TRANSITIONS[current][event];
  if (!next) {
    const allowed = Object.keys(TRANSITIONS[current]);
    throw new LifecycleError(
      `an expert in status ${current} cannot ${event.toLowerCase().replace('_', ' ')}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
    );
  }
  return next;
}

/** The event that leads to a status chosen directly (changeExpertStatus). */
export function eventForTarget(target: ExpertStatus): LifecycleEvent | undefined {
  return ({ ACTIVE: 'ACTIVATE', PAUSED: 'PAUSE', ENDED: 'END' } as const)[target as 'ACTIVE' | 'PAUSED' | 'ENDED'];
}

/** Statuses that hold (or held) a commission contract: these need a tax card every year. */
export const CONTRACTED_STATUSES: readonly ExpertStatus[] = ['CONTRACTED', 'ACTIVE', 'PAUSED'];

/**
 * Which panel roles an interview needs: the onboarding step with id `interview`, else the last
 * step with a panel before the contract step (Lapland: meeting the coordinator).
 */
export function interviewPanel(
  steps: ReadonlyArray<{ id: string; panel?: string[] }>,
): { stepId: string; roles: string[] } | null {
  const named = steps.find((s) => s.id === 'interview');
  if (named) return { stepId: named.id, roles: [...(named.panel ?? [])] };
  const contractAt = steps.findIndex((s) => s.id === 'contract');
  const before = (contractAt < 0 ? steps : steps.slice(0, contractAt)).filter((s) => s.panel?.length);
  const step = before[before.length - 1];
  return step ? { stepId: step.id, roles: [...step.panel!] } : null;
}

/** Roles the region requires on the panel that nobody present holds. */
export function missingPanelRoles(required: readonly string[], present: readonly string[]): string[] {
  const have = new Set(present);
  return [...new Set(required)].filter((role) => !have.has(role));
}
