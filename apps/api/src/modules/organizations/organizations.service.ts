import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../../database/database.js';
import { isUniqueViolation } from '../../database/dialect.js';
import type { Clock } from '../../shared/clock.js';
import {
  assertStrongPassword,
  normalizeEmail,
  type AuthService,
  type SignInRequestContext,
} from '../auth/auth.service.js';
import { emailTaken } from '../auth/auth.errors.js';
import { hashPassword } from '../auth/passwords.js';
import { invalidTimeZone } from '../locations/locations.errors.js';
import { isIanaTimeZone } from '../locations/time-zones.js';
import type { MembersService } from '../members/members.service.js';

export interface NewOrganization {
  readonly name: string;
  readonly timeZone: string;
  readonly owner: {
    readonly email: string;
    readonly password: string;
    readonly firstName: string;
    readonly lastName: string;
  };
}

export type OrganizationsService = ReturnType<typeof createOrganizationsService>;

export function createOrganizationsService({
  database,
  clock,
  membersService,
  authService,
}: {
  database: DatabaseHandle;
  clock: Clock;
  membersService: MembersService;
  authService: AuthService;
}) {
  const { db } = database;

  /**
   * Creates an organization with its Owner (a new personal account) in one transaction; with a
   * request context, also signs the Owner in. Used by sign-up and `openpatrol create-organization`.
   */
  async function createOrganization(input: NewOrganization, signIn?: SignInRequestContext) {
    if (!isIanaTimeZone(input.timeZone)) {
      throw invalidTimeZone({
        detail: `"${input.timeZone}" is not an IANA time zone such as Europe/Kyiv.`,
        errors: [{ in: 'body', pointer: '/timeZone', detail: 'must be an IANA time zone' }],
      });
    }
    const email = normalizeEmail(input.owner.email);
    assertStrongPassword(
      input.owner.password,
      [email.split('@')[0] ?? '', input.owner.firstName, input.owner.lastName],
      '/owner/password',
    );
    const passwordHash = await hashPassword(input.owner.password);
    const now = clock.now().toISOString();
    try {
      return await db.transaction().execute(async (trx) => {
        const organization = {
          id: randomUUID(),
          name: input.name.trim(),
          timeZone: input.timeZone,
          createdAt: now,
          updatedAt: now,
        };
        await trx.insertInto('organizations').values(organization).execute();
        const person = {
          id: randomUUID(),
          email,
          passwordHash,
          firstName: input.owner.firstName,
          lastName: input.owner.lastName,
          createdAt: now,
          updatedAt: now,
        };
        await trx.insertInto('people').values(person).execute();
        const owner = await membersService.addMember(
          trx,
          organization.id,
          {
            personId: person.id,
            role: 'OWNER',
            firstName: person.firstName,
            lastName: person.lastName,
            email,
            phone: null,
            memberNumber: null,
            pin: null,
            locationIds: [],
          },
          null,
        );
        const session = signIn
          ? await authService.startSession(
              trx,
              { personId: person.id, organizationId: organization.id, memberId: owner.id },
              signIn,
            )
          : null;
        return { organization, ownerMemberId: owner.id, personId: person.id, session };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw emailTaken({
          detail:
            'An account with this e-mail address exists already: sign in and create the organization from there.',
          errors: [{ in: 'body', pointer: '/owner/email', detail: 'has an account already' }],
        });
      }
      throw error;
    }
  }

  return {
    createOrganization,

    /** An organization by id or exact name, for the CLI. */
    async findOrganization(idOrName: string) {
      return db
        .selectFrom('organizations')
        .selectAll()
        .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
        .orderBy('createdAt')
        .execute();
    },
  };
}
