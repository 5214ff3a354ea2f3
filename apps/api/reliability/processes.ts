import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { findFreePort } from '../src/test-support/free-port.js';

/**
 * Real `openpatrol` processes for the reliability runs (issue 10): started as an operator would,
 * killed with SIGKILL when a run wants a crash, and their memory read from /proc.
 */

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

export interface Installation {
  /** Settings every process of the installation shares (database, data folder). */
  readonly env: Readonly<Record<string, string>>;
  readonly describe: string;
  /** Drops the database (PostgreSQL schema or SQLite file) and the data folder. */
  destroy(): Promise<void>;
}

/**
 * A fresh installation: a SQLite file, or a PostgreSQL schema of its own when `postgresUrl` is
 * given (so runs never touch other data in that database).
 */
export async function createInstallation(postgresUrl?: string): Promise<Installation> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openpatrol-reliability-'));
  if (!postgresUrl)
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: `sqlite:${path.join(dataDir, 'openpatrol.db')}` },
      describe: 'SQLite',
      destroy: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  const schema = `reliability_${Date.now().toString(36)}_${process.pid}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: postgresUrl, DATABASE_SCHEMA: schema },
    describe: 'PostgreSQL',
    destroy: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** For `serve`: its base URL. */
  readonly url: string;
  readonly pid: number;
  /** Resident memory in bytes now (Linux /proc), or null once exited. */
  rssBytes(): number | null;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

/** `openpatrol serve` or `openpatrol worker`; a server resolves once /api/health answers. */
export async function startProcess(
  installation: Installation,
  command: 'serve' | 'worker' | 'migrate',
  env: Record<string, string> = {},
): Promise<RunningProcess> {
  // A caller may fix the port (a restarted server takes over its predecessor's).
  const port = env.PORT ?? String(await findFreePort());
  const child = spawn(process.execPath, ['bin/openpatrol.js', command], {
    cwd: packageDirectory,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: port,
      LOG_LEVEL: 'error',
      ...installation.env,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const running: RunningProcess = {
    name: `${command}:${child.pid}`,
    child,
    url,
    pid: child.pid ?? -1,
    rssBytes: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kilobytes = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
        return kilobytes ? Number(kilobytes) * 1024 : null;
      } catch {
        return null;
      }
    },
    kill9: async () => {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await waitForExit(child);
    },
  };
  if (command === 'migrate') {
    await waitForExit(child);
    if (child.exitCode !== 0) throw new Error(`openpatrol migrate exited with ${child.exitCode}`);
    return running;
  }
  if (command === 'worker') return running;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null)
      throw new Error(`openpatrol ${command} exited with ${child.exitCode}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return running;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`openpatrol ${command} did not answer within 60 s`);
}

/** Percentile of sorted or unsorted values (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Least-squares slope of memory samples, in bytes a minute: "flat" means the slope is small next
 * to the level (a leak grows steadily; garbage collection only saws up and down).
 */
export function slopePerMinute(samples: readonly { atMs: number; bytes: number }[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const meanX = samples.reduce((sum, s) => sum + s.atMs, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.bytes, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const s of samples) {
    numerator += (s.atMs - meanX) * (s.bytes - meanY);
    denominator += (s.atMs - meanX) ** 2;
  }
  return denominator === 0 ? 0 : (numerator / denominator) * 60_000;
}
