#!/usr/bin/env node
// Fails when a package OpenPatrol ships (the production dependency tree: every package in
// package-lock.json not marked dev-only, the web apps' bundled libraries included) has a licence
// outside the allow-list below. Licences are read from each installed package.json, falling back
// to the lockfile, so it needs no network and no dependency of its own.
//
// Usage: node scripts/check-licences.mjs [--list]   (--list prints every package and licence)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Permissive licences: use, change and ship without opening our code or theirs further. */
const ALLOWED = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'CC-BY-4.0',
  'ISC',
  'MIT',
  'MIT-0',
  'Python-2.0',
  'Unlicense',
  'Zlib',
]);

/**
 * Packages whose metadata is wrong or missing, with the licence their repository states. Each
 * entry must say why; an entry whose package is gone from the tree fails the check, so the list
 * never outlives its reason.
 */
const KNOWN = {
  buffers: {
    licence: 'MIT',
    reason:
      'version 0.1.1 predates the "license" field; substack/node-buffers LICENSE is the MIT licence (via exceljs → unzipper)',
  },
  chainsaw: {
    licence: 'MIT',
    reason: 'declares "MIT/X11", the MIT licence under its older name (via exceljs → unzipper)',
  },
};

/** The MIT licence's grant, for packages that ship the text but leave package.json silent. */
const MIT_GRANT = /Permission is hereby granted, free of charge, to any person obtaining/;

/** Reads an SPDX expression and says whether it allows us to ship the package. */
export function isAllowed(expression) {
  const tokens = expression.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  let position = 0;
  // expression := and ('OR' and)* ; and := term ('AND' term)* ; term := id ['WITH' id] | '(' expression ')'
  function parseOr() {
    let allowed = parseAnd();
    while (tokens[position] === 'OR') {
      position += 1;
      allowed = parseAnd() || allowed;
    }
    return allowed;
  }
  function parseAnd() {
    let allowed = parseTerm();
    while (tokens[position] === 'AND') {
      position += 1;
      allowed = parseTerm() && allowed;
    }
    return allowed;
  }
  function parseTerm() {
    const token = tokens[position++];
    if (token === '(') {
      const allowed = parseOr();
      if (tokens[position++] !== ')') throw new Error(`unbalanced parentheses in "${expression}"`);
      return allowed;
    }
    if (token === undefined) throw new Error(`incomplete licence expression "${expression}"`);
    // An exception only ever grants more (e.g. LLVM-exception), so the licence decides.
    if (tokens[position] === 'WITH') position += 2;
    return ALLOWED.has(token.replace(/\+$/, ''));
  }
  const allowed = parseOr();
  if (position !== tokens.length) throw new Error(`cannot read licence expression "${expression}"`);
  return allowed;
}

/** The licence of an installed package, as its package.json or the lockfile states it. */
function licenceOf(location, entry) {
  const manifestPath = path.join(root, location, 'package.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};
  const declared = manifest.license ?? entry.license ?? manifest.licenses ?? entry.licenses;
  if (typeof declared === 'string') return declared;
  if (Array.isArray(declared))
    return declared.map((item) => (typeof item === 'string' ? item : item.type)).join(' OR ');
  if (declared && typeof declared === 'object' && typeof declared.type === 'string')
    return declared.type;
  return licenceFromFile(path.join(root, location));
}

/** The licence named by a LICENSE file's text; only the MIT grant is recognised. */
function licenceFromFile(directory) {
  if (!existsSync(directory)) return undefined;
  for (const file of readdirSync(directory)) {
    if (!/^licen[cs]e(\.|$)/i.test(file)) continue;
    if (MIT_GRANT.test(readFileSync(path.join(directory, file), 'utf8'))) return 'MIT';
  }
  return undefined;
}

function packageNameOf(location) {
  return location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

export function checkLicences() {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const problems = [];
  const seen = [];
  const usedExceptions = new Set();
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    // Our own workspaces and their links are Apache-2.0 by definition; dev-only packages are not shipped.
    if (!location.includes('node_modules/') || entry.link || entry.dev) continue;
    const name = packageNameOf(location);
    const known = KNOWN[name];
    const licence = known?.licence ?? licenceOf(location, entry);
    if (known) usedExceptions.add(name);
    seen.push({ name, version: entry.version, licence: licence ?? 'UNKNOWN' });
    if (licence === undefined) {
      problems.push(`${name}@${entry.version}: declares no licence`);
      continue;
    }
    try {
      if (!isAllowed(licence)) problems.push(`${name}@${entry.version}: ${licence}`);
    } catch (error) {
      problems.push(`${name}@${entry.version}: ${error.message}`);
    }
  }
  for (const name of Object.keys(KNOWN))
    if (!usedExceptions.has(name)) problems.push(`${name}: listed in KNOWN but no longer shipped`);
  return { problems, seen };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { problems, seen } = checkLicences();
  if (process.argv.includes('--list'))
    for (const item of seen) console.log(`${item.name}@${item.version}\t${item.licence}`);
  if (problems.length > 0) {
    console.error(
      `Licences outside the allow-list (${[...ALLOWED].join(', ')}):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`Licences: ${seen.length} production packages, all permissive.`);
}
