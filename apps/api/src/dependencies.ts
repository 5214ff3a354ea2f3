import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase } from './database/connection.js';
import type { DatabaseHandle } from './database/database.js';
import {
  createApiTokensService,
  type ApiTokensService,
} from './modules/api-tokens/api-tokens.service.js';
import { createAuthService, type AuthService } from './modules/auth/auth.service.js';
import {
  createPasswordResetService,
  type PasswordResetService,
} from './modules/auth/password-resets.js';
import {
  createChecklistsService,
  type ChecklistsService,
} from './modules/checklists/checklists.service.js';
import { createDevicesService, type DevicesService } from './modules/devices/devices.service.js';
import { createHealthService, type HealthService } from './modules/health/health.service.js';
import {
  createLocationsService,
  type LocationsService,
} from './modules/locations/locations.service.js';
import { createMediaService, type MediaService } from './modules/media/media.service.js';
import { createDiskMediaStorage, type MediaStorage } from './modules/media/media-storage.js';
import { createS3MediaStorage } from './modules/media/s3-media-storage.js';
import { createThumbnailMaker } from './modules/media/thumbnails.js';
import { createMembersService, type MembersService } from './modules/members/members.service.js';
import {
  createOrganizationsService,
  type OrganizationsService,
} from './modules/organizations/organizations.service.js';
import { createMetrics, type Metrics } from './modules/metrics/metrics.js';
import type { WebApp } from './modules/web-apps/web-apps.routes.js';
import { createPointsService, type PointsService } from './modules/points/points.service.js';
import { createIssuesService, type IssuesService } from './modules/issues/issues.service.js';
import { createReportsService, type ReportsService } from './modules/reports/reports.service.js';
import {
  createReportSchedulesService,
  type ReportSchedulesService,
} from './modules/reports/report-schedules.service.js';
import { createAlertsService, type AlertsService } from './modules/alerts/alerts.service.js';
import { combineDomainEvents, type DomainEvents } from './shared/domain-events.js';
import {
  createCalendarService,
  type CalendarService,
} from './modules/calendar/calendar.service.js';
import { createExecutionReader } from './modules/task-executions/execution-reader.js';
import {
  createWebhooksService,
  type WebhooksService,
} from './modules/webhooks/webhooks.service.js';
import {
  createCheckInsService,
  type CheckInsService,
} from './modules/task-executions/check-ins.service.js';
import {
  createPerformingService,
  type PerformingService,
} from './modules/task-executions/performing.service.js';
import {
  createTaskExecutionsService,
  type TaskExecutionsService,
} from './modules/task-executions/task-executions.service.js';
import { createAuditService, type AuditService } from './modules/audit/audit.service.js';
import {
  createMemoryRateLimitStore,
  createRedisRateLimitStore,
  type RateLimitStore,
} from './modules/rate-limits/rate-limit-store.js';
import { createSystemClock, type Clock } from './shared/clock.js';
import { createMailer, type Mailer } from './shared/mailer.js';
import { readServerVersion } from './shared/version.js';

export interface Dependencies {
  readonly config: Config;
  readonly version: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly database: DatabaseHandle;
  /**
   * Where list endpoints read: a read replica (DATABASE_READ_URL) or the same handle as
   * `database`. Replicas lag, so writes and reads that must see a write just made use `database`.
   */
  readonly readDatabase: DatabaseHandle;
  readonly metrics: Metrics;
  readonly webApps: readonly WebApp[];
  readonly mailer: Mailer;
  readonly healthService: HealthService;
  readonly authService: AuthService;
  readonly passwordResetService: PasswordResetService;
  readonly membersService: MembersService;
  readonly organizationsService: OrganizationsService;
  readonly apiTokensService: ApiTokensService;
  readonly devicesService: DevicesService;
  readonly locationsService: LocationsService;
  readonly checklistsService: ChecklistsService;
  readonly pointsService: PointsService;
  readonly taskExecutionsService: TaskExecutionsService;
  readonly performingService: PerformingService;
  readonly checkInsService: CheckInsService;
  readonly webhooksService: WebhooksService;
  readonly alertsService: AlertsService;
  readonly domainEvents: DomainEvents;
  readonly calendarService: CalendarService;
  readonly reportsService: ReportsService;
  readonly reportSchedulesService: ReportSchedulesService;
  readonly issuesService: IssuesService;
  readonly mediaService: MediaService;
  /** Where media bytes live; the operator's export and import commands copy them. */
  readonly mediaStorage: MediaStorage;
  readonly auditService: AuditService;
  readonly rateLimitStore: RateLimitStore;
  /** Releases what the dependencies hold (database connections); call after the server closed. */
  close(): Promise<void>;
}

export interface DependencyOverrides {
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly database?: DatabaseHandle;
  readonly readDatabase?: DatabaseHandle;
  readonly webApps?: readonly WebApp[];
  readonly mailer?: Mailer;
  readonly rateLimitStore?: RateLimitStore;
}

/** The composition root: every service is built here, once, from the configuration. */
export function createDependencies(
  config: Config,
  overrides: DependencyOverrides = {},
): Dependencies {
  const logger = overrides.logger ?? createLogger(config);
  const clock = overrides.clock ?? createSystemClock();
  const database = overrides.database ?? openDatabase(config.database);
  const readDatabase =
    overrides.readDatabase ??
    (config.readDatabase ? openDatabase(config.readDatabase, { readOnly: true }) : database);
  const version = readServerVersion();
  const mailer =
    overrides.mailer ??
    createMailer({ clock, logger, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const authService = createAuthService({ database, clock });
  const webhooksService = createWebhooksService({
    database,
    clock,
    allowPrivateNetworks: config.webhooksAllowPrivateNetworks,
  });
  const alertsService = createAlertsService({ database, clock });
  const domainEvents = combineDomainEvents(webhooksService.outbox, alertsService.listener);
  const membersService = createMembersService({
    database,
    clock,
    mailer,
    config,
    domainEvents,
  });
  const locationsService = createLocationsService({ database, clock });
  const checklistsService = createChecklistsService({ database, clock });
  const pointsService = createPointsService({ database, clock, locationsService });
  const mediaStorage =
    config.mediaStorage.driver === 's3'
      ? createS3MediaStorage(config.mediaStorage)
      : createDiskMediaStorage(config.mediaStorage.directory);
  const mediaService = createMediaService({
    database,
    clock,
    logger,
    storage: mediaStorage,
    thumbnails: createThumbnailMaker(),
    limits: { maxBytes: config.mediaMaxBytes, allowedTypes: config.mediaTypes },
  });
  const executionReader = createExecutionReader({ clock });
  const { redisUrl } = config.security.rateLimits;
  const rateLimitStore =
    overrides.rateLimitStore ??
    (redisUrl ? createRedisRateLimitStore({ url: redisUrl }) : createMemoryRateLimitStore());

  const performingService = createPerformingService({
    database,
    clock,
    executionReader,
    domainEvents,
    findMedia: (organizationId, ids, trx) => mediaService.findMediaOf(organizationId, ids, trx),
  });
  const taskExecutionsService = createTaskExecutionsService({
    executionReader,
    domainEvents,
    database,
    readDatabase,
    clock,
    locationsService,
    checklistsService,
  });
  const reportsService = createReportsService({
    database,
    clock,
    taskExecutionsService,
    performingService,
    mediaService,
  });

  return {
    config,
    version,
    logger,
    clock,
    database,
    readDatabase,
    metrics: createMetrics({ database, readDatabase, clock }),
    webApps: overrides.webApps ?? builtWebApps(),
    mailer,
    healthService: createHealthService({ database, readDatabase, clock, logger, version }),
    authService,
    passwordResetService: createPasswordResetService({ database, clock, mailer, config, logger }),
    membersService,
    organizationsService: createOrganizationsService({
      database,
      clock,
      membersService,
      authService,
    }),
    apiTokensService: createApiTokensService({ database, clock }),
    devicesService: createDevicesService({ database, clock, authService }),
    locationsService,
    pointsService,
    checklistsService,
    taskExecutionsService,
    performingService,
    checkInsService: createCheckInsService({
      database,
      readDatabase,
      clock,
      locationsService,
      taskExecutionsService,
      performingService,
    }),
    issuesService: createIssuesService({
      database,
      readDatabase,
      clock,
      locationsService,
      pointsService,
      findMediaOf: (organizationId, ids) => mediaService.findMediaOf(organizationId, ids),
      domainEvents,
    }),
    webhooksService,
    alertsService,
    domainEvents,
    reportsService,
    reportSchedulesService: createReportSchedulesService({
      database,
      clock,
      mailer,
      logger,
      reportsService,
    }),
    calendarService: createCalendarService({
      database,
      clock,
      publicUrl: config.publicUrl,
      taskExecutionsService,
    }),
    mediaService,
    mediaStorage,
    auditService: createAuditService({ database, clock }),
    rateLimitStore,
    close: async () => {
      await rateLimitStore.close();
      await database.destroy();
      if (readDatabase !== database) await readDatabase.destroy();
    },
  };
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    // Credentials never reach the log, whichever way a request carried them.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  });
}

/** The apps' Vite builds, found beside this package in the repository (src/ and dist/ alike). */
function builtWebApps(): WebApp[] {
  return [
    {
      prefix: '/field/',
      directory: fileURLToPath(new URL('../../field/dist/', import.meta.url)),
      title: 'OpenPatrol Field',
    },
    {
      prefix: '/',
      directory: fileURLToPath(new URL('../../admin/dist/', import.meta.url)),
      title: 'OpenPatrol Admin',
    },
  ];
}
