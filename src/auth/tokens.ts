import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { SignJWT, createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { UnauthenticatedError } from '../common/errors';
import { readOrCreateSecret } from '../common/secret-file';
import { ANONYMOUS, ROLES, type Grant, type Role, type Viewer } from './viewer';

/** The claim that carries grants, as `ROLE@regionId` or `ROLE@regionId/unitId`; an IdP maps it from its groups. */
export const GRANTS_CLAIM = 'kp_grants';
/** Issuer and audience of development tokens signed with the local secret. */
export const DEV_ISSUER = 'kokemuspankki-dev';
export const DEV_AUDIENCE = 'kokemuspankki';
const CLOCK_TOLERANCE_S = 60;
const DEFAULT_MAX_LIFETIME_MINUTES = 24 * 60;
/**
 * Verified tokens are kept for this long at most (and never past their expiry), so a key the
 * identity provider withdraws stops opening the API within minutes.
 */
const VERIFIED_TOKEN_TTL_S = 300;
const VERIFIED_TOKENS_KEPT = 10_000;
const ASYMMETRIC_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface AuthSettings {
  production: boolean;
  issuer?: string;
  audience?: string;
  jwksUrl?: string;
  /** HS256 secret for development tokens; undefined when they are refused. */
  devSecret?: Uint8Array;
  /** Longest accepted lifetime (exp minus iat) of a token, in minutes; a day unless configured. */
  maxLifetimeMinutes?: number;
  now?: () => Date;
}

export type Authenticate = (authorization: string | undefined) => Promise<Viewer>;

/**
 * Development secret: AUTH_DEV_SECRET, or one created in the data directory on first use so that
 * `npm run token` and the running server agree without any setup.
 */
export function readDevSecret(options: { dataDir: string; configured?: string }): Uint8Array {
  if (options.configured) return new TextEncoder().encode(options.configured);
  return new TextEncoder().encode(readOrCreateSecret(path.join(options.dataDir, 'auth-dev-secret'), 32));
}

export function createAuthenticator(settings: AuthSettings): Authenticate {
  const jwks = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : undefined;
  const now = settings.now ?? (() => new Date());
  const maxLifetimeS = (settings.maxLifetimeMinutes ?? DEFAULT_MAX_LIFETIME_MINUTES) * 60;

  // A client sends the same token with every request: checking its signature once saves most of
  // the cost of authentication. Only accepted tokens are kept, each until it would be refused
  // (expiry plus the clock tolerance); every other check only gets easier as time passes.
  const verified = new LRUCache<string, { viewer: Viewer; untilS: number }>({ max: VERIFIED_TOKENS_KEPT });

  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    const token = match[1]!;
    const nowS = Math.floor(now().getTime() / 1000);
    const known = verified.get(token);
    if (known && nowS <= known.untilS) return copyViewer(known.viewer);

    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new UnauthenticatedError('the token is malformed');
    }
    if (!alg || alg.toLowerCase() === 'none')
      throw new UnauthenticatedError('unsigned tokens (alg "none") are not accepted');

    let payload: JWTPayload;
    try {
      if (alg === 'HS256') {
        if (!settings.devSecret) throw new UnauthenticatedError('development tokens are not accepted in production');
        ({ payload } = await jwtVerify(token, settings.devSecret, {
          algorithms: ['HS256'],
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          clockTolerance: CLOCK_TOLERANCE_S,
          currentDate: now(),
          requiredClaims: ['sub', 'exp'],
        }));
      } else {
        if (!jwks)
          throw new UnauthenticatedError(
            `tokens signed with ${alg} are not accepted: no identity provider is configured`,
          );
        ({ payload } = await jwtVerify(token, jwks, {
          algorithms: ASYMMETRIC_ALGS,
          issuer: settings.issuer,
          audience: settings.audience,
          clockTolerance: CLOCK_TOLERANCE_S,
          currentDate: now(),
          requiredClaims: ['sub', 'exp'],
        }));
      }
    } catch (error) {
      throw explain(error);
    }
    checkTimes(payload, nowS, maxLifetimeS);
    const viewer = viewerFromClaims(payload);
    verified.set(token, { viewer, untilS: Math.min(payload.exp! + CLOCK_TOLERANCE_S, nowS + VERIFIED_TOKEN_TTL_S) });
    return copyViewer(viewer);
  };
}

/** Each request gets its own viewer, so nothing one request does to it reaches the next. */
function copyViewer(viewer: Viewer): Viewer {
  return { ...viewer, grants: viewer.grants.map((grant) => ({ ...grant })) };
}

/**
 * A token issued in the future (beyond the clock skew) is refused, and so is one that lives longer
 * than allowed: a stolen long-lived token would outlast the grants it carries. Without `iat` the
 * lifetime counts from now.
 */
export function checkTimes(payload: JWTPayload, nowS: number, maxLifetimeS: number): void {
  const iat = payload.iat;
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat)))
    throw new UnauthenticatedError('the token claim "iat" must be a number');
  if (iat !== undefined && iat > nowS + CLOCK_TOLERANCE_S)
    throw new UnauthenticatedError('the token was issued in the future ("iat" is ahead of the server clock)');
  const exp = payload.exp!;
  const lifetimeS = exp - (iat ?? nowS);
  if (lifetimeS > maxLifetimeS + CLOCK_TOLERANCE_S) {
    throw new UnauthenticatedError(
      `the token lives too long: ${describeSeconds(lifetimeS)} from "iat" to "exp", at most ${describeSeconds(maxLifetimeS)} is accepted`,
    );
  }
}

function describeSeconds(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

/** Turns jose's errors into a message that says what was wrong with the token. */
function explain(error: unknown): UnauthenticatedError {
  if (error instanceof UnauthenticatedError) return error;
  if (error instanceof errors.JWTExpired) return new UnauthenticatedError('the token has expired');
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new UnauthenticatedError('the token signature is invalid');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new UnauthenticatedError('the token issuer is not accepted');
    if (error.claim === 'aud') return new UnauthenticatedError('the token audience is not accepted');
    if (error.claim === 'nbf') return new UnauthenticatedError('the token is not valid yet');
    return new UnauthenticatedError(`the token claim "${error.claim}" is invalid: ${error.reason}`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return new UnauthenticatedError('the token algorithm is not accepted');
  if (error instanceof errors.JWKSNoMatchingKey)
    return new UnauthenticatedError('the token was signed with an unknown key');
  if (error instanceof errors.JWKSTimeout)
    return new UnauthenticatedError('the identity provider keys could not be fetched');
  return new UnauthenticatedError('the token is malformed');
}

export function viewerFromClaims(payload: JWTPayload): Viewer {
  const raw = payload[GRANTS_CLAIM] ?? [];
  if (!Array.isArray(raw))
    throw new UnauthenticatedError(`the token claim ${GRANTS_CLAIM} must be a list of "ROLE@region[/unit]"`);
  const grants = raw.map((value, index) => {
    const grant = typeof value === 'string' ? parseGrant(value) : undefined;
    if (!grant)
      throw new UnauthenticatedError(
        `the token claim ${GRANTS_CLAIM}[${index}] is not "ROLE@region[/unit]" with a known role`,
      );
    return grant;
  });
  const name = typeof payload.name === 'string' ? payload.name : null;
  // jose checks that `sub` is present, not what it is; an object here would reach the database.
  const sub: unknown = payload.sub;
  if (typeof sub !== 'string' || sub.trim() === '')
    throw new UnauthenticatedError('the token claim "sub" must be a non-empty string');
  return { id: sub, name, grants };
}

const GRANT_PATTERN = /^([A-Z_]+)@([a-z0-9][a-z0-9-]*)(?:\/([A-Za-z0-9_-]+))?$/;

/** `COORDINATOR@lapland`, `UNIT_COORDINATOR@ita-uusimaa/<unit id>`. */
export function parseGrant(value: string): Grant | undefined {
  const match = GRANT_PATTERN.exec(value.trim());
  if (!match || !(ROLES as readonly string[]).includes(match[1]!)) return undefined;
  return { role: match[1] as Role, regionId: match[2]!, ...(match[3] ? { unitId: match[3] } : {}) };
}

export function formatGrant(grant: Grant): string {
  return `${grant.role}@${grant.regionId}${grant.unitId ? `/${grant.unitId}` : ''}`;
}

/** Signs a development token (npm run token, tests). */
export async function signDevToken(
  secret: Uint8Array,
  claims: { sub: string; name?: string; grants: Grant[]; expiresIn?: string | number },
): Promise<string> {
  return new SignJWT({ name: claims.name, [GRANTS_CLAIM]: claims.grants.map(formatGrant) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(secret);
}
