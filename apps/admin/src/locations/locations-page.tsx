import 'mantine-datatable/styles.css';
import {
  ActionIcon,
  Badge,
  Button,
  Center,
  CloseButton,
  Group,
  Menu,
  Paper,
  Switch,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { InstantText } from '../components/date-time.js';
import {
  IconArchive,
  IconDots,
  IconMapPin,
  IconPencil,
  IconPlus,
  IconRestore,
  IconSearch,
} from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { currentUtcOffset } from '../components/time-zone-select.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canCreateLocations, canEditLocations } from '../session/session.js';
import { ArchiveLocationDialog, useLocationArchiving } from './location-actions.js';
import { locationListQueryOptions, type Location } from './locations.queries.js';

const route = getRouteApi('/app/locations');

export function LocationsPage() {
  const api = useApi();
  const navigate = useNavigate({ from: '/locations' });
  const { search = '', archived = false } = route.useSearch();
  const { membership } = useSignedIn();
  const canCreate = canCreateLocations(membership.role);
  const canEdit = canEditLocations(membership.role);
  const { archive, restore } = useLocationArchiving();
  const [archiving, setArchiving] = useState<Location | null>(null);

  // The search box answers as one types; the address (shareable, survives reload) follows.
  const [searchText, setSearchText] = useState(search);
  const applySearch = useDebouncedCallback((value: string) => {
    void navigate({
      search: (previous) => ({ ...previous, search: value.trim() || undefined }),
      replace: true,
    });
  }, 250);

  const list = useInfiniteQuery(
    locationListQueryOptions(api, { search, includeArchived: archived }),
  );
  const locations = list.data?.pages.flatMap((page) => page.locations) ?? [];
  const newLocationButton = canCreate && (
    <Button component={Link} to="/locations/new" leftSection={<IconPlus size={16} />}>
      New location
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Locations"
        description="The sites your teams work at. Each has its own time zone: tasks keep their local time there across daylight-saving changes."
        actions={newLocationButton}
      />

      <Group mb="md" gap="md" wrap="wrap">
        <TextInput
          aria-label="Search locations"
          placeholder="Search by name"
          leftSection={<IconSearch size={16} />}
          value={searchText}
          onChange={(event) => {
            setSearchText(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          rightSection={
            searchText && (
              <CloseButton
                size="sm"
                aria-label="Clear search"
                onClick={() => {
                  setSearchText('');
                  applySearch('');
                }}
              />
            )
          }
          style={{ flex: '1 1 16rem', maxWidth: 420 }}
        />
        <Switch
          label="Show archived"
          checked={archived}
          onChange={(event) =>
            void navigate({
              search: (previous) => ({
                ...previous,
                archived: event.currentTarget.checked || undefined,
              }),
              replace: true,
            })
          }
        />
      </Group>

      {list.isPending ? (
        <LoadingState label="Loading locations…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : locations.length === 0 ? (
        <Paper withBorder radius="md">
          {search ? (
            <EmptyState
              icon={<IconSearch size={28} />}
              title={`No location matches “${search}”`}
              description={
                archived
                  ? undefined
                  : 'Archived locations are hidden; switch them on to search them too.'
              }
              action={
                <Button
                  variant="default"
                  onClick={() => {
                    setSearchText('');
                    applySearch('');
                  }}
                >
                  Clear search
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<IconMapPin size={28} />}
              title="No locations yet"
              description={
                canCreate
                  ? 'Add the first site your team works at. Points, checklists and tasks are planned per location.'
                  : 'Your organization’s Owner adds locations; the ones assigned to you appear here.'
              }
              action={newLocationButton}
            />
          )}
        </Paper>
      ) : (
        <>
          <DataTable<Location>
            aria-label="Locations"
            withTableBorder
            borderRadius="md"
            verticalSpacing="sm"
            highlightOnHover
            fetching={list.isFetching && !list.isFetchingNextPage}
            records={locations}
            idAccessor="id"
            onRowClick={({ record }) =>
              void navigate({ to: '/locations/$locationId', params: { locationId: record.id } })
            }
            rowStyle={(location) => (location.archived ? { opacity: 0.65 } : undefined)}
            columns={[
              {
                accessor: 'name',
                title: 'Name',
                render: (location) => (
                  <div>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {location.name}
                      </Text>
                      {location.archived && (
                        <Badge size="xs" color="gray" variant="light">
                          Archived
                        </Badge>
                      )}
                    </Group>
                    {location.description && (
                      <Text size="xs" c="dimmed" lineClamp={1} maw={360}>
                        {location.description}
                      </Text>
                    )}
                  </div>
                ),
              },
              {
                accessor: 'address',
                title: 'Address',
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
                render: (location) => (
                  <Text size="sm" c={location.address ? undefined : 'dimmed'} lineClamp={2}>
                    {location.address ?? '—'}
                  </Text>
                ),
              },
              {
                accessor: 'timeZone',
                title: 'Time zone',
                noWrap: true,
                render: (location) => (
                  <div>
                    <Text size="sm">{location.timeZone}</Text>
                    <Text size="xs" c="dimmed">
                      {currentUtcOffset(location.timeZone)}
                    </Text>
                  </div>
                ),
              },
              {
                accessor: 'updatedAt',
                title: 'Updated',
                noWrap: true,
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
                render: (location) => <InstantText value={location.updatedAt} relative />,
              },
              {
                accessor: 'actions',
                title: <VisuallyHidden>Actions</VisuallyHidden>,
                textAlign: 'right',
                width: 56,
                render: (location) =>
                  canEdit && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Actions for ${location.name}`}
                          onClick={(event) => event.stopPropagation()}
                        >
                          <IconDots size={18} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown onClick={(event) => event.stopPropagation()}>
                        <Menu.Item
                          leftSection={<IconPencil size={16} />}
                          onClick={() =>
                            void navigate({
                              to: '/locations/$locationId',
                              params: { locationId: location.id },
                            })
                          }
                        >
                          Edit
                        </Menu.Item>
                        {location.archived ? (
                          <Menu.Item
                            leftSection={<IconRestore size={16} />}
                            onClick={() => restore.mutate(location.id)}
                          >
                            Restore
                          </Menu.Item>
                        ) : (
                          <Menu.Item
                            color="red"
                            leftSection={<IconArchive size={16} />}
                            onClick={() => setArchiving(location)}
                          >
                            Archive
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  ),
              },
            ]}
          />
          {list.hasNextPage && (
            <Center mt="md">
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                Load more
              </Button>
            </Center>
          )}
        </>
      )}

      <ArchiveLocationDialog
        location={archiving}
        pending={archive.isPending}
        onClose={() => setArchiving(null)}
        onConfirm={(location) =>
          archive.mutate(location.id, { onSuccess: () => setArchiving(null) })
        }
      />
    </>
  );
}
