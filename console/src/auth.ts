import { createContext, useContext } from 'react';
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';

export interface ConsoleConfig {
  devSignIn: boolean;
  oidc: { authority: string; clientId: string; scope: string } | null;
}

export interface Grant {
  role: string;
  regionId: string;
  unitId?: string | null;
}

export interface Session {
  token: string;
  name: string;
  grants: Grant[];
}

export interface DemoPerson {
  id: string;
  name: string;
  role: string;
  regionId: string;
  unitName?: string;
}

export const SessionContext = createContext<{
  session: Session | null;
  config: ConsoleConfig | null;
  signIn: (token: string) => Promise<void>;
  signOut: () => void;
}>({ session: null, config: null, signIn: () => Promise.resolve(), signOut: () => undefined });

export const useSession = () => useContext(SessionContext);

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/api/config');
  return (await response.json()) as ConsoleConfig;
}

export async function loadDemoPeople(): Promise<DemoPerson[]> {
  const response = await fetch('/console/api/dev-people');
  if (!response.ok) return [];
  return ((await response.json()) as { people: DemoPerson[] }).people;
}

export async function devToken(id: string): Promise<string> {
  const response = await fetch('/console/api/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id }),
  });
  if (!response.ok) throw new Error(`sign-in refused (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * Authorization code flow with PKCE against the configured issuer. The user (and so the token) is
 * kept in memory only; only the state of a sign-in under way (its PKCE verifier) crosses the redirect
 * in session storage.
 */
export function userManager(oidc: NonNullable<ConsoleConfig['oidc']>): UserManager {
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: `${window.location.origin}/console/callback`,
    post_logout_redirect_uri: `${window.location.origin}/console/`,
    response_type: 'code',
    scope: oidc.scope,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}
