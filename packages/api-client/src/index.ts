/**
 * The typed OpenPatrol API client. Types come from the committed OpenAPI document
 * (`npm run openapi:write`); requests go through openapi-fetch, so a path, parameter or body
 * that the server does not accept is a compile error.
 *
 *   const api = createOpenPatrolClient({ baseUrl: 'https://patrol.example.com', token: 'opk_…' });
 *   const { data, error } = await api.GET('/health');
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };

/** Named shapes of the API, e.g. `Schemas['Health']`, `Schemas['Problem']`. */
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

export type OpenPatrolClient = Client<paths>;

export interface OpenPatrolClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where the server is, e.g. `https://patrol.example.com`; empty for the page's own origin. */
  readonly baseUrl?: string;
  /** An External API token (`opk_…`). Web apps on the same origin use their session instead. */
  readonly token?: string;
}

export function createOpenPatrolClient({
  baseUrl = '',
  token,
  headers,
  ...options
}: OpenPatrolClientOptions = {}): OpenPatrolClient {
  const origin = baseUrl.replace(/\/+$/, '');
  const resolvedBaseUrl =
    origin === '' && typeof location !== 'undefined' ? `${location.origin}/api` : `${origin}/api`;
  return createClient<paths>({
    ...options,
    baseUrl: resolvedBaseUrl,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

export { verifyWebhookSignature, type WebhookVerification } from './webhooks.js';
export { createSessionClient, type SessionClientOptions } from './session-client.js';
