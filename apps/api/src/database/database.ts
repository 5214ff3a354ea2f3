import type { Generated, Kysely } from 'kysely';

/**
 * The tables, as Kysely sees them through CamelCasePlugin (snake_case in SQL). Portable types
 * only: text UUIDs, ISO-8601 text instants (`toISOString()`, so text order is time order on
 * SQLite too), 0/1 integers for booleans, JSON as text.
 */
export interface Database {
  organizations: OrganizationsTable;
  people: PeopleTable;
  locations: LocationsTable;
  members: MembersTable;
  memberVersions: MemberVersionsTable;
  memberLocations: MemberLocationsTable;
  devices: DevicesTable;
  sessions: SessionsTable;
  apiTokens: ApiTokensTable;
  credentialLookups: CredentialLookupsTable;
  oneTimeTokens: OneTimeTokensTable;
  emailOutbox: EmailOutboxTable;
  signInFailures: SignInFailuresTable;
  locationVersions: VersionsTable & { locationId: string };
  points: PointsTable;
  pointVersions: VersionsTable & { pointId: string };
  pointMemberSettings: PointMemberSettingsTable;
  checklists: ChecklistsTable;
  checklistVersions: VersionsTable & { checklistId: string };
  scheduledTasks: ScheduledTasksTable;
  scheduledTaskVersions: VersionsTable & { scheduledTaskId: string };
  scheduledSteps: ScheduledStepsTable;
  scheduledStepVersions: VersionsTable & { scheduledStepId: string };
  scheduledActions: ScheduledActionsTable;
  scheduledActionVersions: VersionsTable & { scheduledActionId: string };
  taskExecutions: TaskExecutionsTable;
  taskExecutionEvents: TaskExecutionEventsTable;
  idempotencyKeys: IdempotencyKeysTable;
  jobs: JobsTable;
  media: MediaTable;
  issues: IssuesTable;
  issueComments: IssueCommentsTable;
  webhookSubscriptions: WebhookSubscriptionsTable;
  webhookDeliveries: WebhookDeliveriesTable;
  calendarFeeds: CalendarFeedsTable;
  alertRules: AlertRulesTable;
  alerts: AlertsTable;
  reportSchedules: ReportSchedulesTable;
  reportDeliveries: ReportDeliveriesTable;
  auditLog: AuditLogTable;
}

export type AlertTrigger =
  'EXECUTION_EXPIRED' | 'LATE_START' | 'COMPLETED_WITH_ERRORS' | 'ISSUE_SEVERITY' | 'PANIC';

export interface AlertRulesTable {
  organizationId: string;
  id: string;
  name: string;
  trigger: AlertTrigger;
  threshold: string | null;
  locationIds: string | null;
  /** JSON: [{ afterMinutes, memberIds }]. */
  escalation: string;
  enabled: IntegerBoolean;
  createdAt: string;
  updatedAt: string;
}

export interface AlertsTable {
  organizationId: string;
  id: string;
  ruleId: string;
  trigger: AlertTrigger;
  locationId: string | null;
  subjectType: string;
  subjectId: string;
  title: string;
  detail: string | null;
  status: 'OPEN' | 'ACKNOWLEDGED';
  level: number;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface CalendarFeedsTable {
  organizationId: string;
  memberId: string;
  tokenHash: string;
  createdAt: string;
}

export interface WebhookSubscriptionsTable {
  organizationId: string;
  id: string;
  url: string;
  description: string | null;
  /** JSON array of event types. */
  eventTypes: string;
  /** JSON array of location ids; null for every location. */
  locationIds: string | null;
  secret: string;
  enabled: IntegerBoolean;
  disabledReason: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

export interface WebhookDeliveriesTable {
  organizationId: string;
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** A task: the plan of one scheduledTaskId (docs/decisions/0008). */
export interface ScheduledTasksTable {
  organizationId: string;
  id: string;
  seriesId: string;
  locationId: string;
  /** The location's zone when this version was planned. */
  timeZone: string;
  name: string;
  description: string | null;
  recurrenceRule: string | null;
  recurrenceException: string | null;
  startAt: string;
  endAt: string;
  priority: 'LOW' | 'NORMAL' | 'HIGH' | 'CRITICAL';
  orderStepsRequired: IntegerBoolean;
  strictTimeRequired: IntegerBoolean;
  deadlined: IntegerBoolean;
  published: IntegerBoolean;
  /** JSON array of strings. */
  tags: string;
  /** JSON array of member ids. */
  assigneeIds: string;
  /** Set by a FOLLOWING edit or cancellation: occurrences starting at or after it are not this task's. */
  splitAt: string | null;
  /** Set by an ALL edit of the schedule: occurrences of this revision start at or after it. */
  effectiveFrom: string | null;
  /** Added to this revision's indexes, so no earlier execution id is reused. */
  indexOffset: Generated<number>;
  /** Every occurrence starting before it has its execution row; '' when none has. */
  materializedUntil: Generated<string>;
  /** 1 for a task made by an on-demand check-in at a point, not planned. */
  onDemand: Generated<IntegerBoolean>;
  historyId: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScheduledStepsTable {
  organizationId: string;
  id: string;
  seriesId: string;
  scheduledTaskId: string;
  pointId: string;
  pointHistoryId: number;
  name: string;
  stepOrder: number;
  checklistId: string | null;
  historyId: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScheduledActionsTable {
  organizationId: string;
  id: string;
  seriesId: string;
  scheduledTaskId: string;
  scheduledStepId: string;
  actionOrder: number;
  /** JSON: the normalized action definition. */
  definition: string;
  historyId: number;
  createdAt: string;
  updatedAt: string;
}

export type ExecutionState = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'INCOMPLETE' | 'CANCELED';

/** An occurrence, materialized the first time the API returns it. */
export interface TaskExecutionsTable {
  organizationId: string;
  id: string;
  scheduledTaskId: string;
  occurrenceIndex: number;
  seriesId: string;
  startAt: string;
  endAt: string;
  state: Generated<ExecutionState>;
  /** The task version (its snapshot) this occurrence is planned with. */
  scheduledTaskHistoryId: number;
  locationHistoryId: number;
  // Plan fields that lists filter on, copied from the version above.
  locationId: string;
  published: IntegerBoolean;
  priority: 'LOW' | 'NORMAL' | 'HIGH' | 'CRITICAL';
  /** JSON array of strings. */
  tags: string;
  /** JSON array of member ids. */
  assigneeIds: string;
  /** endAt − startAt in milliseconds. */
  durationMs: number;
  performerId: Generated<string | null>;
  status: Generated<'OK' | 'WARNING' | 'ERROR' | null>;
  /** 1 once the occurrence was edited on its own (scope THIS). */
  edited: Generated<IntegerBoolean>;
  editedAt: Generated<string | null>;
  /** When the expiry job saw its window end without completion (for updatedSince pollers). */
  expiredAt: Generated<string | null>;
  /** Copied from the plan: the deadline job closes these after endAt. */
  deadlined: Generated<IntegerBoolean>;
  // What the event log says, kept here for lists and reports (the log decides).
  startedAt: Generated<string | null>;
  endedAt: Generated<string | null>;
  collision: Generated<IntegerBoolean>;
  eventCount: Generated<number>;
  lastHash: Generated<string | null>;
  createdAt: string;
  updatedAt: string;
}

/** One thing that happened to an execution; append-only and hash-chained (DESIGN §5). */
export interface TaskExecutionEventsTable {
  organizationId: string;
  /** The field app's id for the write. */
  id: string;
  taskExecutionId: string;
  sequence: number;
  type: string;
  actorMemberId: string | null;
  deviceTime: string | null;
  receivedAt: string;
  occurredAt: string;
  /** JSON object. */
  payload: string;
  /** CHECKED_IN: the point presence was proven at. */
  pointId: Generated<string | null>;
  previousHash: string;
  hash: string;
}

/** Photo or video evidence; the bytes are in media storage under `storageKey`. */
export interface MediaTable {
  organizationId: string;
  id: string;
  /** Null when an API token uploaded it. */
  uploadedByMemberId: string | null;
  uploadedByTokenId: string | null;
  /** The field app's id for the upload, unique in the organization: a retry is stored once. */
  clientId: string | null;
  contentType: string;
  sizeInBytes: number;
  /** Lower-case hex. */
  sha256: string;
  capture: 'CAMERA' | 'GALLERY' | 'UNKNOWN';
  width: number | null;
  height: number | null;
  storageKey: string;
  thumbnailKey: string | null;
  originalName: string | null;
  createdAt: string;
}

export interface IdempotencyKeysTable {
  /** `member:<id>` or `token:<id>`. */
  owner: string;
  key: string;
  organizationId: string;
  method: string;
  path: string;
  requestHash: string;
  /** Null while the first request with this key is still being processed. */
  statusCode: number | null;
  responseBody: string | null;
  responseContentType: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface JobsTable {
  id: string;
  organizationId: string | null;
  type: string;
  /** JSON. */
  payload: string;
  uniqueKey: string | null;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  completedAt: string | null;
  failedAt: string | null;
}

/** A history row: the whole record as JSON at one moment; `historyId` is its version number. */
export interface VersionsTable {
  historyId: Generated<number>;
  organizationId: string;
  snapshot: string;
  /** Member id or `token:<id>`; null for the system. */
  changedBy: string | null;
  createdAt: string;
}

/** 0 or 1: the portable boolean (decision in docs/ARCHITECTURE.md, "Database"). */
export type IntegerBoolean = 0 | 1;

export interface OrganizationsTable {
  id: string;
  name: string;
  /** IANA zone used when a location does not name its own. */
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

export interface PeopleTable {
  id: string;
  /** Lower-cased; one account per address. */
  email: string;
  /** argon2id; null until the person sets a password (an invitation not yet accepted). */
  passwordHash: string | null;
  firstName: string;
  lastName: string;
  createdAt: string;
  updatedAt: string;
}

export interface LocationsTable {
  organizationId: string;
  id: string;
  name: string;
  description: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  archived: IntegerBoolean;
  /** The location_versions row describing the current state (0 for rows made before versions existed). */
  historyId: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export type OnDemandCheckIns = 'DISABLED' | 'ALL_MEMBERS' | 'SELECTED_MEMBERS';

export interface PointsTable {
  organizationId: string;
  id: string;
  locationId: string;
  name: string;
  description: string | null;
  qrCode: string;
  nfcTagUid: string | null;
  latitude: number | null;
  longitude: number | null;
  radiusMeters: number | null;
  onDemandCheckIns: OnDemandCheckIns;
  /** JSON array of action definitions. */
  defaultActions: string;
  archived: IntegerBoolean;
  historyId: number;
  createdAt: string;
  updatedAt: string;
}

export interface PointMemberSettingsTable {
  organizationId: string;
  pointId: string;
  memberId: string;
  onDemandAllowed: IntegerBoolean;
  /** JSON array of action definitions replacing the point's defaults for this member; null keeps them. */
  actions: string | null;
}

export interface ChecklistsTable {
  organizationId: string;
  id: string;
  name: string;
  description: string | null;
  /** JSON array of action definitions, in order. */
  actions: string;
  archived: IntegerBoolean;
  historyId: number;
  createdAt: string;
  updatedAt: string;
}

export type Role = 'OWNER' | 'ADMIN' | 'MANAGER' | 'USER' | 'GUARD';

export interface MembersTable {
  organizationId: string;
  id: string;
  personId: string | null;
  role: Role;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  memberNumber: string | null;
  pinHash: string | null;
  archived: IntegerBoolean;
  /** The member_versions row describing the current state. */
  historyId: number;
  createdAt: string;
  updatedAt: string;
}

export interface MemberVersionsTable {
  historyId: Generated<number>;
  organizationId: string;
  memberId: string;
  role: Role;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  memberNumber: string | null;
  archived: IntegerBoolean;
  /** JSON array of location ids. */
  locationIds: string;
  /** Member id or `token:<id>` of whoever made the change; null for the system. */
  changedBy: string | null;
  createdAt: string;
}

export interface MemberLocationsTable {
  organizationId: string;
  memberId: string;
  locationId: string;
}

export interface DevicesTable {
  organizationId: string;
  id: string;
  name: string;
  registrationCodeHash: string | null;
  registrationExpiresAt: string | null;
  credentialHash: string | null;
  createdBy: string;
  createdAt: string;
  authorizedAt: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export interface SessionsTable {
  tokenHash: string;
  personId: string | null;
  organizationId: string | null;
  memberId: string | null;
  deviceId: string | null;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  organizationId: string;
  id: string;
  name: string;
  prefix: string;
  tokenHash: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Which organization a secret presented alone belongs to (docs/citus.md, step 4). */
export interface CredentialLookupsTable {
  /** The secret's hash, as stored in api_tokens, devices or calendar_feeds. */
  hash: string;
  organizationId: string;
}

export type OneTimeTokenPurpose = 'INVITATION' | 'PASSWORD_RESET';

export interface OneTimeTokensTable {
  tokenHash: string;
  purpose: OneTimeTokenPurpose;
  organizationId: string | null;
  personId: string | null;
  memberId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface EmailOutboxTable {
  id: string;
  organizationId: string | null;
  toAddress: string;
  subject: string;
  textBody: string;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
  /** JSON: [{ fileName, contentType, base64 }]; null for plain e-mails. */
  attachments: string | null;
}

export interface SignInFailuresTable {
  id: Generated<number>;
  throttleKey: string;
  failedAt: string;
}

export type IssueCategory =
  'INTRUSION' | 'DAMAGE' | 'FIRE' | 'SAFETY' | 'MAINTENANCE' | 'CLEANING' | 'MEDICAL' | 'OTHER';
export type IssueSeverity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type IssueStatus = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

/** An incident or defect reported from the field. */
export interface IssuesTable {
  organizationId: string;
  id: string;
  /** Sequential per organization, from 1: what people say ("#42"). */
  number: number;
  locationId: string;
  pointId: string | null;
  taskExecutionId: string | null;
  category: IssueCategory;
  severity: IssueSeverity;
  title: string;
  description: string | null;
  status: IssueStatus;
  latitude: number | null;
  longitude: number | null;
  accuracyInMeters: number | null;
  /** JSON array of media ids. */
  mediaIds: string;
  reportedByMemberId: string | null;
  reportedByTokenId: string | null;
  /** The reporting device's id for the report; unique in the organization when set. */
  clientId: string | null;
  /** Device time of the incident. */
  occurredAt: string;
  /** When the server received the report. */
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  /** Member id or `token:<id>`. */
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  /** Member id or `token:<id>`. */
  resolvedBy: string | null;
}

export interface IssueCommentsTable {
  organizationId: string;
  id: string;
  issueId: string;
  authorMemberId: string | null;
  authorTokenId: string | null;
  /** Null for a status change made without a remark. */
  body: string | null;
  /** The issue's new status when the comment accompanied a change of it. */
  statusChange: IssueStatus | null;
  createdAt: string;
}

export type DialectName = 'sqlite' | 'postgres';

/** The database handle every repository receives, with the dialect for the few places that differ. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The PostgreSQL schema in use when it is not the default search path (DATABASE_SCHEMA). */
  readonly schema: string | undefined;
  /** PostgreSQL only: the connection pool's occupancy, for metrics. */
  readonly poolStatus?: () => PoolStatus;
  /**
   * PostgreSQL only: calls the listener with how long each borrowing of a pool connection waited
   * for one; returns the function that stops it.
   */
  readonly onConnectionWait?: (listener: (waitedMs: number) => void) => () => void;
  destroy(): Promise<void>;
}

export type ReportFrequency = 'DAILY' | 'WEEKLY';
export type ReportFormat = 'csv' | 'xlsx' | 'pdf';

export interface ReportSchedulesTable {
  organizationId: string;
  id: string;
  name: string;
  frequency: ReportFrequency;
  /** WEEKLY: 1 (Monday) to 7 (Sunday). */
  weekday: number | null;
  hour: number;
  timeZone: string;
  /** JSON array of location ids; null for every location the member sees. */
  locationIds: string | null;
  format: ReportFormat;
  /** JSON array of e-mail addresses. */
  recipients: string;
  memberId: string;
  enabled: IntegerBoolean;
  nextRunAt: string;
  lastSentAt: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReportDeliveriesTable {
  organizationId: string;
  scheduleId: string;
  periodStart: string;
  periodEnd: string;
  executionCount: number;
  /** JSON array of the e-mails' outbox ids, one per recipient. */
  emailOutboxIds: string;
  createdAt: string;
}

export interface PoolStatus {
  /** Connections open, idle or in use. */
  readonly total: number;
  readonly idle: number;
  /** Queries waiting for a free connection: a pool too small for the load when it stays above 0. */
  readonly waiting: number;
}

/** One admin action that succeeded (modules/audit). */
export interface AuditLogTable {
  organizationId: string;
  id: string;
  occurredAt: string;
  actorType: 'MEMBER' | 'TOKEN';
  actorId: string;
  actorName: string | null;
  operationId: string;
  method: string;
  path: string;
  statusCode: number;
  resourceType: string;
  resourceId: string | null;
  /** JSON object. */
  summary: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}
