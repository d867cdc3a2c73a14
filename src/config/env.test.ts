import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('browser origins and token lifetime from the environment', () => {
  it('when nothing is set in development, then frontends on this machine (any port) may call the API', () => {
    expect(loadEnv({ NODE_ENV: 'development' }).corsOrigins).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
  });

  it('when nothing is set in production, then no browser origin may', () => {
    expect(loadEnv({ NODE_ENV: 'production' }).corsOrigins).toEqual([]);
  });

  it('when CORS_ORIGINS lists the regional frontends, then exactly those may', () => {
    expect(
      loadEnv({ NODE_ENV: 'production', CORS_ORIGINS: 'https://a.example.fi, https://b.example.fi' }).corsOrigins,
    ).toEqual(['https://a.example.fi', 'https://b.example.fi']);
  });

  it('when CORS_ORIGINS holds something that is not an origin, then start-up stops naming it', () => {
    expect(() => loadEnv({ CORS_ORIGINS: 'https://a.example.fi/graphql' })).toThrow(
      /invalid environment:\nCORS_ORIGINS: "https:\/\/a.example.fi\/graphql"/,
    );
  });

  it('when no maximum token lifetime is set, then it is 24 h; a bad value stops start-up', () => {
    expect(loadEnv({}).AUTH_MAX_TOKEN_LIFETIME_MINUTES).toBe(1440);
    expect(loadEnv({ AUTH_MAX_TOKEN_LIFETIME_MINUTES: '60' }).AUTH_MAX_TOKEN_LIFETIME_MINUTES).toBe(60);
    expect(() => loadEnv({ AUTH_MAX_TOKEN_LIFETIME_MINUTES: '0' })).toThrow('AUTH_MAX_TOKEN_LIFETIME_MINUTES');
  });
});
