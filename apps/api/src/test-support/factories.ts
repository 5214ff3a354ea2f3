import { randomUUID } from 'node:crypto';
import type { Role } from '../database/database.js';
import type { User } from '../modules/members/members.schemas.js';
import type { TestServer } from './test-server.js';

/**
 * Deterministic builders for the identity aggregate, going through the real API wherever one
 * exists, so tests exercise what integrators and the web apps do.
 */

export interface Credentials {
  /** Headers that authenticate a request: a session cookie (+ CSRF token for writes) or a Bearer token. */
  readonly headers: Record<string, string>;
}

export interface SignedUpOrganization extends Credentials {
  readonly organizationId: string;
  readonly ownerMemberId: string;
  readonly email: string;
  readonly password: string;
}

export const DEFAULT_PASSWORD = 'correct horse battery staple';

export function sessionHeaders(
  setCookie: string | string[] | undefined,
  csrfToken: string,
): Record<string, string> {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = header?.split(';')[0];
  if (!cookie) throw new Error('the response set no session cookie');
  return { cookie, 'x-csrf-token': csrfToken };
}

export async function signUpOrganization(
  server: TestServer,
  name = 'Acme Security',
): Promise<SignedUpOrganization> {
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  const email = `owner@${slug}.example`;
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/session/sign-up',
    payload: {
      organizationName: name,
      timeZone: 'Europe/Kyiv',
      owner: { firstName: 'Olena', lastName: 'Owner', email, password: DEFAULT_PASSWORD },
    },
  });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.body}`);
  const session = response.json<{ organizationId: string; memberId: string; csrfToken: string }>();
  return {
    organizationId: session.organizationId,
    ownerMemberId: session.memberId,
    email,
    password: DEFAULT_PASSWORD,
    headers: sessionHeaders(response.headers['set-cookie'], session.csrfToken),
  };
}

export async function signIn(
  server: TestServer,
  email: string,
  password = DEFAULT_PASSWORD,
): Promise<Credentials> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  return {
    headers: sessionHeaders(
      response.headers['set-cookie'],
      response.json<{ csrfToken: string }>().csrfToken,
    ),
  };
}

export async function createApiToken(
  server: TestServer,
  owner: Credentials,
  name = 'CRM integration',
): Promise<Credentials & { token: string; id: string }> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/api-tokens',
    headers: owner.headers,
    payload: { name },
  });
  if (response.statusCode !== 201) throw new Error(`token creation failed: ${response.body}`);
  const { token, id } = response.json<{ token: string; id: string }>();
  return { token, id, headers: { authorization: `Bearer ${token}` } };
}

/** Locations get their own API later; until then tests add the row the members feature refers to. */
export async function addLocation(
  server: TestServer,
  organizationId: string,
  name = 'Main office',
): Promise<string> {
  const id = randomUUID();
  const now = '2026-01-01T00:00:00.000Z';
  await server.deps.database.db
    .insertInto('locations')
    .values({
      organizationId,
      id,
      name,
      timeZone: 'Europe/Kyiv',
      archived: 0,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

export async function createUser(
  server: TestServer,
  admin: Credentials,
  body: {
    role: Exclude<Role, 'OWNER'>;
    firstName?: string;
    lastName?: string;
    email?: string | null;
    locationIds?: string[];
    memberNumber?: string;
    pin?: string;
  },
): Promise<User> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: admin.headers,
    payload: { firstName: 'Taras', lastName: 'Tester', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`user creation failed: ${response.body}`);
  return response.json<User>();
}

/** The invitation link's token from the newest e-mail to `email` in the outbox. */
export async function readInvitationToken(server: TestServer, email: string): Promise<string> {
  const message = await server.deps.database.db
    .selectFrom('emailOutbox')
    .select('textBody')
    .where('toAddress', '=', email)
    .orderBy('createdAt', 'desc')
    .executeTakeFirstOrThrow();
  const token = /token=([A-Za-z0-9_-]+)/.exec(message.textBody)?.[1];
  if (!token) throw new Error(`no invitation link in: ${message.textBody}`);
  return token;
}

/** A member of the organization with the given role, signed in with their own account. */
export async function signInMember(
  server: TestServer,
  owner: Credentials,
  role: Exclude<Role, 'OWNER' | 'GUARD'>,
  options: { email?: string; locationIds?: string[] } = {},
): Promise<Credentials & { user: User }> {
  const email = options.email ?? `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const user = await createUser(server, owner, {
    role,
    email,
    locationIds: options.locationIds ?? [],
  });
  const accepted = await server.app.inject({
    method: 'POST',
    url: '/api/invitations/accept',
    payload: { token: await readInvitationToken(server, email), password: DEFAULT_PASSWORD },
  });
  if (accepted.statusCode !== 200)
    throw new Error(`accepting the invitation failed: ${accepted.body}`);
  return {
    user,
    headers: sessionHeaders(
      accepted.headers['set-cookie'],
      accepted.json<{ csrfToken: string }>().csrfToken,
    ),
  };
}
