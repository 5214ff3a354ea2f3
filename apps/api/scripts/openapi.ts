/**
 * Writes (or checks) the committed OpenAPI document and the client types generated from it:
 *   npm run openapi:write   after changing a route or schema
 *   npm run openapi:check   in CI: fails when the committed files differ from the server
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createDependencies } from '../src/dependencies.js';
import { createServer } from '../src/server.js';

const clientDirectory = new URL('../../../packages/api-client/', import.meta.url);
const documentFile = fileURLToPath(new URL('openapi.json', clientDirectory));
const typesFile = fileURLToPath(new URL('src/schema.ts', clientDirectory));

async function renderDocument(): Promise<string> {
  const deps = createDependencies(
    loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' }),
    {
      logger: pino({ level: 'silent' }),
      webApps: [],
    },
  );
  const app = await createServer(deps);
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await deps.close();
  }
}

async function renderTypes(document: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0]);
  const banner = '// Generated from openapi.json by `npm run openapi:write`. Do not edit.\n\n';
  return banner + astToString(ast);
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const mode = process.argv[2];
const document = await renderDocument();
const types = await renderTypes(document);

if (mode === 'write') {
  writeFileSync(documentFile, document);
  writeFileSync(typesFile, types);
  console.log(`Wrote ${documentFile}\nWrote ${typesFile}`);
} else if (mode === 'check') {
  const stale = [
    [documentFile, document],
    [typesFile, types],
  ].filter(([file, expected]) => readOrEmpty(file!) !== expected);
  if (stale.length > 0) {
    console.error(
      `The committed API description is out of date with the server:\n${stale.map(([file]) => `  ${file}`).join('\n')}`,
    );
    console.error('Run `npm run openapi:write` and commit the result.');
    process.exit(1);
  }
  console.log('The committed OpenAPI document and client types match the server.');
} else {
  console.error('Usage: tsx scripts/openapi.ts write|check');
  process.exit(2);
}
