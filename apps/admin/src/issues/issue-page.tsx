import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useApi } from '../api/admin-api.js';
import { describeActorId, useLocationDirectory, useMemberDirectory } from '../api/directories.js';
import { applyProblemToForm, describeError, ProblemError, unwrap } from '../api/problem.js';
import { IconAlertCircle, IconArrowLeft } from '../components/icons.js';
import { IconMessage } from '../components/integration-icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { ZonedTime } from '../components/zoned-time.js';
import {
  CATEGORY_LABELS,
  ISSUE_CATEGORIES,
  ISSUE_SEVERITIES,
  NEXT_STATUSES,
  SEVERITY_COLORS,
  SEVERITY_LABELS,
  STATUS_ACTIONS,
  STATUS_COLORS,
  STATUS_LABELS,
  isReopening,
  type IssueCategory,
  type IssueDetails,
  type IssueSeverity,
  type IssueStatus,
} from './issue-labels.js';
import { IssuePhotos } from './issue-photos.js';
import { issueQueryOptions, issuesQueryKey } from './issues.queries.js';

const route = getRouteApi('/app/issues/$issueId');

/** One issue: what was reported, where, with photos; its conversation; and its status. */
export function IssuePage() {
  const api = useApi();
  const { issueId } = route.useParams();
  const issue = useQuery(issueQueryOptions(api, issueId));
  const backLink = (
    <Anchor component={Link} to="/issues" size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        Issues
      </Group>
    </Anchor>
  );

  if (issue.isPending) return <LoadingState label="Loading the issue…" />;
  if (issue.isError)
    return issue.error instanceof ProblemError && issue.error.status === 404 ? (
      <EmptyState
        title="This issue does not exist"
        description="It may be at a location you do not see, or the address is mistyped."
        action={backLink}
      />
    ) : (
      <ErrorState error={issue.error} onRetry={() => void issue.refetch()} />
    );
  return <IssueDetailsView issue={issue.data} backLink={backLink} />;
}

function IssueDetailsView({ issue, backLink }: { issue: IssueDetails; backLink: ReactNode }) {
  const locations = useLocationDirectory();
  const members = useMemberDirectory();
  const location = locations.data?.get(issue.locationId);
  const timeZone = location?.timeZone;

  return (
    <>
      <PageHeader
        eyebrow={backLink}
        title={`#${issue.number} ${issue.title}`}
        description={
          <Group gap="xs" component="span">
            <Badge color={STATUS_COLORS[issue.status]} variant="dot" data-testid="issue-status">
              {STATUS_LABELS[issue.status]}
            </Badge>
            <Badge color={SEVERITY_COLORS[issue.severity]} variant="light">
              {SEVERITY_LABELS[issue.severity]}
            </Badge>
            <Badge color="gray" variant="light">
              {CATEGORY_LABELS[issue.category]}
            </Badge>
          </Group>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <Stack gap="lg" style={{ gridColumn: 'span 2' }}>
          <Paper withBorder radius="md" p="lg">
            <Title order={2} fz="md" mb="xs">
              Report
            </Title>
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap' }}
              c={issue.description ? undefined : 'dimmed'}
            >
              {issue.description ?? 'No description was given.'}
            </Text>
            {issue.mediaIds.length > 0 && <IssuePhotos mediaIds={issue.mediaIds} />}
          </Paper>
          <Paper withBorder radius="md" p="lg">
            <Title order={2} fz="md" mb="md">
              Activity
            </Title>
            <IssueActivity issue={issue} timeZone={timeZone} />
            <CommentForm issueId={issue.id} />
          </Paper>
        </Stack>
        <Stack gap="lg">
          <StatusCard issue={issue} />
          <Paper withBorder radius="md" p="lg">
            <Title order={2} fz="md" mb="sm">
              Details
            </Title>
            <Stack gap="sm">
              <Fact label="Location">
                {location ? (
                  <Anchor
                    size="sm"
                    renderRoot={(props) => (
                      <Link
                        {...props}
                        to="/locations/$locationId"
                        params={{ locationId: location.id }}
                      />
                    )}
                  >
                    {location.name}
                  </Anchor>
                ) : (
                  '…'
                )}
              </Fact>
              {issue.pointId && <PointFact pointId={issue.pointId} />}
              {issue.taskExecutionId && (
                <Fact label="Reported during">
                  <Anchor
                    size="sm"
                    renderRoot={(props) => (
                      <Link
                        {...props}
                        to="/executions/$executionId"
                        params={{ executionId: issue.taskExecutionId }}
                      />
                    )}
                  >
                    its task execution
                  </Anchor>
                </Fact>
              )}
              <Fact label="Reported by">
                {issue.reportedByTokenId
                  ? 'An API token'
                  : describeActorId(issue.reportedByMemberId, members.data)}
              </Fact>
              <Fact label="Occurred (device clock)">
                <ZonedTime value={issue.occurredAt} timeZone={timeZone} />
              </Fact>
              <Fact label="Received">
                <ZonedTime value={issue.createdAt} timeZone={timeZone} />
              </Fact>
              {issue.acknowledgedAt && (
                <Fact
                  label={`Acknowledged by ${describeActorId(issue.acknowledgedBy, members.data)}`}
                >
                  <ZonedTime value={issue.acknowledgedAt} timeZone={timeZone} />
                </Fact>
              )}
              {issue.resolvedAt && (
                <Fact label={`Resolved by ${describeActorId(issue.resolvedBy, members.data)}`}>
                  <ZonedTime value={issue.resolvedAt} timeZone={timeZone} />
                </Fact>
              )}
              <Fact label="Position">
                {issue.position ? (
                  <>
                    {issue.position.latitude.toFixed(6)}, {issue.position.longitude.toFixed(6)}
                    {issue.position.accuracyInMeters !== null &&
                      ` (±${Math.round(issue.position.accuracyInMeters)} m)`}
                    <br />
                    <Anchor
                      href={`https://www.openstreetmap.org/?mlat=${issue.position.latitude}&mlon=${issue.position.longitude}#map=18/${issue.position.latitude}/${issue.position.longitude}`}
                      target="_blank"
                      rel="noopener noreferrer"
                      size="sm"
                    >
                      Open on a map
                    </Anchor>
                  </>
                ) : (
                  <Text span size="sm" c="dimmed">
                    The device sent no position.
                  </Text>
                )}
              </Fact>
            </Stack>
          </Paper>
        </Stack>
      </SimpleGrid>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function PointFact({ pointId }: { pointId: string }) {
  const api = useApi();
  const point = useQuery({
    queryKey: ['points', 'detail', pointId],
    queryFn: () => unwrap(api.GET('/points/{id}', { params: { path: { id: pointId } } })),
  });
  return <Fact label="Point">{point.data?.name ?? (point.isError ? 'A removed point' : '…')}</Fact>;
}

/** The conversation, oldest first: status changes stand out from plain comments. */
function IssueActivity({ issue, timeZone }: { issue: IssueDetails; timeZone: string | undefined }) {
  const members = useMemberDirectory();
  if (issue.comments.length === 0)
    return (
      <Text size="sm" c="dimmed" mb="md">
        No comments yet.
      </Text>
    );
  return (
    <Timeline bulletSize={22} lineWidth={2} mb="lg" aria-label="Activity">
      {issue.comments.map((comment) => (
        <Timeline.Item
          key={comment.id}
          bullet={<IconMessage size={12} />}
          color={comment.statusChange ? STATUS_COLORS[comment.statusChange] : 'gray'}
          title={
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {comment.authorTokenId
                  ? 'An API token'
                  : describeActorId(comment.authorMemberId, members.data)}
              </Text>
              {comment.statusChange && (
                <Badge size="sm" color={STATUS_COLORS[comment.statusChange]} variant="light">
                  → {STATUS_LABELS[comment.statusChange]}
                </Badge>
              )}
            </Group>
          }
        >
          {comment.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {comment.body}
            </Text>
          )}
          <ZonedTime value={comment.createdAt} timeZone={timeZone} size="xs" c="dimmed" />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function useIssueUpdate(issueId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return {
    onSuccess: async (updated: IssueDetails) => {
      queryClient.setQueryData(issueQueryOptions(api, issueId).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: [...issuesQueryKey, 'list'] });
    },
  };
}

/** Moves the issue on, with a comment; only the moves the server allows are offered. */
function StatusCard({ issue }: { issue: IssueDetails }) {
  const api = useApi();
  const { onSuccess } = useIssueUpdate(issue.id);
  const next = NEXT_STATUSES[issue.status];
  const [message, setMessage] = useState<string | null>(null);
  // Another person may have moved the issue meanwhile: fall back to a move still allowed.
  const targetOf = (status: IssueStatus): IssueStatus =>
    next.includes(status) ? status : (next[0] as IssueStatus);
  const form = useForm({
    initialValues: { status: next[0] as IssueStatus, comment: '' },
    validate: {
      comment: (value, values) =>
        isReopening(issue.status, targetOf(values.status)) && value.trim() === ''
          ? 'Say why the issue is reopened'
          : null,
    },
  });
  const chosen = targetOf(form.values.status);
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.PATCH('/issues/{id}', {
          params: { path: { id: issue.id } },
          body: {
            status: targetOf(values.status),
            ...(values.comment.trim() ? { comment: values.comment.trim() } : {}),
          },
        }),
      ),
    onMutate: () => setMessage(null),
    onSuccess: async (updated) => {
      await onSuccess(updated);
      const target = NEXT_STATUSES[updated.status][0];
      form.setValues({ status: target, comment: '' });
      notifications.show({
        color: 'green',
        message: `#${updated.number} is ${STATUS_LABELS[updated.status].toLowerCase()}.`,
      });
    },
    onError: (error) => setMessage(applyProblemToForm(form, error)),
  });
  const update = useMutation({
    mutationFn: (body: { severity?: IssueSeverity; category?: IssueCategory }) =>
      unwrap(api.PATCH('/issues/{id}', { params: { path: { id: issue.id } }, body })),
    onSuccess,
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) }),
  });

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="md" mb="sm">
        Status
      </Title>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack gap="sm">
          {message && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {message}
            </Alert>
          )}
          <Radio.Group label="Change to" {...form.getInputProps('status')} value={chosen}>
            <Group gap="md" mt={6}>
              {next.map((status) => (
                <Radio
                  key={status}
                  value={status}
                  label={`${STATUS_ACTIONS[status]} (${STATUS_LABELS[status].toLowerCase()})`}
                />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label="Comment"
            description={
              isReopening(issue.status, chosen)
                ? 'Required: say why it needs work again.'
                : 'Optional: what was done, who is on it.'
            }
            autosize
            minRows={2}
            maxLength={10_000}
            {...form.getInputProps('comment')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {STATUS_ACTIONS[chosen]}
            </Button>
          </Group>
        </Stack>
      </form>
      <Group grow mt="lg" gap="sm">
        <Select
          label="Severity"
          data={ISSUE_SEVERITIES.map((value) => ({ value, label: SEVERITY_LABELS[value] }))}
          value={issue.severity}
          allowDeselect={false}
          disabled={update.isPending}
          onChange={(value) => value && update.mutate({ severity: value })}
        />
        <Select
          label="Category"
          data={ISSUE_CATEGORIES.map((value) => ({ value, label: CATEGORY_LABELS[value] }))}
          value={issue.category}
          allowDeselect={false}
          disabled={update.isPending}
          onChange={(value) => value && update.mutate({ category: value })}
        />
      </Group>
    </Paper>
  );
}

function CommentForm({ issueId }: { issueId: string }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (value) => (value.trim() === '' ? 'Write a comment first' : null) },
  });
  const comment = useMutation({
    mutationFn: (body: string) =>
      unwrap(
        api.POST('/issues/{id}/comments', { params: { path: { id: issueId } }, body: { body } }),
      ),
    onMutate: () => setMessage(null),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: issuesQueryKey });
    },
    onError: (error) => setMessage(applyProblemToForm(form, error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => comment.mutate(values.body.trim()))} noValidate>
      <Stack gap="sm">
        {message && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {message}
          </Alert>
        )}
        <Textarea
          label="Add a comment"
          placeholder="Contractor booked for tomorrow 09:00."
          autosize
          minRows={2}
          maxLength={10_000}
          {...form.getInputProps('body')}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={comment.isPending}>
            Comment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
