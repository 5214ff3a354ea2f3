import { readFileSync } from 'node:fs';

/** The server's version, from apps/api/package.json (one level above both src/ and dist/). */
export function readServerVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return manifest.version;
}
