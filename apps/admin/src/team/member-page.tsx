import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { unwrap } from '../api/problem.js';
import { InstantText } from '../components/date-time.js';
import {
  IconArchive,
  IconArrowLeft,
  IconCrown,
  IconLock,
  IconRestore,
} from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { isNotFound } from '../locations/locations.queries.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canManageMembers, canTransferOwnership, ROLE_LABELS } from '../session/session.js';
import {
  ArchiveMemberDialog,
  ResetPinDialog,
  TransferOwnershipDialog,
  useMemberArchiving,
} from './member-actions.js';
import { MemberForm, memberFormValues, type MemberFormValues } from './member-form.js';
import { MemberStatus, ROLE_COLORS, memberLocationsText } from './team-page.js';
import {
  memberHistoryQueryOptions,
  memberName,
  memberQueryOptions,
  membersQueryKey,
  visibleLocationsQueryOptions,
  type Member,
  type MemberVersion,
} from './team.queries.js';

const route = getRouteApi('/app/team/$memberId');

const backToTeam = (
  <Anchor component={Link} to="/team" size="sm" c="dimmed">
    <Group gap={4} wrap="nowrap">
      <IconArrowLeft size={14} />
      Team
    </Group>
  </Anchor>
);

export function MemberPage() {
  const api = useApi();
  const { memberId } = route.useParams();
  const member = useQuery(memberQueryOptions(api, memberId));

  if (member.isPending) return <LoadingState label="Loading the member…" />;
  if (member.isError)
    return isNotFound(member.error) ? (
      <EmptyState
        title="This member does not exist"
        description="They may belong to another organization or work at locations you do not see."
        action={
          <Button component={Link} to="/team">
            Team
          </Button>
        }
      />
    ) : (
      <ErrorState error={member.error} onRetry={() => void member.refetch()} />
    );
  // Keyed by version: after a save or restore the form starts again from what the server has.
  return <MemberDetails key={member.data.historyId} member={member.data} />;
}

const sameItems = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

function MemberDetails({ member }: { member: Member }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { membership, session } = useSignedIn();
  const canManage = canManageMembers(membership.role);
  const locations = useQuery(visibleLocationsQueryOptions(api));
  const locationNames = useMemo(
    () => new Map((locations.data ?? []).map((location) => [location.id, location.name])),
    [locations.data],
  );
  const { archive, restore } = useMemberArchiving();
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  const [resettingPin, setResettingPin] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const initialValues = memberFormValues(member);
  const isOwner = member.role === 'OWNER';
  const isSelf = session.memberId === member.id;
  const mayTransfer =
    canTransferOwnership(membership.role) &&
    session.person !== null &&
    !isSelf &&
    !member.archived &&
    member.hasAccount &&
    member.role !== 'GUARD';

  const save = async (values: MemberFormValues) => {
    // Only what changed is sent: each save becomes one new version of the member.
    const changes: Record<string, unknown> = {};
    const text = (value: string) => (value.trim() === '' ? null : value.trim());
    if (values.firstName.trim() !== member.firstName) changes.firstName = values.firstName.trim();
    if (values.lastName.trim() !== member.lastName) changes.lastName = values.lastName.trim();
    if (text(values.email) !== member.email) changes.email = text(values.email);
    if (text(values.phone) !== member.phone) changes.phone = text(values.phone);
    if (values.role !== member.role) changes.role = values.role;
    if (!sameItems(values.locationIds, member.locationIds))
      changes.locationIds = values.locationIds;
    if (text(values.memberNumber) !== member.memberNumber)
      changes.memberNumber = text(values.memberNumber);
    if (Object.keys(changes).length > 0) {
      const saved = await unwrap(
        api.PATCH('/users/{id}', { params: { path: { id: member.id } }, body: changes }),
      );
      queryClient.setQueryData(memberQueryOptions(api, member.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: membersQueryKey });
      notifications.show({ color: 'green', message: `${memberName(saved)} saved.` });
    }
    await navigate({ to: '/team' });
  };

  const actions = canManage && !isOwner && (
    <>
      {member.role === 'GUARD' && !member.archived && (
        <Button
          variant="default"
          leftSection={<IconLock size={16} />}
          onClick={() => setResettingPin(true)}
        >
          Set new PIN
        </Button>
      )}
      {mayTransfer && (
        <Button
          variant="default"
          leftSection={<IconCrown size={16} />}
          onClick={() => setTransferring(true)}
        >
          Transfer ownership
        </Button>
      )}
      {member.archived ? (
        <Button
          variant="default"
          leftSection={<IconRestore size={16} />}
          loading={restore.isPending}
          onClick={() => restore.mutate(member.id)}
        >
          Restore
        </Button>
      ) : (
        !isSelf && (
          <Button
            variant="default"
            color="red"
            leftSection={<IconArchive size={16} />}
            onClick={() => setConfirmingArchive(true)}
          >
            Archive
          </Button>
        )
      )}
    </>
  );

  return (
    <>
      <PageHeader
        eyebrow={backToTeam}
        title={memberName(member)}
        description={
          <Group gap="xs" component="span">
            <Badge variant="light" color={ROLE_COLORS[member.role]}>
              {ROLE_LABELS[member.role]}
            </Badge>
            <MemberStatus member={member} />
            <Text span size="sm" c="dimmed">
              {memberLocationsText(member, locationNames)}
            </Text>
          </Group>
        }
        actions={actions}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {member.archived && (
              <Alert color="gray" icon={<IconArchive />} title="This member is archived">
                They cannot sign in or be assigned. Restore them to change their details.
              </Alert>
            )}
            {!member.archived && member.role !== 'GUARD' && !member.hasAccount && (
              <Alert color="yellow" title="Invitation not accepted yet">
                Changing the e-mail address sends a new invitation to it.
              </Alert>
            )}
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <MemberForm
                initialValues={initialValues}
                isNew={false}
                readOnly={!canManage || member.archived}
                locations={locations.data ?? []}
                submitLabel="Save changes"
                onSubmit={save}
                onCancel={() => void navigate({ to: '/team' })}
              />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <MemberHistory member={member} />
        </Grid.Col>
      </Grid>
      <ArchiveMemberDialog
        member={confirmingArchive ? member : null}
        pending={archive.isPending}
        onClose={() => setConfirmingArchive(false)}
        onConfirm={(target) =>
          archive.mutate(target.id, {
            onSuccess: (archived) => {
              setConfirmingArchive(false);
              queryClient.setQueryData(memberQueryOptions(api, archived.id).queryKey, archived);
            },
          })
        }
      />
      <ResetPinDialog
        member={resettingPin ? member : null}
        onClose={() => setResettingPin(false)}
      />
      <TransferOwnershipDialog
        member={transferring ? member : null}
        onClose={() => setTransferring(false)}
      />
    </>
  );
}

/** What changed in each version, against the one before it, in words. */
function describeVersion(version: MemberVersion, previous: MemberVersion | undefined): string {
  if (!previous) return `Added as ${ROLE_LABELS[version.role]}`;
  const changes: string[] = [];
  if (version.archived !== previous.archived)
    changes.push(version.archived ? 'Archived' : 'Restored');
  if (version.role !== previous.role) changes.push(`Role: ${ROLE_LABELS[version.role]}`);
  if (version.firstName !== previous.firstName || version.lastName !== previous.lastName)
    changes.push('Name changed');
  if (version.email !== previous.email) changes.push('E-mail changed');
  if (version.phone !== previous.phone) changes.push('Phone changed');
  if (version.memberNumber !== previous.memberNumber) changes.push('Member number changed');
  if (!sameItems(version.locationIds, previous.locationIds)) changes.push('Locations changed');
  return changes.length === 0 ? 'PIN or account changed' : changes.join(' · ');
}

function MemberHistory({ member }: { member: Member }) {
  const api = useApi();
  const history = useQuery(memberHistoryQueryOptions(api, member.id));
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Title order={2} fz="md" mb="md">
        History
      </Title>
      {history.isPending ? (
        <LoadingState label="Loading the history…" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No changes recorded.
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={history.data.length - 1}>
          {[...history.data].reverse().map((version, index, newestFirst) => (
            <Timeline.Item
              key={version.historyId}
              title={describeVersion(version, newestFirst[index + 1])}
            >
              <InstantText value={version.createdAt} relative size="xs" c="dimmed" />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
