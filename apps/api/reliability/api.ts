import { randomUUID } from 'node:crypto';

/**
 * Just enough of an HTTP client for the reliability runs: sessions (cookie + CSRF token) and
 * Bearer tokens over fetch, with the status and raw body kept for the checks.
 */

export interface Caller {
  readonly name: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly headers: Headers;
  json<T>(): T;
}

export async function call(
  baseUrl: string,
  caller: Caller | null,
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...(caller?.headers ?? {}), ...extraHeaders };
  let payload: string | FormData | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    ...(payload !== undefined ? { body: payload } : {}),
    redirect: 'manual',
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text,
    headers: response.headers,
    json: <T>() => JSON.parse(text) as T,
  };
}

export interface Organization {
  readonly organizationId: string;
  readonly ownerMemberId: string;
  readonly owner: Caller;
  readonly email: string;
  readonly password: string;
}

function sessionCaller(name: string, answer: Answer): Caller {
  const cookie = answer.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`${name}: no session cookie in ${answer.status} ${answer.body}`);
  return {
    name,
    headers: { cookie, 'x-csrf-token': answer.json<{ csrfToken: string }>().csrfToken },
  };
}

export async function signUp(
  baseUrl: string,
  organizationName: string,
  timeZone = 'Europe/Kyiv',
): Promise<Organization> {
  const slug = organizationName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const email = `owner-${slug}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'reliability run passphrase 42';
  const answer = await call(baseUrl, null, 'POST', '/api/session/sign-up', {
    organizationName,
    timeZone,
    owner: { firstName: 'Owner', lastName: organizationName, email, password },
  });
  if (answer.status !== 201) throw new Error(`sign-up failed: ${answer.status} ${answer.body}`);
  const session = answer.json<{ organizationId: string; memberId: string }>();
  return {
    organizationId: session.organizationId,
    ownerMemberId: session.memberId,
    owner: sessionCaller(`${organizationName} owner`, answer),
    email,
    password,
  };
}

export async function createToken(
  baseUrl: string,
  organization: Organization,
  name = 'reliability',
): Promise<Caller & { id: string }> {
  const answer = await call(baseUrl, organization.owner, 'POST', '/api/api-tokens', { name });
  if (answer.status !== 201) throw new Error(`token failed: ${answer.status} ${answer.body}`);
  const token = answer.json<{ id: string; token: string }>();
  return {
    name: `${name} token`,
    id: token.id,
    headers: { authorization: `Bearer ${token.token}` },
  };
}

/** A member invited by the Owner who accepts at once; returns their signed-in session. */
export async function addMember(
  baseUrl: string,
  organization: Organization,
  token: Caller,
  role: 'ADMIN' | 'MANAGER' | 'USER',
  locationIds: string[],
  readInvitation: (email: string) => Promise<string>,
): Promise<Caller & { memberId: string }> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}@example.com`;
  const created = await call(baseUrl, token, 'POST', '/api/users', {
    firstName: 'Field',
    lastName: role,
    role,
    email,
    locationIds,
  });
  if (created.status !== 201) throw new Error(`user failed: ${created.status} ${created.body}`);
  const accepted = await call(baseUrl, null, 'POST', '/api/invitations/accept', {
    token: await readInvitation(email),
    password: 'reliability run passphrase 42',
  });
  if (accepted.status !== 200)
    throw new Error(`invitation failed: ${accepted.status} ${accepted.body}`);
  return {
    ...sessionCaller(`${role} ${email}`, accepted),
    memberId: created.json<{ id: string }>().id,
  };
}

/**
 * A one-step execution with a NUMBER action, assigned to `member`, whose window holds `now`,
 * started and checked in by the member: ready for the member to record values.
 */
export async function planStartedRound(
  baseUrl: string,
  planner: Caller,
  member: Caller & { memberId: string },
  at: { locationId: string; point: { id: string; qrCode: string }; name: string; now: number },
): Promise<{ executionId: string; actionId: string }> {
  const planned = await call(baseUrl, planner, 'POST', '/api/task-executions', {
    assigneeIds: [member.memberId],
    locationId: at.locationId,
    name: at.name,
    description: null,
    recurrence: null,
    startAt: new Date(at.now - 3_600_000).toISOString(),
    endAt: new Date(at.now + 12 * 3_600_000).toISOString(),
    priority: 'NORMAL',
    orderStepsRequired: false,
    strictTimeRequired: false,
    deadlined: false,
    tags: [],
    steps: [
      {
        pointId: at.point.id,
        name: 'Gate',
        order: 0,
        actions: [{ name: 'Reading', type: 'NUMBER', order: 0, required: false }],
      },
    ],
  });
  if (planned.status !== 201) throw new Error(`plan: ${planned.status} ${planned.body}`);
  const execution = planned.json<{
    id: string;
    steps: { id: string; actions: { id: string }[] }[];
  }>();
  const step = execution.steps[0]!;
  for (const write of [
    { type: 'STARTED' },
    { type: 'CHECKED_IN', stepId: step.id, method: 'QR', code: at.point.qrCode },
  ]) {
    const answer = await call(
      baseUrl,
      member,
      'POST',
      `/api/task-executions/${execution.id}/events`,
      {
        id: randomUUID(),
        ...write,
      },
    );
    if (answer.status !== 201) throw new Error(`${write.type}: ${answer.status} ${answer.body}`);
  }
  return { executionId: execution.id, actionId: step.actions[0]!.id };
}
