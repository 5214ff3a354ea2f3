import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../src/test-support/free-port.js';
import { chromium, type BrowserContext } from 'playwright-core';

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The real CLI in its own process on a fresh SQLite file, as a person would start it. `apps`
 * names the built web apps the test needs (both by default).
 */
export async function startServer(
  env: Record<string, string> = {},
  { apps = ['admin', 'field'] }: { apps?: readonly ('admin' | 'field')[] } = {},
): Promise<RunningServer> {
  for (const app of apps) {
    const index = path.join(packageDirectory, '..', app, 'dist', 'index.html');
    if (!existsSync(index))
      throw new Error(`${index} is missing: run \`npm run build\` before the browser tests.`);
  }
  const dataDirectory = mkdtempSync(path.join(tmpdir(), 'openpatrol-e2e-'));
  const port = await findFreePort();
  const child: ChildProcess = spawn(process.execPath, ['bin/openpatrol.js', 'serve'], {
    cwd: packageDirectory,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDirectory,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDirectory, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) break;
    if (
      await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error('The server did not become healthy within 30 s');
}

export interface Browser {
  readonly context: BrowserContext;
  /** Every request the pages tried to send anywhere but the server under test. */
  readonly outsideRequests: string[];
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with no network but the server under test: any other request is
 * refused and recorded, so a test can prove a page needs nothing from the internet.
 */
export async function launchBrowser(
  serverUrl: string,
  options: {
    viewport?: { width: number; height: number };
    /** Extra Chromium switches, e.g. a fake camera (`--use-file-for-fake-video-capture=…`). */
    args?: readonly string[];
    /** Permissions granted to the server's origin, e.g. `camera`, `geolocation`. */
    permissions?: string[];
    /** Touch input and a phone's user agent behaviour (`isMobile`), for phone-sized tests. */
    isMobile?: boolean;
  } = {},
): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is not at ${chromiumPath}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'openpatrol-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
    ...(options.isMobile ? { isMobile: true, hasTouch: true } : {}),
  });
  if (options.permissions)
    await context.grantPermissions(options.permissions, { origin: new URL(serverUrl).origin });
  const outsideRequests: string[] = [];
  const origin = new URL(serverUrl).origin;
  await context.route('**/*', async (route) => {
    const requestUrl = route.request().url();
    if (new URL(requestUrl).origin === origin || requestUrl.startsWith('data:'))
      return route.continue();
    outsideRequests.push(requestUrl);
    return route.abort('internetdisconnected');
  });
  return {
    context,
    outsideRequests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go, for a person to look at after a run (E2E_SCREENSHOTS, or a temp folder). */
export function screenshotPath(name: string): string {
  const directory = process.env.E2E_SCREENSHOTS ?? path.join(tmpdir(), 'openpatrol-screenshots');
  return path.join(directory, `${name}.png`);
}
