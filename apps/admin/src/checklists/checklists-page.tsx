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
  IconListCheck,
  IconPencil,
  IconPlus,
  IconRestore,
  IconSearch,
} from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canEditChecklists } from '../session/session.js';
import { ACTION_TYPES } from './action-builder.js';
import { ArchiveChecklistDialog, useChecklistArchiving } from './checklist-actions.js';
import { checklistListQueryOptions, type Checklist } from './checklists.queries.js';

const route = getRouteApi('/app/checklists');
const TYPE_LABELS = new Map(ACTION_TYPES.map((type) => [type.value, type.label]));

/** "3 actions: Yes / no, Number, Photo". */
function summarizeActions(checklist: Checklist): string {
  const types = [...new Set(checklist.actions.map((action) => TYPE_LABELS.get(action.type)))];
  const count = checklist.actions.length;
  return `${count} action${count === 1 ? '' : 's'}: ${types.join(', ')}`;
}

export function ChecklistsPage() {
  const api = useApi();
  const navigate = useNavigate({ from: '/checklists' });
  const { search = '', archived = false } = route.useSearch();
  const { membership } = useSignedIn();
  const canEdit = canEditChecklists(membership.role);
  const { archive, restore } = useChecklistArchiving();
  const [archiving, setArchiving] = useState<Checklist | null>(null);

  const [searchText, setSearchText] = useState(search);
  const applySearch = useDebouncedCallback((value: string) => {
    void navigate({
      search: (previous) => ({ ...previous, search: value.trim() || undefined }),
      replace: true,
    });
  }, 250);

  const list = useInfiniteQuery(
    checklistListQueryOptions(api, { search, includeArchived: archived }),
  );
  const checklists = list.data?.pages.flatMap((page) => page.checklists) ?? [];
  const newButton = canEdit && (
    <Button component={Link} to="/checklists/new" leftSection={<IconPlus size={16} />}>
      New checklist
    </Button>
  );
  const clearSearch = () => {
    setSearchText('');
    applySearch('');
  };

  return (
    <>
      <PageHeader
        title="Checklists"
        description="Reusable lists of actions: a task step copies one instead of building its actions from scratch."
        actions={newButton}
      />
      <Group mb="md" gap="md" wrap="wrap">
        <TextInput
          aria-label="Search checklists"
          placeholder="Search by name"
          leftSection={<IconSearch size={16} />}
          value={searchText}
          onChange={(event) => {
            setSearchText(event.currentTarget.value);
            applySearch(event.currentTarget.value);
          }}
          rightSection={
            searchText && <CloseButton size="sm" aria-label="Clear search" onClick={clearSearch} />
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
        <LoadingState label="Loading checklists…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : checklists.length === 0 ? (
        <Paper withBorder radius="md">
          {search ? (
            <EmptyState
              icon={<IconSearch size={28} />}
              title={`No checklist matches “${search}”`}
              action={
                <Button variant="default" onClick={clearSearch}>
                  Clear search
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<IconListCheck size={28} />}
              title="No checklists yet"
              description={
                canEdit
                  ? 'Build the checks your teams repeat: a fire-door round, a cleaning standard, an audit.'
                  : 'Owners and Admins build the checklist library.'
              }
              action={newButton}
            />
          )}
        </Paper>
      ) : (
        <>
          <DataTable<Checklist>
            aria-label="Checklists"
            withTableBorder
            borderRadius="md"
            verticalSpacing="sm"
            highlightOnHover
            fetching={list.isFetching && !list.isFetchingNextPage}
            records={checklists}
            idAccessor="id"
            onRowClick={({ record }) =>
              void navigate({
                to: '/checklists/$checklistId',
                params: { checklistId: record.id },
              })
            }
            rowStyle={(checklist) => (checklist.archived ? { opacity: 0.65 } : undefined)}
            columns={[
              {
                accessor: 'name',
                title: 'Name',
                render: (checklist) => (
                  <div>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {checklist.name}
                      </Text>
                      {checklist.archived && (
                        <Badge size="xs" color="gray" variant="light">
                          Archived
                        </Badge>
                      )}
                    </Group>
                    {checklist.description && (
                      <Text size="xs" c="dimmed" lineClamp={1} maw={420}>
                        {checklist.description}
                      </Text>
                    )}
                  </div>
                ),
              },
              {
                accessor: 'actions',
                title: 'Actions',
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
                render: (checklist) => <Text size="sm">{summarizeActions(checklist)}</Text>,
              },
              {
                accessor: 'updatedAt',
                title: 'Updated',
                noWrap: true,
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
                render: (checklist) => <InstantText value={checklist.updatedAt} relative />,
              },
              {
                accessor: 'menu',
                title: <VisuallyHidden>Actions</VisuallyHidden>,
                textAlign: 'right',
                width: 56,
                render: (checklist) =>
                  canEdit && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Actions for ${checklist.name}`}
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
                              to: '/checklists/$checklistId',
                              params: { checklistId: checklist.id },
                            })
                          }
                        >
                          Edit
                        </Menu.Item>
                        {checklist.archived ? (
                          <Menu.Item
                            leftSection={<IconRestore size={16} />}
                            onClick={() => restore.mutate(checklist.id)}
                          >
                            Restore
                          </Menu.Item>
                        ) : (
                          <Menu.Item
                            color="red"
                            leftSection={<IconArchive size={16} />}
                            onClick={() => setArchiving(checklist)}
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

      <ArchiveChecklistDialog
        checklist={archiving}
        pending={archive.isPending}
        onClose={() => setArchiving(null)}
        onConfirm={(checklist) =>
          archive.mutate(checklist, { onSuccess: () => setArchiving(null) })
        }
      />
    </>
  );
}
