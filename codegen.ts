import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations in test/operations (what a frontend would send) and for the
 * console's operations in console/src, both checked against the committed schema.
 * `npm run codegen:check` fails when either output would change.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  generates: {
    'test/generated/graphql.ts': {
      documents: ['test/operations/**/*.graphql'],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: { DateTime: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' },
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
        useTypeImports: true,
      },
    },
    'console/src/gql/': {
      documents: ['console/src/**/*.{ts,tsx}', '!console/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        scalars: { DateTime: 'string', LocalDate: 'string', JSONObject: 'Record<string, unknown>' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
  hooks: {},
};

export default config;
