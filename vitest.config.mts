import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// type-graphql is CommonJS and requires graphql's CommonJS entry; vite would otherwise hand our
// own imports the ESM entry, and graphql refuses objects built by "another module or realm".
const graphqlCjs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'node_modules/graphql/index.js');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    // The JSON report lets .ci/run print "N passed, M failed" from what actually ran.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-results.json' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'regions/**/*.test.ts', 'test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
