/**
 * Throughput of GET /api/health (Fastify, TypeBox serializer, a real SQLite query per request)
 * next to a bare node:http JSON endpoint, measured in the same run so the ratio means something
 * on a noisy machine. Each server runs in its own process; autocannon runs in this one.
 *
 *   npm run bench                      (BENCH_SECONDS=10 BENCH_ROUNDS=2 by default)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../src/test-support/free-port.js';
import autocannon from 'autocannon';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

interface Target {
  readonly name: string;
  readonly path: string;
  start(): Promise<{ url: string; process: ChildProcess }>;
}

async function startProcess(args: string[], env: Record<string, string>, readyPath: string) {
  const port = await findFreePort();
  const child = spawn(process.execPath, args, {
    cwd: packageDirectory,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    const ready = await fetch(url + readyPath).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${args.join(' ')} did not answer within 30 s`);
}

const dataDirectory = mkdtempSync(path.join(tmpdir(), 'openpatrol-bench-'));
const openPatrol = (logLevel: string): Target => ({
  name: `OpenPatrol GET /api/health (LOG_LEVEL=${logLevel})`,
  path: '/api/health',
  start: () =>
    startProcess(
      ['bin/openpatrol.js', 'serve'],
      { HOST: '127.0.0.1', LOG_LEVEL: logLevel, DATA_DIR: path.join(dataDirectory, logLevel) },
      '/api/health',
    ),
});
const bare: Target = {
  name: 'bare node:http JSON (baseline)',
  path: '/',
  start: () => startProcess(['bench/bare-json-server.mjs'], {}, '/'),
};

async function measure(target: Target): Promise<number> {
  const server = await target.start();
  try {
    const url = server.url + target.path;
    await autocannon({ url, connections, duration: 2 }); // warm-up: JIT, SQLite page cache
    const result = await autocannon({ url, connections, duration: seconds });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${target.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return result.requests.average;
  } finally {
    server.process.kill('SIGTERM');
  }
}

const targets = [bare, openPatrol('warn'), openPatrol('info')];
const samples = new Map<Target, number[]>(targets.map((target) => [target, []]));
try {
  // Interleaved rounds, so a slow minute on a shared machine hits every target alike.
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const requestsPerSecond = await measure(target);
      samples.get(target)?.push(requestsPerSecond);
      console.error(`round ${round}: ${target.name}: ${Math.round(requestsPerSecond)} req/s`);
    }
  }
} finally {
  rmSync(dataDirectory, { recursive: true, force: true });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const baseline = median(samples.get(bare) ?? []);
console.log(
  `\n${connections} connections, ${seconds} s per run, median of ${rounds} interleaved rounds\n`,
);
console.log('| endpoint | requests/s | ratio to baseline |');
console.log('|---|---:|---:|');
for (const target of targets) {
  const value = median(samples.get(target) ?? []);
  console.log(`| ${target.name} | ${Math.round(value)} | ${(value / baseline).toFixed(2)} |`);
}
