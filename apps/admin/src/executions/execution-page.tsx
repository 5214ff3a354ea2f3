import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { Suspense, lazy, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../api/admin-api.js';
import { describeError, ProblemError } from '../api/problem.js';
import { formatInstant } from '../components/date-time.js';
import {
  IconAlertCircle,
  IconArrowLeft,
  IconDownload,
  IconPencil,
  IconShieldCheck,
} from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { ExecutionBadges, zoneAbbreviation } from './execution-labels.js';
import { EventLog } from './event-log.js';
import { ExecutionSteps } from './execution-steps.js';
import { ExecutionTimeline } from './execution-timeline.js';
import {
  clientSettingsQueryOptions,
  downloadExecutionPdf,
  executionEventsQueryOptions,
  executionIntegrityQueryOptions,
  executionQueryOptions,
  LIVE_REFRESH_MS,
  locationPointsQueryOptions,
  locationQueryOptions,
  memberQueryOptions,
  payloadOf,
  type ChainVerification,
  type Execution,
  type ExecutionEvent,
  type Point,
} from './executions.queries.js';
import type { MapMarker } from './check-in-map.js';
import { PhotoLightbox, type Photo } from './photo-lightbox.js';

const route = getRouteApi('/app/executions/$executionId');

// Leaflet is loaded only when a map is shown, keeping it out of every other page's JavaScript.
const CheckInMap = lazy(() => import('./check-in-map.js'));

export function ExecutionPage() {
  const api = useApi();
  const { executionId } = route.useParams();
  const execution = useQuery(executionQueryOptions(api, executionId));

  if (execution.isPending) return <LoadingState label="Loading the execution…" />;
  if (execution.isError)
    return execution.error instanceof ProblemError && execution.error.status === 404 ? (
      <EmptyState
        title="No such execution"
        description="It does not exist, or it belongs to a location you do not see."
        action={
          <Button component={Link} to="/" variant="default">
            Back to the dashboard
          </Button>
        }
      />
    ) : (
      <ErrorState error={execution.error} onRetry={() => void execution.refetch()} />
    );
  return <ExecutionDetails execution={execution.data} />;
}

/** Names of the members an execution mentions (performer, who wrote each event). */
function useMemberNames(ids: readonly string[]): Map<string, string> {
  const api = useApi();
  const results = useQueries({
    queries: ids.map((id) => ({ ...memberQueryOptions(api, id), retry: false })),
  });
  return new Map(
    ids.flatMap((id, index) => {
      const user = results[index]?.data;
      return user ? [[id, `${user.firstName} ${user.lastName}`.trim()] as const] : [];
    }),
  );
}

function ExecutionDetails({ execution }: { execution: Execution }) {
  const api = useApi();
  const location = useQuery(locationQueryOptions(api, execution.locationId));
  const points = useQuery(locationPointsQueryOptions(api, execution.locationId));
  // While someone performs it, the log grows: read it as often as the execution itself.
  const refetchInterval = execution.state === 'IN_PROGRESS' ? LIVE_REFRESH_MS : false;
  const events = useQuery({
    ...executionEventsQueryOptions(api, execution.id),
    refetchInterval,
  });
  const integrity = useQuery({
    ...executionIntegrityQueryOptions(api, execution.id),
    refetchInterval,
  });
  const settings = useQuery(clientSettingsQueryOptions(api));
  const [lightboxIndex, setLightboxIndex] = useState<number | null>(null);
  const exportPdf = useMutation({
    mutationFn: () => downloadExecutionPdf(api, execution),
    onError: (error) =>
      notifications.show({
        color: 'red',
        title: 'The PDF could not be made',
        message: describeError(error),
      }),
  });

  const memberIds = useMemo(
    () => [
      ...new Set([
        ...(execution.performerId ? [execution.performerId] : []),
        ...(events.data ?? []).flatMap((event) =>
          event.actorMemberId ? [event.actorMemberId] : [],
        ),
      ]),
    ],
    [execution.performerId, events.data],
  );
  const names = useMemberNames(memberIds);
  const pointsById = useMemo(
    () => new Map((points.data ?? []).map((point) => [point.id, point])),
    [points.data],
  );
  const photos = useMemo(() => photosOf(execution), [execution]);
  const markers = useMemo(
    () => markersOf(execution, events.data ?? [], pointsById),
    [execution, events.data, pointsById],
  );

  if (location.isPending) return <LoadingState label="Loading the execution…" />;
  if (location.isError)
    return <ErrorState error={location.error} onRetry={() => void location.refetch()} />;
  const timeZone = location.data.timeZone;
  const zone = `${timeZone} (${zoneAbbreviation(execution.startAt, timeZone)})`;
  const checkInCount = markers.filter((marker) => marker.kind === 'check-in').length;

  return (
    <div data-testid="execution-ready">
      <PageHeader
        eyebrow={
          <Anchor component={Link} to="/" size="sm" c="dimmed">
            <Group gap={4} wrap="nowrap">
              <IconArrowLeft size={14} />
              Dashboard
            </Group>
          </Anchor>
        }
        title={execution.name}
        description={
          <>
            {location.data.name} · planned {formatInstant(execution.startAt, timeZone)} –{' '}
            {formatInstant(execution.endAt, timeZone)} · times in {zone}
          </>
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={exportPdf.isPending}
              onClick={() => exportPdf.mutate()}
            >
              Export PDF
            </Button>
            <Button
              leftSection={<IconPencil size={16} />}
              renderRoot={(props) => (
                <Link
                  to="/executions/$executionId/edit"
                  params={{ executionId: execution.id }}
                  {...props}
                />
              )}
            >
              Edit
            </Button>
          </>
        }
      />
      <Group gap="sm" mb="lg">
        <ExecutionBadges execution={execution} size="md" />
        {execution.collision && (
          <Badge color="red" variant="outline" size="md">
            Collision: two performers
          </Badge>
        )}
        {!execution.published && (
          <Badge color="gray" variant="outline" size="md">
            Unpublished
          </Badge>
        )}
        {execution.edited && (
          <Badge color="gray" variant="outline" size="md">
            Edited on its own
          </Badge>
        )}
      </Group>

      <Results execution={execution} performer={names.get(execution.performerId ?? '')} />

      <Grid gap="lg" mt="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Section title="Timeline" subtitle={`Planned against actual, in ${zone}`}>
            {events.isPending ? (
              <LoadingState />
            ) : events.isError ? (
              <ErrorState error={events.error} onRetry={() => void events.refetch()} />
            ) : (
              <ExecutionTimeline
                execution={execution}
                events={events.data}
                timeZone={timeZone}
                names={names}
                pointsById={pointsById}
              />
            )}
          </Section>
          <Section title="Notes">
            <Text
              size="sm"
              c={execution.notes ? undefined : 'dimmed'}
              style={{ whiteSpace: 'pre-wrap' }}
              data-testid="execution-notes"
            >
              {execution.notes ?? 'No notes.'}
            </Text>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Section
            title="Check-in positions"
            subtitle={
              checkInCount === 0
                ? 'No GPS check-in yet.'
                : `${checkInCount} GPS check-in${checkInCount === 1 ? '' : 's'}; grey dots are the points’ planned positions.`
            }
          >
            {markers.length > 0 && settings.data ? (
              <Suspense fallback={<LoadingState label="Loading the map…" />}>
                <CheckInMap
                  markers={markers}
                  tileUrl={settings.data.map.tileUrl}
                  attribution={settings.data.map.attribution}
                />
              </Suspense>
            ) : settings.isError ? (
              <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
            ) : markers.length === 0 ? (
              <Text size="sm" c="dimmed">
                Neither the check-ins nor the points of this execution have a position.
              </Text>
            ) : (
              <LoadingState label="Loading the map…" />
            )}
          </Section>
          <Section title="Steps and actions">
            <ExecutionSteps
              execution={execution}
              pointsById={pointsById}
              photos={photos}
              onOpenPhoto={setLightboxIndex}
            />
          </Section>
        </Grid.Col>
      </Grid>

      <Section
        title="Event log"
        subtitle="Everything recorded, in the order the server received it, each event chained to the one before by its SHA-256 hash."
      >
        <IntegrityResult integrity={integrity} timeZone={timeZone} />
        {events.isPending ? (
          <LoadingState />
        ) : events.isError ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : (
          <EventLog
            events={events.data}
            timeZone={timeZone}
            names={names}
            invalidFrom={integrity.data?.firstInvalidSequence ?? null}
          />
        )}
      </Section>

      <PhotoLightbox
        photos={photos}
        index={lightboxIndex}
        onIndexChange={setLightboxIndex}
        onClose={() => setLightboxIndex(null)}
      />
    </div>
  );
}

function Section({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" mb="lg" component="section" aria-label={title}>
      <Title order={2} fz="md">
        {title}
      </Title>
      {subtitle && (
        <Text size="xs" c="dimmed" mb="sm">
          {subtitle}
        </Text>
      )}
      {!subtitle && <div style={{ height: 8 }} />}
      {children}
    </Paper>
  );
}

/** The execution's counters, the alarming ones coloured. */
function Results({
  execution,
  performer,
}: {
  execution: Execution;
  performer: string | undefined;
}) {
  const minutes = (millis: number | null) =>
    millis === null ? '—' : `${Math.round(millis / 60_000)} min`;
  const figures: { label: string; value: ReactNode; alarm?: boolean }[] = [
    { label: 'Performer', value: performer ?? (execution.performerId ? '…' : 'Nobody yet') },
    {
      label: 'Steps done',
      value: `${execution.executedStepCount ?? 0} of ${execution.stepCount}`,
    },
    { label: 'Warnings', value: execution.warningCount, alarm: execution.warningCount > 0 },
    { label: 'Errors', value: execution.errorCount, alarm: execution.errorCount > 0 },
    {
      label: 'Missing required values',
      value: execution.missingRequiredValuesCount ?? 0,
      alarm: (execution.missingRequiredValuesCount ?? 0) > 0,
    },
    {
      label: 'Out of range',
      value: execution.numericErrorCount ?? 0,
      alarm: (execution.numericErrorCount ?? 0) > 0,
    },
    {
      label: 'Lateness',
      value: minutes(execution.latenessInMillis),
      alarm: (execution.latenessInMillis ?? 0) > 0,
    },
    { label: 'Time taken', value: minutes(execution.totalExecutedTimeInMillis) },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {figures.map((figure) => (
        <Paper key={figure.label} withBorder radius="md" p="sm">
          <Text size="xs" c="dimmed">
            {figure.label}
          </Text>
          <Text
            fw={600}
            c={figure.alarm ? 'red' : undefined}
            data-testid={`result-${figure.label}`}
          >
            {figure.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function IntegrityResult({
  integrity,
  timeZone,
}: {
  integrity: UseQueryResult<ChainVerification>;
  timeZone: string;
}) {
  if (integrity.isPending) return <LoadingState label="Verifying the event log…" />;
  if (integrity.isError)
    return (
      <ErrorState
        error={integrity.error}
        title="The event log could not be verified"
        onRetry={() => void integrity.refetch()}
      />
    );
  const result = integrity.data;
  if (result.eventCount === 0)
    return (
      <Text size="sm" c="dimmed" mb="sm" data-testid="integrity-result">
        Nothing has been recorded yet.
      </Text>
    );
  return result.valid ? (
    <Alert
      color="teal"
      variant="light"
      icon={<IconShieldCheck />}
      title="Event log intact"
      mb="sm"
      data-testid="integrity-result"
    >
      All {result.eventCount} events verify: none was changed, removed or reordered since it was
      recorded. Checked {formatInstant(result.verifiedAt, timeZone)}{' '}
      {zoneAbbreviation(result.verifiedAt, timeZone)}.
    </Alert>
  ) : (
    <Alert
      color="red"
      variant="filled"
      icon={<IconAlertCircle />}
      title="Event log altered"
      mb="sm"
      role="alert"
      data-testid="integrity-result"
    >
      Event #{result.firstInvalidSequence} and every event after it no longer match what was
      recorded: the stored log was changed after the fact.
    </Alert>
  );
}

/** Every photo of the execution's actions, in step and action order, for the lightbox. */
function photosOf(execution: Execution): Photo[] {
  return execution.steps.flatMap((step) =>
    step.actions.flatMap((action) =>
      (action.mediaValueIds ?? []).map((mediaId, index, all) => ({
        mediaId,
        caption: `${step.name} · ${action.name}${all.length > 1 ? ` (${index + 1} of ${all.length})` : ''}`,
      })),
    ),
  );
}

/** GPS check-ins where they were made, and the execution's points where they are planned. */
function markersOf(
  execution: Execution,
  events: readonly ExecutionEvent[],
  pointsById: ReadonlyMap<string, Point>,
): MapMarker[] {
  const stepNames = new Map(execution.steps.map((step) => [step.id, step.name]));
  const checkIns = events.flatMap((event): MapMarker[] => {
    const payload = payloadOf(event);
    if (event.type !== 'CHECKED_IN' || !payload.position) return [];
    return [
      {
        latitude: payload.position.latitude,
        longitude: payload.position.longitude,
        radiusMeters: payload.position.accuracyInMeters,
        label: `Check-in: ${stepNames.get(payload.stepId ?? '') ?? 'step'}`,
        kind: 'check-in',
      },
    ];
  });
  const planned = [...new Set(execution.steps.map((step) => step.pointId))].flatMap(
    (pointId): MapMarker[] => {
      const point = pointsById.get(pointId);
      if (!point || point.latitude === null || point.longitude === null) return [];
      return [
        {
          latitude: point.latitude,
          longitude: point.longitude,
          radiusMeters: point.radiusMeters,
          label: `Point: ${point.name}`,
          kind: 'point',
        },
      ];
    },
  );
  return [...planned, ...checkIns];
}
