import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { unwrap } from '../api/problem.js';
import type { FieldSession } from '../session/session.js';

/**
 * Guard mode: a phone shared by guards, authorized once by an Owner or Admin's registration code.
 * The device's credential is an httpOnly cookie the app cannot read, so the app remembers here
 * that it was authorized; the server remains the judge at every guard sign-in.
 */

export type Device = Schemas['Device'];

const DEVICE_KEY = 'openpatrol.field.device';
const RECENT_GUARDS_KEY = 'openpatrol.field.recentGuards';
const RECENT_GUARDS_LIMIT = 8;

export function readAuthorizedDevice(): Device | null {
  try {
    const stored = localStorage.getItem(DEVICE_KEY);
    return stored ? (JSON.parse(stored) as Device) : null;
  } catch {
    return null;
  }
}

export function forgetAuthorizedDevice(): void {
  localStorage.removeItem(DEVICE_KEY);
  localStorage.removeItem(RECENT_GUARDS_KEY);
}

export async function authorizeDevice(api: OpenPatrolClient, code: string): Promise<Device> {
  const device = await unwrap(api.POST('/devices/authorize', { body: { code } }));
  localStorage.setItem(DEVICE_KEY, JSON.stringify(device));
  return device;
}

/** The member numbers that signed in here lately, newest first: one tap to switch guards. */
export function readRecentGuards(): string[] {
  try {
    const stored = localStorage.getItem(RECENT_GUARDS_KEY);
    return stored ? (JSON.parse(stored) as string[]) : [];
  } catch {
    return [];
  }
}

export async function signInGuard(
  api: OpenPatrolClient,
  body: Schemas['GuardSignInBody'],
): Promise<FieldSession> {
  const memberNumber = body.memberNumber.trim();
  const session = await unwrap(
    api.POST('/devices/guard-sign-in', { body: { memberNumber, pin: body.pin } }),
  );
  const recent = [memberNumber, ...readRecentGuards().filter((number) => number !== memberNumber)];
  localStorage.setItem(RECENT_GUARDS_KEY, JSON.stringify(recent.slice(0, RECENT_GUARDS_LIMIT)));
  return { session, guardMemberNumber: memberNumber };
}
