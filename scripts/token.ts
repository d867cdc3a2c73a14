import { parseArgs } from 'node:util';
import { loadEnv } from '../src/config/env';
import { parseGrant, readDevSecret, signDevToken } from '../src/auth/tokens';
import type { Grant } from '../src/auth/viewer';

/**
 * npm run token -- --sub <id> --name "<display name>" --grant ROLE@regionId[/unitId] [--grant ...]
 * Prints only the token, signed with the development secret the local server accepts.
 */
const usage = `usage: npm run token -- --sub <id> --name "<display name>" --grant ROLE@regionId[/unitId] [--grant ...] [--expires 12h]
roles: REGION_ADMIN COORDINATOR UNIT_COORDINATOR PROFESSIONAL EXPERT ANALYST NATIONAL_ANALYST
regions: ita-uusimaa vantaa-kap lapland (or any folder under regions/)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      name: { type: 'string' },
      grant: { type: 'string', multiple: true },
      expires: { type: 'string', default: '12h' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.sub) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const grants: Grant[] = [];
  for (const text of values.grant ?? []) {
    const grant = parseGrant(text);
    if (!grant) {
      console.error(`--grant ${text}: expected ROLE@regionId or ROLE@regionId/unitId\n${usage}`);
      return 2;
    }
    grants.push(grant);
  }
  const env = loadEnv();
  const secret = readDevSecret({ dataDir: env.dataDir, configured: env.AUTH_DEV_SECRET });
  console.log(await signDevToken(secret, { sub: values.sub, name: values.name, grants, expiresIn: values.expires }));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
