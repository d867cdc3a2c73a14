import 'reflect-metadata';
import fs from 'node:fs';
import { buildGraphQLSchema, printSortedSchema } from '../src/schema';

/** Writes schema/schema.graphql from the code; with --check, fails if the committed file differs. */
const FILE = 'schema/schema.graphql';

async function main(): Promise<number> {
  const sdl = printSortedSchema(await buildGraphQLSchema());
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
    if (committed !== sdl) {
      console.error(`${FILE} differs from the schema the code emits; run npm run schema and commit it`);
      return 1;
    }
    console.log(`${FILE} matches the code`);
    return 0;
  }
  fs.mkdirSync('schema', { recursive: true });
  fs.writeFileSync(FILE, sdl);
  console.log(`wrote ${FILE}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
