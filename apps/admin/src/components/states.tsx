import {
  Alert,
  Button,
  Center,
  EmptyState as MantineEmptyState,
  Group,
  Loader,
  Stack,
  Text,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { describeError, ProblemError } from '../api/problem.js';
import { IconAlertCircle, IconInbox, IconRefresh } from './icons.js';

/** While something loads: a spinner with words, announced to screen readers. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}

/** The page-sized loader the router shows while a screen's code or data arrives. */
export function PageLoader() {
  return (
    <Center mih="50vh">
      <LoadingState />
    </Center>
  );
}

/** Nothing to show yet: say why, and offer the next step. */
export function EmptyState({
  title,
  description,
  icon = <IconInbox size={28} />,
  action,
}: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <MantineEmptyState
      py="xl"
      title={title}
      description={description}
      icon={icon}
      withIndicatorBackground
      data-testid="empty-state"
    >
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}

/** A failed load: what happened, the request id to quote, and a way to try again. */
export function ErrorState({
  error,
  title = 'This could not be loaded',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const requestId = error instanceof ProblemError ? error.problem.requestId : '';
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle />} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        {requestId && (
          <Text size="xs" c="dimmed">
            Request id: {requestId}
          </Text>
        )}
        {onRetry && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
          >
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
