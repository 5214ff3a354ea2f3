import type { Migration } from 'kysely';
import * as createOrganizations from './20261204T1000-create-organizations.js';
import * as createIdentity from './20261204T1100-create-identity.js';
import * as createSites from './20261204T1200-create-sites.js';
import * as createIdempotencyKeysAndJobs from './20261204T1300-create-idempotency-keys-and-jobs.js';
import * as createTasks from './20261204T1400-create-tasks.js';
import * as planEdits from './20261204T1500-plan-edits.js';
import * as createMedia from './20261204T1600-create-media.js';
import * as createIssues from './20261204T1700-create-issues.js';
import * as executionEvents from './20261204T1800-execution-events.js';
import * as createWebhooks from './20261204T1900-create-webhooks.js';
import * as createCalendarFeeds from './20261204T2000-create-calendar-feeds.js';
import * as createAlerts from './20261204T2100-create-alerts.js';
import * as reportSchedules from './20261204T2200-report-schedules.js';
import * as createAuditLog from './20261204T2300-create-audit-log.js';
import * as tenantKeysLeadWithOrganization from './20261205T0100-tenant-keys-lead-with-organization.js';
import * as credentialLookups from './20261205T0500-credential-lookups.js';

/**
 * Every migration, in order, for both dialects. Registered explicitly (no directory scan) so a
 * bundled or compiled server runs exactly the list it was built with.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '20261204T1000-create-organizations': createOrganizations,
  '20261204T1100-create-identity': createIdentity,
  '20261204T1200-create-sites': createSites,
  '20261204T1300-create-idempotency-keys-and-jobs': createIdempotencyKeysAndJobs,
  '20261204T1400-create-tasks': createTasks,
  '20261204T1500-plan-edits': planEdits,
  '20261204T1600-create-media': createMedia,
  '20261204T1700-create-issues': createIssues,
  '20261204T1800-execution-events': executionEvents,
  '20261204T1900-create-webhooks': createWebhooks,
  '20261204T2000-create-calendar-feeds': createCalendarFeeds,
  '20261204T2100-create-alerts': createAlerts,
  '20261204T2200-report-schedules': reportSchedules,
  '20261204T2300-create-audit-log': createAuditLog,
  '20261205T0100-tenant-keys-lead-with-organization': tenantKeysLeadWithOrganization,
  '20261205T0500-credential-lookups': credentialLookups,
};
