import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import {
  IconBuilding,
  IconCheck,
  IconLogout,
  IconSelector,
  IconUser,
} from '../components/icons.js';
import { useSignOut, useSignedIn, useSwitchOrganization } from '../session/session-hooks.js';
import { displayName, ROLE_LABELS } from '../session/session.js';

/** The organization the session acts in; a switcher when the person belongs to several. */
export function OrganizationMenu() {
  const { session, membership } = useSignedIn();
  const switchOrganization = useSwitchOrganization();
  const name = (
    <Text
      fw={600}
      size="sm"
      truncate="end"
      maw={{ base: 140, sm: 280 }}
      data-testid="organization-name"
    >
      {membership.organizationName}
    </Text>
  );
  if (session.memberships.length < 2) {
    return (
      <Group gap={6} wrap="nowrap" c="dimmed">
        <IconBuilding size={16} />
        {name}
      </Group>
    );
  }
  return (
    <Menu position="bottom-start" width={280} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label="Switch organization">
          <Group gap={6} wrap="nowrap">
            <IconBuilding size={16} />
            {name}
            <IconSelector size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Switch organization</Menu.Label>
        {session.memberships.map((candidate) => {
          const isCurrent = candidate.organizationId === session.organizationId;
          return (
            <Menu.Item
              key={candidate.organizationId}
              disabled={switchOrganization.isPending}
              rightSection={isCurrent ? <IconCheck size={16} /> : null}
              onClick={() => {
                if (!isCurrent) switchOrganization.mutate(candidate.organizationId);
              }}
            >
              <Text size="sm">{candidate.organizationName}</Text>
              <Text size="xs" c="dimmed">
                {ROLE_LABELS[candidate.role]}
              </Text>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in person: who they are, their profile, and the way out. */
export function UserMenu() {
  const { person, membership } = useSignedIn();
  const signOut = useSignOut();
  const name = displayName(person);
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${name}`} data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar radius="xl" size={32} color="initials" name={name} />
            <Text size="sm" fw={500} visibleFrom="sm" truncate="end" maw={180}>
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
            {name}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {person.email} · {ROLE_LABELS[membership.role]}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile" leftSection={<IconUser size={16} />}>
          Profile
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
