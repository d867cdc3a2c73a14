/** Cross-origin calls from the regions' frontends: bearer tokens, never cookies, so no credentials. */

/**
 * Allowed browser origins from CORS_ORIGINS: exact origins (`https://kokemuspankki.hyvaks.fi`),
 * an origin whose port is `*` (`http://localhost:*`, any port), or `*` for any origin. Throws
 * naming the entry that is not an origin.
 */
export function parseCorsOrigins(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (entry === '*') return entry;
      const anyPort = entry.endsWith(':*');
      const bare = (anyPort ? entry.slice(0, -2) : entry).replace(/\/$/, '').toLowerCase();
      let url: URL | undefined;
      try {
        url = new URL(bare);
      } catch {
        url = undefined;
      }
      // An origin is scheme, host and port: no path, no query, nothing else.
      if (
        !url ||
        (url.protocol !== 'http:' && url.protocol !== 'https:') ||
        url.origin !== bare ||
        (anyPort && url.port)
      ) {
        throw new Error(
          `CORS_ORIGINS: "${entry}" is not an origin such as https://app.example.fi or http://localhost:*`,
        );
      }
      return anyPort ? `${url.protocol}//${url.hostname}:*` : url.origin;
    });
}

/** Whether a browser on `origin` may read the API's responses. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === 'null') return false;
  return allowed.some((entry) => entry === url.origin || entry === `${url.protocol}//${url.hostname}:*`);
}

/** Request headers a browser may send cross-origin: the token, the JSON body, content negotiation, Apollo's preflight markers. */
const ALLOWED_REQUEST_HEADERS =
  'authorization, content-type, accept, apollo-require-preflight, x-apollo-operation-name, idempotency-key';
/** How long a browser may reuse a preflight answer (Chromium caps it at 2 h). */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * CORS headers for a response to `origin`. Always `Vary: Origin`, so a cache never hands one
 * origin's answer to another; the allow headers only for an allowed origin, and the method and
 * header lists only on a preflight. No Access-Control-Allow-Credentials: tokens are bearer tokens.
 */
export function corsHeaders(
  origin: string | undefined,
  allowed: readonly string[],
  preflight: boolean,
): Record<string, string> {
  const headers: Record<string, string> = { vary: 'Origin' };
  if (!origin || !originAllowed(origin, allowed)) return headers;
  headers['access-control-allow-origin'] = origin;
  if (preflight) {
    headers['access-control-allow-methods'] = 'GET, POST, OPTIONS';
    headers['access-control-allow-headers'] = ALLOWED_REQUEST_HEADERS;
    headers['access-control-max-age'] = String(PREFLIGHT_MAX_AGE_S);
  }
  return headers;
}
