#!/usr/bin/env node
// Runs the compiled CLI (`npm run build`). In a source checkout that was not built, runs the
// TypeScript sources through tsx instead, so `npx openpatrol` works right after `npm install`.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
