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
   * Columns holding history ids, each with the versions table whose numbering it follows.
   * History ids are numbered per installation, so an import into an installation that already
   * has versions renumbers them (see `history-ids.ts`).
   */
  readonly historyIds?: Readonly<Record<string, string>>;
  /** A versions table: `history_id` is its own counter and `snapshot` refers to other versions. */
  readonly versions?: true;
}

export const TENANT_TABLES: readonly TenantTable[] = [
  { name: 'organizations', key: ['id'], scope: 'organization' },
  { name: 'people', key: ['id'], scope: 'members-people' },
  { name: 'locations', key: ['id'], historyIds: { history_id: 'location_versions' } },
  { name: 'members', key: ['id'], historyIds: { history_id: 'member_versions' } },
  {
    name: 'member_versions',
    key: ['history_id'],
    // Typed columns, no snapshot: only its own number.
    historyIds: { history_id: 'member_versions' },
  },
  { name: 'member_locations', key: ['member_id', 'location_id'] },
  { name: 'devices', key: ['id'] },
  { name: 'api_tokens', key: ['id'] },
  // The hashes of the organization's tokens, device credentials and feeds: moved with them.
  { name: 'credential_lookups', key: ['hash'] },
  { name: 'one_time_tokens', key: ['token_hash'] },
  { name: 'email_outbox', key: ['id'] },
  {
    name: 'location_versions',
    key: ['history_id'],
    historyIds: { history_id: 'location_versions' },
    versions: true,
  },
  { name: 'points', key: ['id'], historyIds: { history_id: 'point_versions' } },
  {
    name: 'point_versions',
    key: ['history_id'],
    historyIds: { history_id: 'point_versions' },
    versions: true,
  },
  { name: 'point_member_settings', key: ['point_id', 'member_id'] },
  { name: 'checklists', key: ['id'], historyIds: { history_id: 'checklist_versions' } },
  {
    name: 'checklist_versions',
    key: ['history_id'],
    historyIds: { history_id: 'checklist_versions' },
    versions: true,
  },
  { name: 'scheduled_tasks', key: ['id'], historyIds: { history_id: 'scheduled_task_versions' } },
  {
    name: 'scheduled_task_versions',
    key: ['history_id'],
    historyIds: { history_id: 'scheduled_task_versions' },
    versions: true,
  },
  {
    name: 'scheduled_steps',
    key: ['id'],
    historyIds: { history_id: 'scheduled_step_versions', point_history_id: 'point_versions' },
  },
  {
    name: 'scheduled_step_versions',
    key: ['history_id'],
    historyIds: { history_id: 'scheduled_step_versions' },
    versions: true,
  },
  {
    name: 'scheduled_actions',
    key: ['id'],
    historyIds: { history_id: 'scheduled_action_versions' },
  },
  {
    name: 'scheduled_action_versions',
    key: ['history_id'],
    historyIds: { history_id: 'scheduled_action_versions' },
    versions: true,
  },
  {
    name: 'task_executions',
    key: ['id'],
    historyIds: {
      scheduled_task_history_id: 'scheduled_task_versions',
      location_history_id: 'location_versions',
    },
  },
  { name: 'task_execution_events', key: ['id'] },
  { name: 'media', key: ['id'] },
  { name: 'issues', key: ['id'] },
  { name: 'issue_comments', key: ['id'] },
  { name: 'webhook_subscriptions', key: ['id'] },
  { name: 'webhook_deliveries', key: ['id'] },
  { name: 'calendar_feeds', key: ['member_id'] },
  { name: 'alert_rules', key: ['id'] },
  { name: 'alerts', key: ['id'] },
  { name: 'report_schedules', key: ['id'] },
  { name: 'report_deliveries', key: ['schedule_id', 'period_start'] },
  { name: 'audit_log', key: ['id'] },
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

/** The tables whose `history_id` is their own installation-wide counter. */
export const VERSIONS_TABLES: readonly string[] = TENANT_TABLES.filter(
  (table) => table.historyIds?.history_id === table.name,
).map((table) => table.name);
