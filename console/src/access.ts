import type { Session } from './auth';

export type Role =
  'REGION_ADMIN' | 'COORDINATOR' | 'UNIT_COORDINATOR' | 'PROFESSIONAL' | 'EXPERT' | 'ANALYST' | 'NATIONAL_ANALYST';

/** Who may open a page: anyone (signed in or not), or a person holding one of the roles in some region. */
export type Audience = 'anyone' | readonly Role[];

export function mayOpen(session: Session | null, audience: Audience): boolean {
  if (audience === 'anyone') return true;
  return !!session?.grants.some((grant) => (audience as readonly string[]).includes(grant.role));
}

/** The regions in which the signed-in person holds one of the roles. */
export function regionsWithRole(session: Session | null, roles: readonly Role[]): string[] {
  return [
    ...new Set(
      (session?.grants ?? []).filter((g) => (roles as readonly string[]).includes(g.role)).map((g) => g.regionId),
    ),
  ];
}

/** Matches a console path against a page pattern such as `regions/:regionId`; the parameters, or null. */
export function matchPath(pattern: string, rest: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = rest.split('/');
  const params: Record<string, string> = {};
  // A trailing `*` takes the rest of the path (possibly empty) as the parameter `*`.
  if (want[want.length - 1] === '*') {
    want.pop();
    if (got.length < want.length) return null;
    params['*'] = got.splice(want.length).join('/');
  }
  if (want.length !== got.length) return null;
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part.startsWith(':')) {
      if (!/^[A-Za-z0-9_-]+$/.test(got[i]!)) return null;
      params[part.slice(1)] = got[i]!;
    } else if (part !== got[i]) return null;
  }
  return params;
}
