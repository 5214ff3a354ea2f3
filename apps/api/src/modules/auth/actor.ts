import type { Role } from '../../database/database.js';

/**
 * Who is calling a service: a member signed in (or a guard on an authorized device), or an
 * organization's API token. Services receive this one value instead of loose arguments.
 */
export type Actor = MemberActor | TokenActor;

interface ActorBase {
  readonly organizationId: string;
  readonly role: Role;
  /** The locations this actor may see; null means every location of the organization. */
  readonly locationIds: readonly string[] | null;
}

export interface MemberActor extends ActorBase {
  readonly kind: 'member';
  readonly memberId: string;
  readonly personId: string | null;
  readonly deviceId: string | null;
}

export interface TokenActor extends ActorBase {
  readonly kind: 'token';
  readonly tokenId: string;
  readonly tokenName: string;
  /** The Owner who created the token; its requests are audited under the token's name. */
  readonly createdBy: string | null;
}

/** Owners and Admins see every location; the other roles only the ones assigned to them. */
export function seesAllLocations(role: Role): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

/** The id recorded as "changed by" in histories and logs. */
export function describeActor(actor: Actor): string {
  return actor.kind === 'member' ? actor.memberId : `token:${actor.tokenId}`;
}

export const ROLES: readonly Role[] = ['OWNER', 'ADMIN', 'MANAGER', 'USER', 'GUARD'];
