import type { Kysely } from 'kysely';
import { autoIncrementingKey } from '../dialect.js';

// Frozen once merged: Kysely<unknown> and snake_case names, never the Database interface.
// Sites with history: locations gain their full description, points and checklist templates
// arrive. A version row keeps a JSON snapshot of the whole record, so new fields never need a
// migration of the history tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('locations').addColumn('description', 'text').execute();
  await db.schema.alterTable('locations').addColumn('address', 'text').execute();
  await db.schema.alterTable('locations').addColumn('latitude', 'double precision').execute();
  await db.schema.alterTable('locations').addColumn('longitude', 'double precision').execute();
  await db.schema
    .alterTable('locations')
    .addColumn('history_id', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();

  for (const [table, key] of [
    ['location_versions', 'location_id'],
    ['point_versions', 'point_id'],
    ['checklist_versions', 'checklist_id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('history_id', 'integer', autoIncrementingKey(db))
      .addColumn('organization_id', 'text', (column) => column.notNull())
      .addColumn(key, 'text', (column) => column.notNull())
      .addColumn('snapshot', 'text', (column) => column.notNull())
      .addColumn('changed_by', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex(`${table}_by_record`)
      .on(table)
      .columns(['organization_id', key, 'history_id'])
      .execute();
  }

  await db.schema
    .createTable('points')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('location_id', 'text', (column) => column.notNull().references('locations.id'))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    // The payload printed in the point's QR code: random, so a code cannot be forged from an id.
    .addColumn('qr_code', 'text', (column) => column.notNull().unique())
    .addColumn('nfc_tag_uid', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('radius_meters', 'double precision')
    .addColumn('on_demand_check_ins', 'text', (column) => column.notNull().defaultTo('DISABLED'))
    // JSON: the action definitions performed at an on-demand check-in.
    .addColumn('default_actions', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('archived', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('history_id', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('points_by_location')
    .on('points')
    .columns(['organization_id', 'location_id', 'name'])
    .execute();
  await db.schema
    .createIndex('points_nfc_once_per_organization')
    .on('points')
    .columns(['organization_id', 'nfc_tag_uid'])
    .unique()
    .execute();

  // Per-member settings of a point: allowed to check in on demand, and their own action list.
  await db.schema
    .createTable('point_member_settings')
    .addColumn('organization_id', 'text', (column) => column.notNull())
    .addColumn('point_id', 'text', (column) => column.notNull().references('points.id'))
    .addColumn('member_id', 'text', (column) => column.notNull().references('members.id'))
    .addColumn('on_demand_allowed', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('actions', 'text')
    .addPrimaryKeyConstraint('point_member_settings_key', [
      'organization_id',
      'point_id',
      'member_id',
    ])
    .execute();

  await db.schema
    .createTable('checklists')
    .addColumn('organization_id', 'text', (column) =>
      column.notNull().references('organizations.id'),
    )
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    // JSON: the ordered action definitions.
    .addColumn('actions', 'text', (column) => column.notNull())
    .addColumn('archived', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('history_id', 'integer', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('checklists_by_organization')
    .on('checklists')
    .columns(['organization_id', 'name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'checklists',
    'point_member_settings',
    'points',
    'checklist_versions',
    'point_versions',
    'location_versions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['history_id', 'longitude', 'latitude', 'address', 'description']) {
    await db.schema.alterTable('locations').dropColumn(column).execute();
  }
}
