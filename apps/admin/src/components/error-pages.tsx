import { Button, Center, Code, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './states.js';

/** What a screen shows when its code or data failed to load, instead of a blank page. */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <Center py="xl" px="md">
      <Stack maw={560} w="100%">
        <ErrorState
          error={error}
          title="This page could not be shown"
          onRetry={() => {
            reset();
            void router.invalidate();
          }}
        />
        <Group>
          <Button component={Link} to="/" variant="subtle">
            Go to the start page
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  return (
    <Center py={80} px="md">
      <Stack align="center" gap="xs">
        <Text c="dimmed" fw={700} fz={48} lh={1}>
          404
        </Text>
        <Title order={2}>This page does not exist</Title>
        <Text c="dimmed" ta="center">
          The address may be mistyped, or the page was moved.
        </Text>
        <Button component={Link} to="/" mt="md">
          Go to the start page
        </Button>
      </Stack>
    </Center>
  );
}

interface AppErrorBoundaryState {
  readonly error: Error | null;
}

/**
 * The last line of defence around the whole app: a rendering bug outside any route (providers,
 * the shell) shows a way out instead of a white screen.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, AppErrorBoundaryState> {
  override state: AppErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): AppErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The admin app crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Center py={80} px="md">
        <Stack maw={560} gap="sm">
          <Title order={2}>Something went wrong</Title>
          <Text>
            The page ran into an error it could not recover from. Reloading usually helps.
          </Text>
          <Code block>{this.state.error.message}</Code>
          <Group>
            <Button onClick={() => location.reload()}>Reload</Button>
          </Group>
        </Stack>
      </Center>
    );
  }
}
