import type { Kysely } from 'kysely';
import { autoIncrementingKey } from '../dialect.js';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
// Identity and access: people, members with history, locations they are assigned to, sessions,
// devices, API tokens, e-mail outbox, and the records behind invitations, resets and throttling.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('email', 'text', (column) => column.notNull().unique())
    .addColumn('password_hash', 'text')
    .addColumn('first_name', 'text', (column) => column.notNull())
    .addColumn('last_name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  // The minimal site record members are assigned to; the locations feature extends it.
  await db.schema
    .createTable('locations')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('time_zone', 'text', (column) => column.notNull())
    .addColumn('archived', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('locations_by_organization')
    .on('locations')
    .columns(['organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    // Null for guards: they have no personal account, only a member number and PIN.
    .addColumn('person_id', 'text', (column) => column.references('people.id'))
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('first_name', 'text', (column) => column.notNull())
    .addColumn('last_name', 'text', (column) => column.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('member_number', 'text')
    .addColumn('pin_hash', 'text')
    .addColumn('archived', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('history_id', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('members_person_once_per_organization')
    .on('members')
    .columns(['organization_id', 'person_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('members_email_once_per_organization')
    .on('members')
    .columns(['organization_id', 'email'])
    .unique()
    .execute();
  await db.schema
    .createIndex('members_number_once_per_organization')
    .on('members')
    .columns(['organization_id', 'member_number'])
    .unique()
    .execute();
  await db.schema.createIndex('members_by_person').on('members').column('person_id').execute();

  // Every state a member was ever in; its id is the member's history id.
  await db.schema
    .createTable('member_versions')
    .addColumn('history_id', 'integer', autoIncrementingKey(db))
    .addColumn('organization_id', 'text', (column) => column.notNull())
    .addColumn('member_id', 'text', (column) => column.notNull().references('members.id'))
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('first_name', 'text', (column) => column.notNull())
    .addColumn('last_name', 'text', (column) => column.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('member_number', 'text')
    .addColumn('archived', 'integer', (column) => column.notNull())
    .addColumn('location_ids', 'text', (column) => column.notNull())
    .addColumn('changed_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('member_versions_by_member')
    .on('member_versions')
    .columns(['organization_id', 'member_id', 'history_id'])
    .execute();

  await db.schema
    .createTable('member_locations')
    .addColumn('organization_id', 'text', (column) => column.notNull())
    .addColumn('member_id', 'text', (column) => column.notNull().references('members.id'))
    .addColumn('location_id', 'text', (column) => column.notNull().references('locations.id'))
    .addPrimaryKeyConstraint('member_locations_key', [
      'organization_id',
      'member_id',
      'location_id',
    ])
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('registration_code_hash', 'text')
    .addColumn('registration_expires_at', 'text')
    .addColumn('credential_hash', 'text', (column) => column.unique())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('authorized_at', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('devices_by_organization')
    .on('devices')
    .columns(['organization_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('sessions')
    // SHA-256 of the cookie value: a leaked table does not hand out sessions.
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('person_id', 'text', (column) => column.references('people.id'))
    .addColumn('organization_id', 'text', (column) => column.references('organizations.id'))
    .addColumn('member_id', 'text', (column) => column.references('members.id'))
    .addColumn('device_id', 'text', (column) => column.references('devices.id'))
    .addColumn('csrf_token', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_seen_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_by_person').on('sessions').column('person_id').execute();
  await db.schema.createIndex('sessions_by_member').on('sessions').column('member_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('prefix', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull().unique())
    .addColumn('created_by', 'text', (column) => column.references('members.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('api_tokens_by_organization')
    .on('api_tokens')
    .columns(['organization_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('one_time_tokens')
    // Invitations and password resets: single-use, expiring, stored as SHA-256.
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('purpose', 'text', (column) => column.notNull())
    .addColumn('organization_id', 'text', (column) => column.references('organizations.id'))
    .addColumn('person_id', 'text', (column) => column.references('people.id'))
    .addColumn('member_id', 'text', (column) => column.references('members.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('organization_id', 'text', (column) => column.references('organizations.id'))
    .addColumn('to_address', 'text', (column) => column.notNull())
    .addColumn('subject', 'text', (column) => column.notNull())
    .addColumn('text_body', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('email_outbox_by_recipient')
    .on('email_outbox')
    .columns(['to_address', 'created_at'])
    .execute();

  await db.schema
    .createTable('sign_in_failures')
    // One row per failed attempt, keyed by account or address, for throttling across processes.
    .addColumn('id', 'integer', autoIncrementingKey(db))
    .addColumn('throttle_key', 'text', (column) => column.notNull())
    .addColumn('failed_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_by_key')
    .on('sign_in_failures')
    .columns(['throttle_key', 'failed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sign_in_failures',
    'email_outbox',
    'one_time_tokens',
    'api_tokens',
    'sessions',
    'devices',
    'member_locations',
    'member_versions',
    'members',
    'locations',
    'people',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
