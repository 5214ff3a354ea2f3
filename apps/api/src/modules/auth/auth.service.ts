import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import type { Clock } from '../../shared/clock.js';
import { generateSecret, hashSecret } from '../../shared/secrets.js';
import type { Actor } from './actor.js';
import { loadMemberActor } from './member-actor.js';
import type { SessionView } from './auth.schemas.js';
import type { SessionContext } from './access.js';
import {
  authenticationRequired,
  forbidden,
  invalidCredentials,
  malformedAuthorization,
  tooManySignInAttempts,
  weakPassword,
} from './auth.errors.js';
import * as repository from './auth.repository.js';
import {
  createDecoyPasswordHash,
  describeWeakPassword,
  hashPassword,
  verifyPassword,
} from './passwords.js';

export const SESSION_COOKIE = 'openpatrol_session';
/** A session ends after this long without use. */
const SESSION_IDLE_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
/** Session and token "last used" times are written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;
/** Failed sign-ins allowed per account and per address within the window, before a pause. */
export const SIGN_IN_FAILURE_LIMIT = {
  perAccount: 5,
  perAddress: 20,
  windowMs: 15 * 60 * 1000,
} as const;

const BEARER_PATTERN = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

export interface SignInRequestContext {
  readonly ip: string;
  readonly userAgent: string | null;
}

/** A counter of failed attempts (`account:<email>`, `address:<ip>`…) and how many it allows. */
export interface SignInThrottle {
  readonly key: string;
  readonly limit: number;
}

export interface StartedSession {
  /** The cookie value; only its hash is stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService({ database, clock }: { database: DatabaseHandle; clock: Clock }) {
  const { db } = database;
  let decoyHash: Promise<string> | undefined;

  /** The actor for an API token, or a 401 that says nothing about why (revoked, expired, unknown). */
  async function authenticateToken(authorization: string): Promise<Actor> {
    const token = BEARER_PATTERN.exec(authorization.trim())?.[1];
    if (!token) {
      throw malformedAuthorization({
        detail: 'Send "Authorization: Bearer <token>" with an External API token (opk_…).',
      });
    }
    const row = await repository.findApiTokenByHash(db, hashSecret(token));
    const now = clock.now();
    if (
      !row ||
      row.revokedAt !== null ||
      (row.expiresAt !== null && row.expiresAt <= now.toISOString())
    ) {
      throw invalidCredentials({
        detail: 'The API token is not valid: it is unknown, revoked or expired.',
      });
    }
    if (
      row.lastUsedAt === null ||
      now.getTime() - Date.parse(row.lastUsedAt) >= TOUCH_INTERVAL_MS
    ) {
      await repository.touchApiToken(db, row.id, now.toISOString());
    }
    return {
      kind: 'token',
      organizationId: row.organizationId,
      role: 'OWNER',
      locationIds: null,
      tokenId: row.id,
      tokenName: row.name,
      createdBy: row.createdBy,
    };
  }

  /**
   * The session behind a cookie and, when an organization is chosen, the member acting in it.
   * Null when the cookie names no live session (expired, signed out, member archived, device revoked).
   */
  async function authenticateSession(
    cookie: string,
  ): Promise<{ session: SessionContext; actor: Actor | null } | null> {
    const tokenHash = hashSecret(cookie);
    const row = await repository.findSession(db, tokenHash);
    const now = clock.now();
    if (!row || row.expiresAt <= now.toISOString()) return null;

    let actor: Actor | null = null;
    if (row.organizationId && row.memberId) {
      if (row.deviceId) {
        const device = await repository.findDevice(db, row.deviceId);
        if (!device || device.revokedAt !== null || device.organizationId !== row.organizationId)
          return null;
      }
      actor = await loadMemberActor(db, row.organizationId, row.memberId, row.deviceId);
      if (!actor) return null;
    }
    if (now.getTime() - Date.parse(row.lastSeenAt) >= TOUCH_INTERVAL_MS) {
      await repository.updateSession(db, tokenHash, {
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_IDLE_LIFETIME_MS).toISOString(),
      });
    }
    const session: SessionContext = {
      tokenHash,
      personId: row.personId,
      organizationId: row.organizationId,
      memberId: row.memberId,
      deviceId: row.deviceId,
      csrfToken: row.csrfToken,
    };
    return { session, actor };
  }

  async function startSession(
    target: Kysely<Database>,
    owner: {
      personId: string | null;
      organizationId: string | null;
      memberId: string | null;
      deviceId?: string | null;
    },
    context: SignInRequestContext,
  ): Promise<StartedSession> {
    const token = generateSecret();
    const csrfToken = generateSecret();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_IDLE_LIFETIME_MS).toISOString();
    await repository.insertSession(target, {
      tokenHash: hashSecret(token),
      personId: owner.personId,
      organizationId: owner.organizationId,
      memberId: owner.memberId,
      deviceId: owner.deviceId ?? null,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt,
      userAgent: context.userAgent?.slice(0, 500) ?? null,
      ip: context.ip,
    });
    return { token, csrfToken, expiresAt };
  }

  async function assertNotThrottled(
    keys: readonly SignInThrottle[],
    alternative = 'or reset your password',
  ) {
    const since = new Date(clock.now().getTime() - SIGN_IN_FAILURE_LIMIT.windowMs).toISOString();
    for (const { key, limit } of keys) {
      if ((await repository.countSignInFailures(db, key, since)) >= limit) {
        const retryAfterSeconds = Math.ceil(SIGN_IN_FAILURE_LIMIT.windowMs / 1000);
        throw tooManySignInAttempts({
          detail: `Too many failed attempts. Try again in ${Math.round(retryAfterSeconds / 60)} minutes, ${alternative}.`,
          headers: { 'retry-after': String(retryAfterSeconds) },
        });
      }
    }
  }

  /** What the web apps show about the signed-in person and where they are. */
  async function describeSession(session: SessionContext) {
    if (!session.personId) {
      return {
        person: null,
        organizationId: session.organizationId,
        memberId: session.memberId,
        memberships: [],
      };
    }
    const person = await repository.findPerson(db, session.personId);
    if (!person)
      throw authenticationRequired({ detail: 'The account of this session no longer exists.' });
    const memberships = await repository.listMembershipsOfPerson(db, person.id);
    return {
      person: {
        id: person.id,
        email: person.email,
        firstName: person.firstName,
        lastName: person.lastName,
      },
      organizationId: session.organizationId,
      memberId: session.memberId,
      memberships,
    };
  }

  async function recordSignInFailures(keys: readonly SignInThrottle[]) {
    const failedAt = clock.now().toISOString();
    for (const { key } of keys) await repository.recordSignInFailure(db, key, failedAt);
  }

  return {
    authenticateToken,
    authenticateSession,
    startSession,

    /**
     * Failed-attempt throttling for the other ways in (guard PINs on shared devices, device
     * registration codes), on the same table as e-mail sign-in so every API process sees every
     * failure. `alternative` completes "Try again in 15 minutes, …".
     */
    assertNotThrottled,
    recordSignInFailures,
    async clearSignInFailures(key: string) {
      await repository.clearSignInFailures(db, key);
    },

    /** What a sign-in answers: the new session as GET /api/session would describe it. */
    async describeStartedSession(started: StartedSession): Promise<SessionView> {
      const authenticated = await authenticateSession(started.token);
      if (!authenticated) throw invalidCredentials();
      const described = await describeSession(authenticated.session);
      return { ...described, csrfToken: started.csrfToken, expiresAt: started.expiresAt };
    },

    /**
     * Signs a person in by e-mail and password. Unknown addresses and wrong passwords get the same
     * answer in the same time; repeated failures pause the account and the address.
     */
    async signIn(input: { email: string; password: string }, context: SignInRequestContext) {
      const email = normalizeEmail(input.email);
      const throttles = [
        { key: `account:${email}`, limit: SIGN_IN_FAILURE_LIMIT.perAccount },
        { key: `address:${context.ip}`, limit: SIGN_IN_FAILURE_LIMIT.perAddress },
      ];
      await assertNotThrottled(throttles);

      const person = await repository.findPersonByEmail(db, email);
      decoyHash ??= createDecoyPasswordHash();
      const passwordHash = person?.passwordHash ?? (await decoyHash);
      const isValid =
        (await verifyPassword(passwordHash, input.password)) && person?.passwordHash != null;
      const memberships =
        person && isValid ? await repository.listMembershipsOfPerson(db, person.id) : [];
      if (!person || !isValid || memberships.length === 0) {
        await recordSignInFailures(throttles);
        throw invalidCredentials({ detail: 'The e-mail address or password is not correct.' });
      }
      await repository.clearSignInFailures(db, `account:${email}`);
      // The only organization, or the first one; the person can switch afterwards.
      const [first] = memberships;
      return startSession(
        db,
        { personId: person.id, organizationId: first!.organizationId, memberId: first!.memberId },
        context,
      );
    },

    async signOut(session: SessionContext) {
      await repository.deleteSession(db, session.tokenHash);
    },

    describeSession,

    /** Moves the session into another organization the person belongs to. */
    async switchOrganization(session: SessionContext, organizationId: string) {
      if (!session.personId)
        throw forbidden({ detail: 'Guards on a shared device cannot switch organizations.' });
      const memberships = await repository.listMembershipsOfPerson(db, session.personId);
      const membership = memberships.find(
        (candidate) => candidate.organizationId === organizationId,
      );
      // Not a member and no such organization look the same: 404.
      if (!membership) return null;
      await repository.updateSession(db, session.tokenHash, {
        organizationId,
        memberId: membership.memberId,
      });
      return membership;
    },

    /** Changes the password after checking the current one; every other session is signed out. */
    async changePassword(
      session: SessionContext,
      input: { currentPassword: string; newPassword: string },
    ) {
      if (!session.personId)
        throw forbidden({ detail: 'Guards have a PIN, not a password; an Admin changes it.' });
      const person = await repository.findPerson(db, session.personId);
      if (
        !person?.passwordHash ||
        !(await verifyPassword(person.passwordHash, input.currentPassword))
      ) {
        throw invalidCredentials({ detail: 'The current password is not correct.' });
      }
      assertStrongPassword(
        input.newPassword,
        [person.email.split('@')[0] ?? '', person.firstName, person.lastName],
        '/newPassword',
      );
      await repository.updatePasswordHash(
        db,
        person.id,
        await hashPassword(input.newPassword),
        clock.now().toISOString(),
      );
      await repository.deleteSessionsOfPerson(db, person.id, session.tokenHash);
    },
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Throws a 400 naming the field and the rule when a password is too weak. */
export function assertStrongPassword(
  password: string,
  context: readonly string[],
  pointer: string,
): void {
  const weakness = describeWeakPassword(password, context);
  if (weakness)
    throw weakPassword({
      detail: `The password ${weakness}.`,
      errors: [{ in: 'body', pointer, detail: weakness }],
    });
}
