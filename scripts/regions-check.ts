import { loadEnv } from '../src/config/env';
import { discoverRegions } from '../src/region/discovery';
import { RegionConfigError } from '../src/region/validate';

/** `npm run regions:check`: the validation that runs at start, without starting anything. */
async function main(): Promise<number> {
  const env = loadEnv();
  try {
    const regions = await discoverRegions(env.regionsDir);
    console.log(`${regions.size} region modules are valid: ${[...regions.keys()].join(', ')}`);
    return 0;
  } catch (error) {
    if (error instanceof RegionConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
