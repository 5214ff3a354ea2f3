import { Alert, Anchor, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { unwrap } from '../api/problem.js';
import { browserTimeZone } from '../components/date-time.js';
import { IconArchive, IconArrowLeft, IconRestore } from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { PointsPanel } from '../points/points-panel.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canCreateLocations, canEditLocations } from '../session/session.js';
import { ArchiveLocationDialog, useLocationArchiving } from './location-actions.js';
import {
  LocationForm,
  locationFormValues,
  toLocationBody,
  type LocationFormValues,
} from './location-form.js';
import {
  isNotFound,
  locationQueryOptions,
  locationsQueryKey,
  type Location,
} from './locations.queries.js';

const backToLocations = (
  <Anchor component={Link} to="/locations" size="sm" c="dimmed">
    <Group gap={4} wrap="nowrap">
      <IconArrowLeft size={14} />
      Locations
    </Group>
  </Anchor>
);

export function NewLocationPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { membership } = useSignedIn();

  if (!canCreateLocations(membership.role))
    return (
      <EmptyState
        title="Only the Owner adds locations"
        description="Ask your organization’s Owner to add the location; Admins can then edit it."
      />
    );

  const create = async (values: LocationFormValues) => {
    const location = await unwrap(api.POST('/locations', { body: toLocationBody(values) }));
    await queryClient.invalidateQueries({ queryKey: locationsQueryKey });
    notifications.show({ color: 'green', message: `“${location.name}” created.` });
    await navigate({ to: '/locations' });
  };

  return (
    <>
      <PageHeader
        eyebrow={backToLocations}
        title="New location"
        description="A site where your team works: a client building, a branch, a district."
      />
      <LocationForm
        initialValues={{
          name: '',
          timeZone: browserTimeZone(),
          address: '',
          description: '',
          latitude: '',
          longitude: '',
        }}
        submitLabel="Create location"
        onSubmit={create}
        onCancel={() => void navigate({ to: '/locations' })}
      />
    </>
  );
}

const locationRoute = getRouteApi('/app/locations/$locationId');

export function EditLocationPage() {
  const api = useApi();
  const { locationId } = locationRoute.useParams();
  const location = useQuery(locationQueryOptions(api, locationId));

  if (location.isPending) return <LoadingState label="Loading the location…" />;
  if (location.isError)
    return isNotFound(location.error) ? (
      <EmptyState
        title="This location does not exist"
        description="It may belong to another organization, or the link is mistyped."
        action={
          <Button component={Link} to="/locations">
            All locations
          </Button>
        }
      />
    ) : (
      <ErrorState error={location.error} onRetry={() => void location.refetch()} />
    );
  // Keyed by version: after a save or restore the form starts again from what the server has.
  return <EditLocation key={location.data.historyId} location={location.data} />;
}

function EditLocation({ location }: { location: Location }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { membership } = useSignedIn();
  const canEdit = canEditLocations(membership.role);
  const { archive, restore } = useLocationArchiving();
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  const initialValues = locationFormValues(location);

  const save = async (values: LocationFormValues) => {
    // Only what changed is sent: each save becomes one new version of the location.
    const before = toLocationBody(initialValues);
    const after = toLocationBody(values);
    const changes = Object.fromEntries(
      Object.entries(after).filter(([key, value]) => before[key as keyof typeof before] !== value),
    );
    if (Object.keys(changes).length > 0) {
      const saved = await unwrap(
        api.PATCH('/locations/{id}', { params: { path: { id: location.id } }, body: changes }),
      );
      queryClient.setQueryData(locationQueryOptions(api, location.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: locationsQueryKey });
      notifications.show({ color: 'green', message: `“${saved.name}” saved.` });
    }
    await navigate({ to: '/locations' });
  };

  return (
    <>
      <PageHeader
        eyebrow={backToLocations}
        title={location.name}
        description={location.address ?? undefined}
        actions={
          canEdit &&
          (location.archived ? (
            <Button
              variant="default"
              leftSection={<IconRestore size={16} />}
              loading={restore.isPending}
              onClick={() => restore.mutate(location.id)}
            >
              Restore
            </Button>
          ) : (
            <Button
              variant="default"
              color="red"
              leftSection={<IconArchive size={16} />}
              onClick={() => setConfirmingArchive(true)}
            >
              Archive
            </Button>
          ))
        }
      />
      <LocationForm
        initialValues={initialValues}
        submitLabel="Save changes"
        readOnly={!canEdit || location.archived}
        onSubmit={save}
        onCancel={() => void navigate({ to: '/locations' })}
      >
        {location.archived && (
          <Alert color="gray" icon={<IconArchive />} title="This location is archived">
            It is hidden from planning. Restore it to plan tasks here or to edit it again.
          </Alert>
        )}
      </LocationForm>
      <PointsPanel location={location} />
      <ArchiveLocationDialog
        location={confirmingArchive ? location : null}
        pending={archive.isPending}
        onClose={() => setConfirmingArchive(false)}
        onConfirm={(target) =>
          archive.mutate(target.id, {
            onSuccess: (archived) => {
              setConfirmingArchive(false);
              queryClient.setQueryData(locationQueryOptions(api, archived.id).queryKey, archived);
            },
          })
        }
      />
    </>
  );
}
