import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DatabaseHandle } from '../../database/database.js';
import type { Clock } from '../../shared/clock.js';
import { generateSecret, hashSecret } from '../../shared/secrets.js';
import type { SessionContext } from '../auth/access.js';
import { describeActor, type Actor } from '../auth/actor.js';
import { invalidCredentials } from '../auth/auth.errors.js';
import {
  SIGN_IN_FAILURE_LIMIT,
  type AuthService,
  type SignInRequestContext,
} from '../auth/auth.service.js';
import { createDecoyPasswordHash, verifyPassword } from '../auth/passwords.js';
import { deviceNotAuthorized, deviceNotFound, registrationCodeNotValid } from './devices.errors.js';
import * as repository from './devices.repository.js';
import type { Device, GuardSignInBody } from './devices.schemas.js';

/** Read off a screen and typed on a phone: no 0/O, 1/I/L to confuse. */
const REGISTRATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 31^8 ≈ 2^39.6 codes; with the per-address throttle, guessing a live one is hopeless. */
const REGISTRATION_CODE_LENGTH = 8;
const REGISTRATION_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type DevicesService = ReturnType<typeof createDevicesService>;

export function createDevicesService({
  database,
  clock,
  authService,
}: {
  database: DatabaseHandle;
  clock: Clock;
  authService: AuthService;
}) {
  const { db } = database;
  let decoyHash: Promise<string> | undefined;

  function toDevice(row: repository.DeviceRow): Device {
    return {
      id: row.id,
      name: row.name,
      status: row.revokedAt ? 'REVOKED' : row.authorizedAt ? 'AUTHORIZED' : 'PENDING',
      registrationExpiresAt: row.registrationExpiresAt,
      createdAt: row.createdAt,
      authorizedAt: row.authorizedAt,
      lastSeenAt: row.lastSeenAt,
      revokedAt: row.revokedAt,
    };
  }

  /** Another organization's device is "not found", like one that never existed. */
  async function findDevice(organizationId: string, id: string, target: Kysely<Database> = db) {
    const row = await repository.findDevice(target, organizationId, id);
    if (!row) throw deviceNotFound({ detail: `There is no device ${id}.` });
    return row;
  }

  return {
    async listDevices(actor: Actor) {
      return (await repository.listDevices(db, actor.organizationId)).map(toDevice);
    },

    /** Registers a shared device and returns its one-time registration code, the only time it is available. */
    async registerDevice(actor: Actor, input: { name: string }) {
      const now = clock.now();
      const registrationCode = generateRegistrationCode();
      const row: repository.DeviceRow = {
        organizationId: actor.organizationId,
        id: randomUUID(),
        name: input.name.trim(),
        registrationCodeHash: hashSecret(registrationCode),
        registrationExpiresAt: new Date(now.getTime() + REGISTRATION_LIFETIME_MS).toISOString(),
        credentialHash: null,
        createdBy: describeActor(actor),
        createdAt: now.toISOString(),
        authorizedAt: null,
        lastSeenAt: null,
        revokedAt: null,
      };
      await repository.insertDevice(db, row);
      return { ...toDevice(row), registrationCode };
    },

    /**
     * Trades a registration code, entered on the shared device, for the device's long-lived
     * credential. The code works once; wrong guesses count against the caller's address.
     */
    async authorizeDevice(code: string, context: SignInRequestContext) {
      const throttles = [
        { key: `device-code:${context.ip}`, limit: SIGN_IN_FAILURE_LIMIT.perAddress },
      ];
      await authService.assertNotThrottled(throttles, 'or ask for a new registration code');

      const codeHash = hashSecret(normalizeRegistrationCode(code));
      const device = await repository.findDeviceByRegistrationCodeHash(db, codeHash);
      const now = clock.now().toISOString();
      const credential = generateSecret();
      const isAuthorized =
        device !== undefined &&
        device.revokedAt === null &&
        device.registrationExpiresAt !== null &&
        device.registrationExpiresAt > now &&
        (await repository.authorizeDevice(
          db,
          device,
          { codeHash },
          { credentialHash: hashSecret(credential), at: now },
        ));
      if (!device || !isAuthorized) {
        await authService.recordSignInFailures(throttles);
        throw registrationCodeNotValid({
          detail:
            'This code is unknown, used or expired. An Owner or Admin can register the device again for a new one.',
          errors: [{ in: 'body', pointer: '/code', detail: 'is not a valid registration code' }],
        });
      }
      return {
        device: toDevice((await repository.findDevice(db, device.organizationId, device.id))!),
        credential,
      };
    },

    /**
     * Signs a guard in on an authorized device with their member number and PIN. Unknown numbers,
     * other roles and wrong PINs get the same answer in the same time. Signing in replaces the
     * session the device held, which is how guards hand the device over at a shift change.
     */
    async signInGuard(
      input: GuardSignInBody,
      request: {
        deviceCredential: string | undefined;
        replacedSession: SessionContext | null;
        context: SignInRequestContext;
      },
    ) {
      const device = request.deviceCredential
        ? await repository.findDeviceByCredentialHash(db, hashSecret(request.deviceCredential))
        : undefined;
      if (!device || device.authorizedAt === null || device.revokedAt !== null) {
        throw deviceNotAuthorized({
          detail:
            'Guards sign in only on a device an Owner or Admin has authorized: enter its registration code first.',
        });
      }

      const memberNumber = input.memberNumber.trim();
      // Per guard, and per device so one device cannot try every member number in turn.
      const throttles = [
        {
          key: `guard:${device.id}:${memberNumber}`,
          limit: SIGN_IN_FAILURE_LIMIT.perAccount,
        },
        { key: `device:${device.id}`, limit: SIGN_IN_FAILURE_LIMIT.perAddress },
      ];
      await authService.assertNotThrottled(throttles, 'or ask an Admin to reset your PIN');

      const member = await repository.findActiveMemberByNumber(
        db,
        device.organizationId,
        memberNumber,
      );
      const guardPinHash = member?.role === 'GUARD' ? member.pinHash : null;
      decoyHash ??= createDecoyPasswordHash();
      const isValid =
        (await verifyPassword(guardPinHash ?? (await decoyHash), input.pin)) &&
        guardPinHash !== null;
      if (!member || !isValid) {
        await authService.recordSignInFailures(throttles);
        throw invalidCredentials({ detail: 'The member number or PIN is not correct.' });
      }

      await authService.clearSignInFailures(throttles[0]!.key);
      const now = clock.now().toISOString();
      await repository.touchDevice(db, device.id, now);
      const started = await authService.startSession(
        db,
        {
          personId: null,
          organizationId: device.organizationId,
          memberId: member.id,
          deviceId: device.id,
        },
        request.context,
      );
      // The browser drops the old cookie for the new one; the session behind it must end too,
      // or the previous guard's session would live on unseen until it expires.
      if (request.replacedSession) await authService.signOut(request.replacedSession);
      return started;
    },

    /** Revokes a device: its guards' sessions end at once and it can no longer sign anyone in. */
    async revokeDevice(actor: Actor, id: string) {
      await db.transaction().execute(async (trx) => {
        await findDevice(actor.organizationId, id, trx);
        await repository.revokeDevice(trx, actor.organizationId, id, clock.now().toISOString());
        await repository.deleteSessionsOfDevice(trx, actor.organizationId, id);
      });
      return toDevice(await findDevice(actor.organizationId, id));
    },
  };
}

function generateRegistrationCode(): string {
  let code = '';
  for (let index = 0; index < REGISTRATION_CODE_LENGTH; index++) {
    code += REGISTRATION_CODE_ALPHABET[randomInt(REGISTRATION_CODE_ALPHABET.length)];
  }
  return code;
}

/** People copy codes with spaces, dashes and lower case; none of that is part of the code. */
function normalizeRegistrationCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}
