import {
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Center,
  Group,
  Overlay,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet } from '@tanstack/react-router';
import { Logo } from '../components/logo.js';
import { PageLoader } from '../components/states.js';
import { useSessionQuery, useSignOut, useSwitchOrganization } from '../session/session-hooks.js';
import {
  canUseAdminApp,
  currentMembership,
  ROLE_LABELS,
  type Session,
} from '../session/session.js';
import classes from './app-layout.module.css';
import { OrganizationMenu, UserMenu } from './header-menus.js';
import { Navigation, NavigationFooter } from './navigation.js';

/**
 * The frame of every signed-in page: header with the organization and the person, a navbar that
 * folds behind a burger below 992 px (tablets in portrait), and the page itself.
 */
export function AppLayout() {
  const { data: session } = useSessionQuery();
  // Without a session (signing out, or it ended and main.tsx is taking the person to sign-in)
  // there is nothing to frame for the moment it takes.
  if (!session?.person) return <PageLoader />;
  const membership = currentMembership(session);
  if (!membership) return <ChooseOrganization session={session} />;
  if (!canUseAdminApp(membership.role)) return <FieldAppNotice role={membership.role} />;
  return <SignedInShell role={membership.role} />;
}

function SignedInShell({ role }: { role: Session['memberships'][number]['role'] }) {
  const [navbarOpened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'md', collapsed: { mobile: !navbarOpened } }}
      padding={{ base: 'md', md: 'xl' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={navbarOpened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={navbarOpened ? 'Close navigation' : 'Open navigation'}
            />
            <Anchor component={Link} to="/" underline="never" c="inherit" visibleFrom="xs">
              <Logo />
            </Anchor>
            <Box
              visibleFrom="xs"
              h={24}
              style={{ borderLeft: '1px solid var(--app-shell-border-color)' }}
            />
            <OrganizationMenu />
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      {navbarOpened && (
        // Tapping the dimmed page beside the open navbar closes it, as with any drawer.
        <Box hiddenFrom="md">
          <Overlay fixed zIndex={99} backgroundOpacity={0.35} onClick={close} />
        </Box>
      )}
      <AppShell.Navbar
        p="sm"
        aria-label="Main navigation"
        className={classes.navbar}
        data-opened={navbarOpened || undefined}
      >
        <Navigation role={role} onNavigate={close} />
        <Box pt="sm">
          <NavigationFooter />
        </Box>
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1320} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

/** A person with memberships but none selected (they left the one they were acting in). */
function ChooseOrganization({ session }: { session: Session }) {
  const switchOrganization = useSwitchOrganization();
  const signOut = useSignOut();
  return (
    <Center mih="100vh" p="md">
      <Stack maw={440} w="100%" gap="md">
        <Logo />
        <Title order={2}>Choose an organization</Title>
        {session.memberships.length === 0 ? (
          <Text c="dimmed">
            You are not a member of any organization any more. Ask an Owner or Admin to invite you
            again, or create a new organization.
          </Text>
        ) : (
          session.memberships.map((membership) => (
            <Button
              key={membership.organizationId}
              variant="default"
              justify="space-between"
              rightSection={<Text size="xs">{ROLE_LABELS[membership.role]}</Text>}
              loading={switchOrganization.isPending}
              onClick={() => switchOrganization.mutate(membership.organizationId)}
            >
              {membership.organizationName}
            </Button>
          ))
        )}
        <Button variant="subtle" onClick={() => signOut.mutate()}>
          Sign out
        </Button>
      </Stack>
    </Center>
  );
}

/** Users and Guards work in the field app; the admin app would only refuse them page by page. */
function FieldAppNotice({ role }: { role: Session['memberships'][number]['role'] }) {
  const signOut = useSignOut();
  return (
    <Center mih="100vh" p="md">
      <Stack maw={440} gap="md">
        <Logo />
        <Title order={2}>Use the field app</Title>
        <Text c="dimmed">
          As a {ROLE_LABELS[role]}, you see and perform your tasks in the OpenPatrol field app. The
          admin app is for Owners, Admins and Managers.
        </Text>
        <Group>
          <Button component="a" href="/field/">
            Open the field app
          </Button>
          <Button variant="subtle" onClick={() => signOut.mutate()}>
            Sign out
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}
