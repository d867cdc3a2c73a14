import fs from 'node:fs/promises';
import path from 'node:path';
import type http from 'node:http';
import type { Grant, Role } from '../auth/viewer';

/**
 * The web console at /console: the static bundle built from console/ (vite), with the single-page
 * fallback to index.html, and the two small JSON endpoints it needs before any GraphQL request:
 * how to sign in, and (in development only) the demo people with a token for each.
 */
export const CONSOLE_PATH = '/console';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface DemoPerson {
  id: string;
  name: string;
  role: Role;
  regionId: string;
  unitName?: string;
  grants: Grant[];
}

export interface ConsoleOptions {
  /** Folder of the built bundle (console/dist). */
  distDir: string;
  /** Development sign-in: the demo people and a token maker; absent in production or without a dev secret. */
  devSignIn?: {
    people(): Promise<DemoPerson[]>;
    token(person: DemoPerson): Promise<string>;
  };
  /** Production sign-in through the identity provider (authorization code flow with PKCE). */
  oidc?: { authority: string; clientId: string; scope: string };
}

/** Content-Security-Policy of every console response: only this origin, plus the identity provider. */
export function consoleCsp(oidcAuthority?: string): string {
  const idp = oidcAuthority ? ` ${new URL(oidcAuthority).origin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The component library positions popovers with style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${idp}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action 'self'${idp}`,
  ].join('; ');
}

export function createConsoleHandler(options: ConsoleOptions) {
  const csp = consoleCsp(options.oidc?.authority);
  const root = path.resolve(options.distDir);

  return async function handleConsole(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string,
  ): Promise<void> {
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const rest = pathname.slice(CONSOLE_PATH.length);
    if (rest === '/api/config' && req.method === 'GET') {
      return json(res, 200, {
        devSignIn: !!options.devSignIn,
        oidc: options.oidc ?? null,
      });
    }
    if (rest === '/api/dev-people' && req.method === 'GET') {
      if (!options.devSignIn) return json(res, 404, { error: 'development sign-in is off' });
      const people = await options.devSignIn.people();
      return json(res, 200, { people: people.map(({ grants: _grants, ...person }) => person) });
    }
    if (rest === '/api/dev-token' && req.method === 'POST') {
      if (!options.devSignIn) return json(res, 404, { error: 'development sign-in is off' });
      const id = await readPersonId(req);
      const person = (await options.devSignIn.people()).find((p) => p.id === id);
      if (!person) return json(res, 400, { error: 'unknown demo person' });
      res.setHeader('cache-control', 'no-store');
      return json(res, 200, { token: await options.devSignIn.token(person), name: person.name });
    }
    if (rest.startsWith('/api/')) return json(res, 404, { error: 'not found' });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return json(res, 405, { error: 'use GET' });
    }

    // A file of the bundle, or the single page for any route of the console.
    const file = await existingFile(root, decodeURIComponent(rest || '/'));
    const target = file ?? path.join(root, 'index.html');
    let body: Buffer;
    try {
      body = await fs.readFile(target);
    } catch {
      res.statusCode = 503;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('The console is not built: run npm run build:console');
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-type', CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream');
    // Hashed assets never change; the page itself is always asked for again.
    res.setHeader(
      'cache-control',
      file && rest.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** A regular file under root for the request path, never outside root; undefined otherwise. */
async function existingFile(root: string, requestPath: string): Promise<string | undefined> {
  if (requestPath.includes('\0')) return undefined;
  const candidate = path.resolve(root, '.' + path.posix.normalize(requestPath));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  try {
    const stat = await fs.stat(candidate);
    return stat.isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function readPersonId(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 10_000) req.destroy();
    });
    req.on('error', () => resolve(undefined));
    req.on('end', () => {
      try {
        const body = JSON.parse(text) as { id?: unknown };
        resolve(typeof body.id === 'string' ? body.id : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
