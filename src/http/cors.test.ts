import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corsHeaders, originAllowed, parseCorsOrigins } from './cors';

describe('CORS_ORIGINS', () => {
  it('when it lists origins, then they are read with spaces and trailing slashes forgiven', () => {
    expect(parseCorsOrigins(' https://App.example.fi/ , http://localhost:* ,,*')).toEqual([
      'https://app.example.fi',
      'http://localhost:*',
      '*',
    ]);
  });

  it.each([
    'app.example.fi',
    'https://app.example.fi/graphql',
    'ftp://app.example.fi',
    'https://app.example.fi?x=1',
    'http://localhost:3000:*',
  ])('when it lists "%s", then it is refused naming the entry', (entry) => {
    expect(() => parseCorsOrigins(entry)).toThrow(entry);
  });

  it('when it is empty, then no origin is allowed', () => {
    expect(parseCorsOrigins('')).toEqual([]);
    expect(originAllowed('https://app.example.fi', [])).toBe(false);
  });
});

describe('allowed origins', () => {
  const allowed = parseCorsOrigins('https://app.example.fi,http://localhost:*');

  it('when the origin matches exactly or by any port, then it is allowed', () => {
    expect(originAllowed('https://app.example.fi', allowed)).toBe(true);
    expect(originAllowed('http://localhost:5173', allowed)).toBe(true);
    expect(originAllowed('http://localhost', allowed)).toBe(true);
  });

  it.each([
    'https://app.example.fi.evil.example',
    'http://app.example.fi',
    'https://app.example.fi:8443',
    'https://localhost:5173',
    'null',
    'not an origin',
  ])('when the origin is %s, then it is not', (origin) => {
    expect(originAllowed(origin, allowed)).toBe(false);
  });

  it('when any origin is allowed with *, then every origin gets its own name back and never credentials', () => {
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const origin = new URL(url).origin;
        const headers = corsHeaders(origin, ['*'], true);
        expect(headers['access-control-allow-origin']).toBe(origin);
        expect(headers['access-control-allow-credentials']).toBeUndefined();
        expect(headers.vary).toBe('Origin');
      }),
    );
  });

  it('when the origin is not allowed, then only Vary is set', () => {
    expect(corsHeaders('https://evil.example', allowed, true)).toEqual({ vary: 'Origin' });
    expect(corsHeaders(undefined, allowed, false)).toEqual({ vary: 'Origin' });
  });
});
