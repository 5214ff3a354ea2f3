/**
 * Creates the next migration file and registers it in the ordered list:
 *   npm run db:new-migration -- create-task-executions
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
if (!name || !/^[a-z]+(-[a-z0-9]+)+$/.test(name)) {
  console.error(
    'Usage: npm run db:new-migration -- verb-object   (kebab-case, e.g. create-task-executions)',
  );
  process.exit(2);
}

const directory = new URL('../src/database/migrations/', import.meta.url);
const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '');
const migrationName = `${stamp}-${name}`;
const file = fileURLToPath(new URL(`${migrationName}.ts`, directory));
if (existsSync(file)) {
  console.error(`${file} exists already`);
  process.exit(1);
}

writeFileSync(
  file,
  `import type { Kysely } from 'kysely';

// Frozen once merged: use Kysely<unknown> and snake_case names, never the Database interface.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('todo').addColumn('id', 'text', (column) => column.primaryKey()).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('todo').execute();
}
`,
);

const indexFile = fileURLToPath(new URL('index.ts', directory));
const identifier = name.replace(/-([a-z0-9])/g, (_, character: string) => character.toUpperCase());
const index = readFileSync(indexFile, 'utf8')
  .replace(
    /(import \* as [^\n]+\n)(?![\s\S]*import \* as)/,
    `$1import * as ${identifier} from './${migrationName}.js';\n`,
  )
  .replace(/\n};\n$/, `\n  '${migrationName}': ${identifier},\n};\n`);
writeFileSync(indexFile, index);
console.log(`Created ${file} and registered it in ${indexFile}`);
