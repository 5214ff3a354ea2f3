#!/usr/bin/env node
// Runs the compiled CLI (`npm run build`) when it is at least as new as the sources; in a source
// checkout that was not rebuilt since the last edit, runs the TypeScript sources through tsx, so
// `npx openpatrol` never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';

const compiled = new URL('../dist/main.js', import.meta.url);
const sources = new URL('../src/', import.meta.url);

function newestModification(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

const isCompiledCurrent =
  existsSync(compiled) &&
  (!existsSync(sources) || statSync(compiled).mtimeMs >= newestModification(sources));

if (isCompiledCurrent) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
