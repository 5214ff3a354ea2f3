import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response (helmet): no sniffing, no framing, no referrer, HSTS when
 * the server is reached over https, and a Content-Security-Policy the two web apps run under.
 * /api/docs keeps the stricter policy swagger-ui sets for its own pages (api-docs.routes.ts).
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  { publicUrl, webAppDirectories }: { publicUrl: string; webAppDirectories: readonly string[] },
): Promise<void> {
  const isHttps = publicUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: buildContentSecurityPolicy(
        webAppDirectories.flatMap((directory) => hashInlineScriptsOf(directory)),
        { isHttps },
      ),
    },
    // Browsers ignore HSTS over http anyway; sending it only over https says what we mean.
    strictTransportSecurity: isHttps ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    referrerPolicy: { policy: 'no-referrer' },
    // Integrators' pages call the API with fetch in CORS mode, which this header does not
    // affect; it only keeps other sites from embedding our responses as images or scripts.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

type Directives = Record<string, string[]>;

/**
 * Scripts only from our own origin, plus the apps' few inline scripts by hash (the admin app
 * paints its colour scheme before React starts). Styles allow inline because Mantine writes its
 * CSS variables into <style> elements at run time. Photos and videos are shown from blob: URLs
 * before they are uploaded, so img-src and media-src allow blob:.
 */
export function buildContentSecurityPolicy(
  inlineScriptHashes: readonly string[],
  { isHttps }: { isHttps: boolean },
): Directives {
  const directives: Directives = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    'script-src': ["'self'", ...new Set(inlineScriptHashes)],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
  };
  // Over plain http (a LAN install without TLS) upgrading would break every asset request.
  if (isHttps) directives['upgrade-insecure-requests'] = [];
  return directives;
}

/** CSP hashes ('sha256-…') of the inline <script> elements in a built app's index.html. */
export function hashInlineScriptsOf(directory: string): string[] {
  const indexFile = path.join(directory, 'index.html');
  if (!existsSync(indexFile)) return [];
  return hashInlineScripts(readFileSync(indexFile, 'utf8'));
}

export function hashInlineScripts(html: string): string[] {
  const hashes: string[] = [];
  // Vite emits plain markup; an inline script is a <script> without src whose text is hashed
  // exactly as written, whitespace included.
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const text = match[1] ?? '';
    if (text.trim() === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return hashes;
}
