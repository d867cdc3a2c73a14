import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { migrateToLatest } from '../src/db/migrate';
import { MIGRATIONS_PATH, openOrm } from '../src/db/orm';
import { startScratchServer } from '../src/db/scratch-database';

/**
 * `create [name]`: writes a migration for the difference between the entities and the schema
 * that the committed migrations build. `check`: fails if there is such a difference, or if the
 * migrations index does not list every migration file.
 */
async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'create' && command !== 'check') {
    console.error('usage: migrations.ts create [name] | check');
    return 2;
  }
  const server = await startScratchServer();
  try {
    const url = await server.createDatabase('migration_check');
    const orm = await openOrm({ url, poolMax: 2 });
    try {
      await migrateToLatest(orm);
      if (command === 'create') {
        const result = await orm.getMigrator().createMigration(MIGRATIONS_PATH, false, false, name);
        if (!result.fileName) {
          console.log('entities and migrations agree; no migration written');
        } else {
          const file = path.join(MIGRATIONS_PATH, result.fileName);
          // Migrations only queue SQL: plain methods, so lint's require-await has nothing to say.
          const source = fs.readFileSync(file, 'utf8').replace(/async (up|down)\(\): Promise<void>/g, '$1(): void');
          fs.writeFileSync(file, source);
          console.log(`wrote ${file}`);
          writeIndex();
        }
        return 0;
      }
      const pending = (await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).trim();
      const indexProblem = indexDrift();
      if (pending)
        console.error(
          `entities differ from the committed migrations; run npm run migration:create -- <name>\n${pending}`,
        );
      if (indexProblem) console.error(indexProblem);
      if (pending || indexProblem) return 1;
      console.log('migrations match the entities');
      return 0;
    } finally {
      await orm.close(true);
      await server.dropDatabase(url);
    }
  } finally {
    await server.stop();
  }
}

function migrationFiles(): string[] {
  return fs
    .readdirSync(MIGRATIONS_PATH)
    .filter((f) => /^Migration\d{14}.*\.ts$/.test(f))
    .sort();
}

function renderIndex(): string {
  const files = migrationFiles().map((f) => f.replace(/\.ts$/, ''));
  const imports = files.map((f) => `import { ${className(f)} } from './${f}';`).join('\n');
  const entries = files.map((f) => `  { name: '${f}', class: ${className(f)} },`).join('\n');
  return `import type { MigrationObject } from '@mikro-orm/core';
${imports}

/** Every migration, in order. Written by \`npm run migration:create\`; do not edit by hand. */
export const migrationsList: MigrationObject[] = [
${entries}
];
`;
}

function className(file: string): string {
  return file;
}

function writeIndex(): void {
  fs.writeFileSync(path.join(MIGRATIONS_PATH, 'index.ts'), renderIndex());
}

function indexDrift(): string | undefined {
  const current = fs.readFileSync(path.join(MIGRATIONS_PATH, 'index.ts'), 'utf8');
  return current === renderIndex()
    ? undefined
    : 'src/db/migrations/index.ts does not list exactly the migration files; run npm run migration:create';
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
