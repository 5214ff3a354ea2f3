import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyTypeBox } from '../../server.js';
import { notFound } from '../../shared/problems.js';

export interface WebApp {
  /** URL prefix ending in "/": "/" for the admin app, "/field/" for the field app. */
  readonly prefix: string;
  /** The app's Vite build output (its `dist` folder). */
  readonly directory: string;
  readonly title: string;
}

/**
 * Serves the built single-page apps. Each app's files are served as they are; any other GET under
 * its prefix gets its index.html so client-side routes survive a reload. Paths under /api never
 * fall back to a page: an unknown API path is a 404 problem.
 */
export async function registerWebAppRoutes(
  app: FastifyTypeBox,
  { webApps }: { webApps: readonly WebApp[] },
): Promise<void> {
  let replyDecorated = false;
  for (const webApp of webApps) {
    const indexFile = path.join(webApp.directory, 'index.html');
    const fallbackRoute = `${webApp.prefix}*`;
    if (webApp.prefix !== '/') {
      // Relative asset URLs in the page resolve against the trailing slash.
      app.get(webApp.prefix.slice(0, -1), { schema: { hide: true } }, async (_request, reply) =>
        reply.redirect(webApp.prefix, 301),
      );
    }

    if (!existsSync(indexFile)) {
      app.get(fallbackRoute, { schema: { hide: true } }, async (request, reply) => {
        if (isApiPath(request.url))
          throw notFound({ detail: `There is no GET ${request.url.split('?')[0]}.` });
        return reply.code(503).type('text/html; charset=utf-8').send(notBuiltPage(webApp));
      });
      continue;
    }

    const indexHtml = readFileSync(indexFile);
    await app.register(fastifyStatic, {
      root: webApp.directory,
      prefix: webApp.prefix,
      // One route per built file, so the catch-all below can serve index.html for everything else.
      wildcard: false,
      index: false,
      // Cache headers are ours (setHeaders below), not @fastify/send's default max-age=0.
      cacheControl: false,
      decorateReply: !replyDecorated,
      setHeaders: (response, filePath) => {
        // Vite puts content hashes in asset names: they never change, so they can be cached for good.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        response.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    replyDecorated = true;

    app.get(fallbackRoute, { schema: { hide: true } }, async (request, reply) => {
      if (isApiPath(request.url))
        throw notFound({ detail: `There is no GET ${request.url.split('?')[0]}.` });
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(indexHtml);
    });
  }
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function notBuiltPage(webApp: WebApp): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${webApp.title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>${webApp.title} is not built yet</h1>
<p>Run <code>npm run build</code> in the OpenPatrol folder (or start with <code>npm start</code>, which builds first), then reload.</p>
<p>The API is up: <a href="/api/health">/api/health</a>, <a href="/api/docs">/api/docs</a>.</p>
</body></html>`;
}
