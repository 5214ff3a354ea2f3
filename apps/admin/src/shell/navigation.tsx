import { Anchor, Group, NavLink, ScrollArea, Stack } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { OpenAlertsBadge } from '../alerts/open-alerts-badge.js';
import {
  IconBook,
  IconCalendar,
  IconKey,
  IconLayoutDashboard,
  IconListCheck,
  IconMapPin,
  IconSettings,
  IconUsers,
} from '../components/icons.js';
import {
  IconAlertTriangle,
  IconBell,
  IconFileDownload,
  IconWebhook,
} from '../components/integration-icons.js';
import { canManageApiTokens, canManageIntegrations, type Role } from '../session/session.js';

interface NavigationEntry {
  readonly label: string;
  readonly to:
    | '/'
    | '/schedule'
    | '/locations'
    | '/team'
    | '/checklists'
    | '/issues'
    | '/alerts'
    | '/reports'
    | '/management/api-tokens'
    | '/management/alert-rules'
    | '/management/webhooks';
  readonly icon: ReactNode;
  /** A live count beside the label (open alerts). */
  readonly rightSection?: ReactNode;
  readonly isVisibleTo: (role: Role) => boolean;
}

interface NavigationGroup {
  readonly label: string;
  readonly icon: ReactNode;
  readonly pathPrefix: string;
  readonly entries: readonly NavigationEntry[];
}

// Only screens that work are listed, never placeholders.
const MAIN_ENTRIES: readonly NavigationEntry[] = [
  {
    label: 'Dashboard',
    to: '/',
    icon: <IconLayoutDashboard size={18} />,
    isVisibleTo: () => true,
  },
  {
    label: 'Schedule',
    to: '/schedule',
    icon: <IconCalendar size={18} />,
    isVisibleTo: () => true,
  },
  {
    label: 'Locations',
    to: '/locations',
    icon: <IconMapPin size={18} />,
    isVisibleTo: () => true,
  },
  {
    label: 'Team',
    to: '/team',
    icon: <IconUsers size={18} />,
    isVisibleTo: () => true,
  },
  {
    label: 'Checklists',
    to: '/checklists',
    icon: <IconListCheck size={18} />,
    isVisibleTo: () => true,
  },
  {
    label: 'Issues',
    to: '/issues',
    icon: <IconAlertTriangle size={18} />,
    isVisibleTo: () => true,
  },
  {
    label: 'Alerts',
    to: '/alerts',
    icon: <IconBell size={18} />,
    rightSection: <OpenAlertsBadge />,
    isVisibleTo: () => true,
  },
  {
    label: 'Reports',
    to: '/reports',
    icon: <IconFileDownload size={18} />,
    isVisibleTo: () => true,
  },
];

const GROUPS: readonly NavigationGroup[] = [
  {
    label: 'Management',
    icon: <IconSettings size={18} />,
    pathPrefix: '/management',
    entries: [
      {
        label: 'External API',
        to: '/management/api-tokens',
        icon: <IconKey size={18} />,
        isVisibleTo: canManageApiTokens,
      },
      {
        label: 'Alert rules',
        to: '/management/alert-rules',
        icon: <IconBell size={18} />,
        isVisibleTo: canManageIntegrations,
      },
      {
        label: 'Webhooks',
        to: '/management/webhooks',
        icon: <IconWebhook size={18} />,
        isVisibleTo: canManageIntegrations,
      },
    ],
  },
];

const isUnder = (pathname: string, path: string) =>
  pathname === path || pathname.startsWith(`${path}/`);

/** The navbar's links for a role; `onNavigate` closes the navbar on small screens. */
export function Navigation({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const link = (entry: NavigationEntry) => (
    <NavLink
      key={entry.to}
      component={Link}
      to={entry.to}
      label={entry.label}
      leftSection={entry.icon}
      rightSection={entry.rightSection}
      active={isUnder(pathname, entry.to)}
      onClick={onNavigate}
    />
  );

  return (
    <ScrollArea type="scroll" style={{ flex: 1 }}>
      <Stack gap={2}>
        {MAIN_ENTRIES.filter((entry) => entry.isVisibleTo(role)).map(link)}
        {GROUPS.map((group) => {
          const entries = group.entries.filter((entry) => entry.isVisibleTo(role));
          // A group with nothing this role may open is not shown at all.
          if (entries.length === 0) return null;
          return (
            <NavLink
              key={group.label}
              component="button"
              label={group.label}
              leftSection={group.icon}
              defaultOpened={isUnder(pathname, group.pathPrefix)}
              childrenOffset={28}
            >
              {entries.map(link)}
            </NavLink>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}

/** For everyone: the External API reference, which works without signing in. */
export function NavigationFooter() {
  return (
    <Anchor href="/api/docs" target="_blank" rel="noopener" size="sm" c="dimmed" px="sm">
      <Group gap={6} wrap="nowrap">
        <IconBook size={16} />
        API reference
      </Group>
    </Anchor>
  );
}
