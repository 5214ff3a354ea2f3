import { Alert, Anchor, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Schemas } from '@openpatrol/api-client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { describeError, unwrap } from '../api/problem.js';
import { IconAlertCircle, IconArrowLeft, IconBan } from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { isNotFound } from '../locations/locations.queries.js';
import { STATE_LABELS } from '../schedule/execution-labels.js';
import {
  allLocationsQueryOptions,
  allUsersQueryOptions,
  taskExecutionsQueryKey,
  type Location,
  type User,
} from '../schedule/schedule.queries.js';
import { formatAtLocation, today, wallTimeOf } from '../schedule/zoned-time.js';
import { ScopeDialog, type Scope } from './scope-dialog.js';
import { TaskForm } from './task-form.js';
import {
  emptyTaskValues,
  taskValuesOf,
  toTaskBody,
  type TaskExecution,
  type TaskFormValues,
} from './task-form-values.js';
import { executionPlanQueryOptions, executionQueryOptions } from './tasks.queries.js';

type UpdateBody = Schemas['UpdateTaskExecutionBody'];

const backToSchedule = (
  <Anchor component={Link} to="/schedule" size="sm" c="dimmed">
    <Group gap={4} wrap="nowrap">
      <IconArrowLeft size={14} />
      Schedule
    </Group>
  </Anchor>
);

/** After a save, the week that holds the (first) execution, where the change can be seen. */
function useShowInSchedule() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (execution: TaskExecution, timeZone: string) => {
    await queryClient.invalidateQueries({ queryKey: taskExecutionsQueryKey });
    await navigate({
      to: '/schedule',
      search: { view: 'week', date: wallTimeOf(execution.startAt, timeZone).date },
    });
  };
}

function usePlanningData() {
  const api = useApi();
  const locations = useQuery(allLocationsQueryOptions(api));
  const users = useQuery(allUsersQueryOptions(api));
  return { locations, users };
}

export function NewTaskPage() {
  const api = useApi();
  const navigate = useNavigate();
  const search = getRouteApi('/app/tasks/new').useSearch();
  const { locations, users } = usePlanningData();
  const showInSchedule = useShowInSchedule();

  if (locations.isPending || users.isPending) return <LoadingState label="Loading…" />;
  if (locations.isError)
    return <ErrorState error={locations.error} onRetry={() => void locations.refetch()} />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  const active = locations.data.filter((location) => !location.archived);
  if (active.length === 0)
    return (
      <EmptyState
        title="No location to plan at"
        description="A task happens at a location with its points. Add a location first."
        action={
          <Button component={Link} to="/locations">
            Locations
          </Button>
        }
      />
    );

  const locationId =
    active.find((location) => location.id === search.locationId)?.id ??
    (active.length === 1 ? active[0]!.id : null);

  const create = async (values: TaskFormValues, timeZone: string) => {
    const execution = await unwrap(
      api.POST('/task-executions', { body: toTaskBody(values, timeZone) }),
    );
    notifications.show({ color: 'green', message: `“${execution.name}” planned.` });
    await showInSchedule(execution, timeZone);
  };

  return (
    <>
      <PageHeader
        eyebrow={backToSchedule}
        title="New task"
        description="What to do, where and when: once or repeating, with the points to check in at and what to record at each."
      />
      <TaskForm
        initialValues={emptyTaskValues(search.date ?? today(), locationId)}
        locations={locations.data}
        users={users.data}
        submitLabel="Plan task"
        onSubmit={create}
        onCancel={() => void navigate({ to: '/schedule' })}
      />
    </>
  );
}

export function EditTaskPage() {
  const api = useApi();
  const { executionId } = getRouteApi('/app/executions/$executionId/edit').useParams();
  const execution = useQuery(executionQueryOptions(api, executionId));
  const plan = useQuery(executionPlanQueryOptions(api, executionId));
  const { locations, users } = usePlanningData();

  const pending = [execution, plan, locations, users].find((query) => query.isPending);
  if (pending) return <LoadingState label="Loading the task…" />;
  if (execution.isError)
    return isNotFound(execution.error) ? (
      <EmptyState
        title="This execution does not exist"
        description="It may belong to another organization or a location you do not see."
        action={
          <Button component={Link} to="/schedule">
            Schedule
          </Button>
        }
      />
    ) : (
      <ErrorState error={execution.error} onRetry={() => void execution.refetch()} />
    );
  const failed = [plan, locations, users].find((query) => query.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;

  return (
    <EditTask
      // A fresh form whenever the plan changed on the server (another tab, another planner).
      key={`${execution.data!.id}:${execution.data!.editedAt ?? ''}:${execution.data!.scheduledTaskHistoryId}`}
      execution={execution.data!}
      plan={plan.data}
      locations={locations.data!}
      users={users.data!}
    />
  );
}

/** The fields of the body that differ from what the execution has: one save, one new version. */
function changedFields(
  before: ReturnType<typeof toTaskBody>,
  after: ReturnType<typeof toTaskBody>,
) {
  const changes: UpdateBody = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (key === 'locationId') continue;
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key]))
      (changes as Record<string, unknown>)[key] = after[key];
  }
  return changes;
}

function EditTask({
  execution,
  plan,
  locations,
  users,
}: {
  execution: TaskExecution;
  plan: Schemas['ExecutionPlan'] | undefined;
  locations: readonly Location[];
  users: readonly User[];
}) {
  const api = useApi();
  const navigate = useNavigate();
  const showInSchedule = useShowInSchedule();
  const timeZone =
    locations.find((location) => location.id === execution.locationId)?.timeZone ?? 'UTC';
  const initialValues = taskValuesOf(execution, plan, timeZone);
  const isRecurring = execution.recurrence !== null;
  // Performed and canceled executions are records (the server answers 409); say so up front.
  const isRecord = execution.state !== 'PLANNED';

  const [dialog, setDialog] = useState<'save' | 'cancel' | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState<Partial<Record<Scope, string>>>({});
  // The save waiting for its scope: the form's submit resolves (or shows the problem) after it.
  const waiting = useRef<{
    changes: UpdateBody;
    resolve: () => void;
    reject: (error: unknown) => void;
  } | null>(null);

  const applyEdit = async (scope: Scope) => {
    const request = waiting.current;
    if (!request) return;
    setBusy(true);
    try {
      const saved = await unwrap(
        api.PATCH('/task-executions/{id}', {
          params: { path: { id: execution.id }, query: { scope } },
          body: request.changes,
        }),
      );
      waiting.current = null;
      setDialog(null);
      request.resolve();
      notifications.show({ color: 'green', message: `“${saved.name}” saved.` });
      await showInSchedule(saved, timeZone);
    } catch (error) {
      waiting.current = null;
      setDialog(null);
      request.reject(error);
    } finally {
      setBusy(false);
    }
  };

  const save = (values: TaskFormValues, zone: string) => {
    const changes = changedFields(toTaskBody(initialValues, zone), toTaskBody(values, zone));
    if (Object.keys(changes).length === 0) {
      notifications.show({ message: 'Nothing changed.' });
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      waiting.current = { changes, resolve, reject };
      const changesTask = 'steps' in changes || 'recurrence' in changes;
      const changesWindow = 'startAt' in changes || 'endAt' in changes;
      if (!isRecurring) {
        // One occurrence is the whole task: ALL changes its steps and window alike.
        void applyEdit('ALL');
        return;
      }
      setUnavailable({
        ...(changesTask
          ? {
              THIS: 'Steps and repetition belong to the task: change them from here on, or for all.',
            }
          : {}),
        ...(changesWindow
          ? {
              ALL: 'A new time applies from an occurrence on: choose this one, or this and following.',
            }
          : {}),
      });
      setDialogError(null);
      setDialog('save');
    });
  };

  const closeDialog = () => {
    waiting.current?.resolve();
    waiting.current = null;
    setDialog(null);
  };

  const cancelExecution = async (scope: Scope) => {
    setBusy(true);
    setDialogError(null);
    try {
      const canceled = await unwrap(
        api.DELETE('/task-executions/{id}', {
          params: { path: { id: execution.id }, query: { scope } },
        }),
      );
      setDialog(null);
      notifications.show({
        color: 'green',
        message:
          scope === 'THIS'
            ? `This occurrence of “${canceled.name}” is canceled.`
            : `“${canceled.name}” is canceled ${scope === 'ALL' ? 'entirely' : 'from this occurrence on'}.`,
      });
      await showInSchedule(canceled, timeZone);
    } catch (error) {
      setDialogError(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        eyebrow={backToSchedule}
        title={isRecord ? execution.name : `Edit “${execution.name}”`}
        description={`This occurrence: ${formatAtLocation(execution.startAt, timeZone)} at the location (${timeZone}).`}
        actions={
          <Button
            variant="default"
            onClick={() =>
              void navigate({
                to: '/executions/$executionId',
                params: { executionId: execution.id },
              })
            }
          >
            Open execution
          </Button>
        }
      />
      {isRecord && (
        <Alert
          color="yellow"
          icon={<IconAlertCircle />}
          mb="lg"
          title={`This execution is ${STATE_LABELS[execution.state].toLowerCase()}`}
          data-testid="not-editable"
        >
          {execution.state === 'CANCELED'
            ? 'Canceled executions stay as records and cannot be changed. Plan a new task instead.'
            : execution.state === 'IN_PROGRESS'
              ? 'It has begun: what is being recorded follows the plan it started with, which cannot change now.'
              : 'Performed executions are records and are never rewritten. Later occurrences can be edited from their own page.'}
        </Alert>
      )}
      <TaskForm
        initialValues={initialValues}
        locations={locations}
        users={users}
        isLocationFixed
        readOnly={isRecord}
        submitLabel="Save changes"
        onSubmit={save}
        onCancel={() => void navigate({ to: '/schedule' })}
        extraActions={
          !isRecord && (
            <Button
              color="red"
              variant="outline"
              leftSection={<IconBan size={16} />}
              onClick={() => {
                setDialogError(null);
                setUnavailable(
                  isRecurring
                    ? {}
                    : { FOLLOWING: 'The task does not repeat.', ALL: 'The task does not repeat.' },
                );
                setDialog('cancel');
              }}
            >
              {isRecurring ? 'Cancel occurrences…' : 'Cancel task…'}
            </Button>
          )
        }
      />
      <ScopeDialog
        key={dialog ?? 'closed'}
        opened={dialog !== null}
        title={dialog === 'cancel' ? 'Cancel which occurrences?' : 'Apply the changes to'}
        confirmLabel={dialog === 'cancel' ? 'Cancel occurrences' : 'Save'}
        danger={dialog === 'cancel'}
        unavailable={unavailable}
        pending={busy}
        error={dialogError}
        onConfirm={(scope) =>
          void (dialog === 'cancel' ? cancelExecution(scope) : applyEdit(scope))
        }
        onClose={closeDialog}
      />
    </>
  );
}
