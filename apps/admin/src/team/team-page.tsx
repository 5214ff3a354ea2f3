import {
  ActionIcon,
  Badge,
  Button,
  Center,
  CloseButton,
  Group,
  Menu,
  Modal,
  Paper,
  Switch,
  Tabs,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { unwrap } from '../api/problem.js';
import {
  IconArchive,
  IconDeviceMobile,
  IconDots,
  IconPencil,
  IconRestore,
  IconSearch,
  IconUserPlus,
  IconUsers,
} from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { useSignedIn } from '../session/session-hooks.js';
import {
  canManageDevices,
  canManageMembers,
  ROLE_LABELS,
  seesAllLocations,
  type Role,
} from '../session/session.js';
import { DevicesPanel } from './devices-panel.js';
import { ArchiveMemberDialog, useMemberArchiving } from './member-actions.js';
import { MemberForm, toCreateUserBody, type MemberFormValues } from './member-form.js';
import {
  matchesMemberSearch,
  memberListQueryOptions,
  memberName,
  membersQueryKey,
  visibleLocationsQueryOptions,
  type Member,
} from './team.queries.js';

const route = getRouteApi('/app/team');

export const ROLE_COLORS: Record<Role, string> = {
  OWNER: 'grape',
  ADMIN: 'indigo',
  MANAGER: 'blue',
  USER: 'teal',
  GUARD: 'orange',
};

/** Where the member stands: archived, waiting for their invitation to be accepted, or active. */
export function MemberStatus({ member }: { member: Member }) {
  if (member.archived)
    return (
      <Badge size="sm" color="gray" variant="light">
        Archived
      </Badge>
    );
  if (member.role !== 'GUARD' && !member.hasAccount)
    return (
      <Badge size="sm" color="yellow" variant="light">
        Invited
      </Badge>
    );
  return (
    <Badge size="sm" color="green" variant="light">
      Active
    </Badge>
  );
}

/**
 * The names of a member's locations that the viewer may see. A Manager's answer can name
 * locations outside their own: those stay unnamed rather than leak.
 */
export function memberLocationsText(
  member: Member,
  locationNames: ReadonlyMap<string, string>,
): string {
  if (seesAllLocations(member.role)) return 'All locations';
  const names = member.locationIds.flatMap((id) => {
    const name = locationNames.get(id);
    return name ? [name] : [];
  });
  return names.length === 0 ? 'None' : names.join(', ');
}

export function TeamPage() {
  const api = useApi();
  const navigate = useNavigate({ from: '/team' });
  const { search = '', archived = false, tab = 'members' } = route.useSearch();
  const { membership, session } = useSignedIn();
  const canManage = canManageMembers(membership.role);
  const canDevices = canManageDevices(membership.role);
  const { archive, restore } = useMemberArchiving();
  const [archiving, setArchiving] = useState<Member | null>(null);
  const [inviting, setInviting] = useState(false);

  const list = useInfiniteQuery(memberListQueryOptions(api, { includeArchived: archived }));
  const locations = useQuery(visibleLocationsQueryOptions(api));
  const locationNames = useMemo(
    () => new Map((locations.data ?? []).map((location) => [location.id, location.name])),
    [locations.data],
  );
  const members = (list.data?.pages.flatMap((page) => page.members) ?? []).filter((member) =>
    matchesMemberSearch(member, search),
  );

  const setSearch = (value: string) =>
    void navigate({
      search: (previous) => ({ ...previous, search: value || undefined }),
      replace: true,
    });
  const inviteButton = canManage && (
    <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
      Invite member
    </Button>
  );

  const membersList = (
    <>
      <Group mb="md" gap="md" wrap="wrap">
        <TextInput
          aria-label="Search members"
          placeholder="Search by name, e-mail or member number"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          rightSection={
            search && (
              <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} />
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
        <LoadingState label="Loading members…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : members.length === 0 ? (
        <Paper withBorder radius="md">
          {search ? (
            <EmptyState
              icon={<IconSearch size={28} />}
              title={`No member matches “${search}”`}
              description={
                archived
                  ? undefined
                  : 'Archived members are hidden; switch them on to search them too.'
              }
              action={
                <Button variant="default" onClick={() => setSearch('')}>
                  Clear search
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<IconUsers size={28} />}
              title="No members yet"
              description={
                canManage
                  ? 'Invite the people who plan and perform the work.'
                  : 'The members who share a location with you appear here.'
              }
              action={inviteButton}
            />
          )}
        </Paper>
      ) : (
        <>
          <DataTable<Member>
            aria-label="Members"
            withTableBorder
            borderRadius="md"
            verticalSpacing="sm"
            highlightOnHover
            fetching={list.isFetching && !list.isFetchingNextPage}
            records={members}
            idAccessor="id"
            onRowClick={({ record }) =>
              void navigate({ to: '/team/$memberId', params: { memberId: record.id } })
            }
            rowStyle={(member) => (member.archived ? { opacity: 0.65 } : undefined)}
            columns={[
              {
                accessor: 'name',
                title: 'Name',
                render: (member) => (
                  <div>
                    <Text size="sm" fw={500}>
                      {memberName(member)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {member.email ?? (member.memberNumber ? `No. ${member.memberNumber}` : '')}
                    </Text>
                  </div>
                ),
              },
              {
                accessor: 'role',
                title: 'Role',
                render: (member) => (
                  <Badge variant="light" color={ROLE_COLORS[member.role]}>
                    {ROLE_LABELS[member.role]}
                  </Badge>
                ),
              },
              {
                accessor: 'locationIds',
                title: 'Locations',
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
                render: (member) => (
                  <Text size="sm" lineClamp={2} maw={360}>
                    {memberLocationsText(member, locationNames)}
                  </Text>
                ),
              },
              {
                accessor: 'status',
                title: 'Status',
                render: (member) => <MemberStatus member={member} />,
              },
              {
                accessor: 'actions',
                title: <VisuallyHidden>Actions</VisuallyHidden>,
                textAlign: 'right',
                width: 56,
                render: (member) =>
                  canManage &&
                  member.role !== 'OWNER' && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Actions for ${memberName(member)}`}
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
                              to: '/team/$memberId',
                              params: { memberId: member.id },
                            })
                          }
                        >
                          Edit
                        </Menu.Item>
                        {member.archived ? (
                          <Menu.Item
                            leftSection={<IconRestore size={16} />}
                            onClick={() => restore.mutate(member.id)}
                          >
                            Restore
                          </Menu.Item>
                        ) : (
                          // Leaving is the Profile page's; archiving oneself here would lock one out.
                          member.id !== session.memberId && (
                            <Menu.Item
                              color="red"
                              leftSection={<IconArchive size={16} />}
                              onClick={() => setArchiving(member)}
                            >
                              Archive
                            </Menu.Item>
                          )
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
    </>
  );

  return (
    <>
      <PageHeader
        title="Team"
        description="The people of your organization, their roles and the locations they work at."
        actions={tab === 'members' && inviteButton}
      />
      {canDevices ? (
        <Tabs
          value={tab}
          onChange={(value) =>
            void navigate({
              search: (previous) => ({
                ...previous,
                tab: value === 'devices' ? 'devices' : undefined,
              }),
              replace: true,
            })
          }
          keepMounted={false}
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="members" leftSection={<IconUsers size={16} />}>
              Members
            </Tabs.Tab>
            <Tabs.Tab value="devices" leftSection={<IconDeviceMobile size={16} />}>
              Shared devices
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="members">{membersList}</Tabs.Panel>
          <Tabs.Panel value="devices">
            <DevicesPanel />
          </Tabs.Panel>
        </Tabs>
      ) : (
        membersList
      )}

      <ArchiveMemberDialog
        member={archiving}
        pending={archive.isPending}
        onClose={() => setArchiving(null)}
        onConfirm={(member) => archive.mutate(member.id, { onSuccess: () => setArchiving(null) })}
      />
      <InviteMemberDialog
        opened={inviting}
        locations={locations.data ?? []}
        onClose={() => setInviting(false)}
      />
    </>
  );
}

function InviteMemberDialog({
  opened,
  locations,
  onClose,
}: {
  opened: boolean;
  locations: readonly { id: string; name: string }[];
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const invite = async (values: MemberFormValues) => {
    const member = await unwrap(api.POST('/users', { body: toCreateUserBody(values) }));
    await queryClient.invalidateQueries({ queryKey: membersQueryKey });
    notifications.show({
      color: 'green',
      message: member.email
        ? `${memberName(member)} is invited: the e-mail is on its way to ${member.email}.`
        : `${memberName(member)} can now sign in on an authorized device.`,
    });
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Invite member" size="lg" centered>
      <MemberForm
        initialValues={{
          firstName: '',
          lastName: '',
          email: '',
          phone: '',
          role: 'MANAGER',
          locationIds: [],
          memberNumber: '',
          pin: '',
        }}
        isNew
        locations={locations}
        submitLabel={(role) => (role === 'GUARD' ? 'Add guard' : 'Send invitation')}
        onSubmit={invite}
        onCancel={onClose}
      />
    </Modal>
  );
}
