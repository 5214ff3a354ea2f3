/**
 * Which tables hold an organization's data, in the order their rows can be inserted (every
 * foreign key points to a table earlier in the list), and which tables belong to the
 * installation instead. `tenant-tables.test.ts` fails when a migration adds a table that is in
 * neither list, so a new feature cannot be silently left out of `export-organization`.
 */

export interface TenantTable {
  /** The SQL name. */
  readonly name: string;
  /** Columns that order the rows (the primary key), so an export is the same file every time. */
  readonly key: readonly string[];
  /**
   * How this table's rows of one organization are found: by `organization_id` (most), the
   * organization row itself, or the people who are its members (people are shared between
   * organizations and carry no organization id).
   */
  readonly scope?: 'organization-id' | 'organization' | 'members-people';
  /**
   * An installation-wide counter column (history ids): the numbers travel unchanged, because
   * executions and integrators refer to them, so an import refuses when one is already taken.
   */
  readonly counter?: 'history_id';
}

export const TENANT_TABLES: readonly TenantTable[] = [
  { name: 'organizations', key: ['id'], scope: 'organization' },
  { name: 'people', key: ['id'], scope: 'members-people' },
  { name: 'locations', key: ['id'] },
  { name: 'members', key: ['id'] },
  { name: 'member_versions', key: ['history_id'], counter: 'history_id' },
  { name: 'member_locations', key: ['member_id', 'location_id'] },
  { name: 'devices', key: ['id'] },
  { name: 'api_tokens', key: ['id'] },
  { name: 'one_time_tokens', key: ['token_hash'] },
  { name: 'email_outbox', key: ['id'] },
  { name: 'location_versions', key: ['history_id'], counter: 'history_id' },
  { name: 'points', key: ['id'] },
  { name: 'point_versions', key: ['history_id'], counter: 'history_id' },
  { name: 'point_member_settings', key: ['point_id', 'member_id'] },
  { name: 'checklists', key: ['id'] },
  { name: 'checklist_versions', key: ['history_id'], counter: 'history_id' },
  { name: 'scheduled_tasks', key: ['id'] },
  { name: 'scheduled_task_versions', key: ['history_id'], counter: 'history_id' },
  { name: 'scheduled_steps', key: ['id'] },
  { name: 'scheduled_step_versions', key: ['history_id'], counter: 'history_id' },
  { name: 'scheduled_actions', key: ['id'] },
  { name: 'scheduled_action_versions', key: ['history_id'], counter: 'history_id' },
  { name: 'task_executions', key: ['id'] },
  { name: 'task_execution_events', key: ['id'] },
  { name: 'media', key: ['id'] },
  { name: 'issues', key: ['id'] },
  { name: 'issue_comments', key: ['id'] },
  { name: 'webhook_subscriptions', key: ['id'] },
  { name: 'webhook_deliveries', key: ['id'] },
  { name: 'calendar_feeds', key: ['member_id'] },
  { name: 'alert_rules', key: ['id'] },
  { name: 'alerts', key: ['id'] },
  { name: 'idempotency_keys', key: ['owner', 'key'] },
  { name: 'jobs', key: ['id'] },
];

/** Tables an organization export leaves out, and why. */
export const INSTALLATION_TABLES: Readonly<Record<string, string>> = {
  kysely_migration: 'the schema version of this installation (compared, not copied)',
  kysely_migration_lock: 'the migrator’s lock row',
  sessions:
    'web sign-ins are bound to the old address and a person’s other organizations; people sign in again',
  sign_in_failures: 'short-lived throttling by e-mail address and IP, not by organization',
};
