import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { describeError, ProblemError, unwrap } from '../api/problem.js';
import { IconAlertCircle, IconCheck, IconCopy } from '../components/icons.js';
import { IconCalendar } from '../components/integration-icons.js';
import { ZonedTime } from '../components/zoned-time.js';

const feedQueryKey = ['calendar-feed'] as const;

/**
 * The person's private calendar feed (ICS): their executions in any calendar app. The URL is the
 * credential, so the server shows it only when created; a new one ends the old.
 */
export function CalendarFeedCard() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const [revokeOpened, revokeDialog] = useDisclosure(false);
  const feed = useQuery({
    queryKey: feedQueryKey,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/calendar-feed'));
      } catch (error) {
        // 404 is the answer for "no feed yet", not a failure.
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }
    },
  });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/calendar-feed')),
    onSuccess: (created) => {
      setUrl(created.url);
      queryClient.setQueryData(feedQueryKey, { createdAt: created.createdAt, url: null });
    },
  });
  const revoke = useMutation({
    mutationFn: () => unwrap(api.DELETE('/calendar-feed')),
    onSuccess: () => {
      setUrl(null);
      revokeDialog.close();
      queryClient.setQueryData(feedQueryKey, null);
    },
  });
  const failure = create.error ?? (feed.isError ? feed.error : null);

  return (
    <Paper withBorder radius="md" p="lg">
      <Group gap="xs" mb="xs">
        <IconCalendar size={18} />
        <Title order={2} fz="md">
          Calendar feed
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        Subscribe to your executions — from yesterday to 30 days ahead — in Google Calendar, Outlook
        or your phone. Anyone with the link can read it: keep it private.
      </Text>
      <Stack gap="sm">
        {failure && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {describeError(failure)}
          </Alert>
        )}
        {url && (
          <CopyButton value={url} timeout={4000}>
            {({ copied, copy }) => (
              <Group gap={6} wrap="nowrap">
                <Code data-testid="calendar-feed-url" style={{ wordBreak: 'break-all' }}>
                  {url}
                </Code>
                <Tooltip label={copied ? 'Copied' : 'Copy link'} withArrow>
                  <ActionIcon
                    variant={copied ? 'filled' : 'light'}
                    color={copied ? 'teal' : undefined}
                    onClick={copy}
                    aria-label="Copy calendar link"
                  >
                    {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </CopyButton>
        )}
        {feed.data && !url && (
          <Text size="sm">
            Your feed exists since <ZonedTime span value={feed.data.createdAt} />. Its link was
            shown when you created it; create a new link if you lost it.
          </Text>
        )}
        <Group gap="sm">
          <Button
            variant={feed.data ? 'default' : 'filled'}
            loading={create.isPending || feed.isPending}
            onClick={() => create.mutate()}
          >
            {feed.data ? 'Create a new link' : 'Create calendar link'}
          </Button>
          {feed.data && (
            <Button variant="subtle" color="red" onClick={revokeDialog.open}>
              Revoke
            </Button>
          )}
        </Group>
        {feed.data && (
          <Text size="xs" c="dimmed">
            A new link ends the old one at once.
          </Text>
        )}
      </Stack>
      <Modal
        opened={revokeOpened}
        onClose={revokeDialog.close}
        title="Revoke the calendar link?"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            Calendars subscribed to it stop updating and show nothing new. You can create a new link
            later.
          </Text>
          {revoke.isError && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {describeError(revoke.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={revokeDialog.close}>
              Cancel
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              Revoke link
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
