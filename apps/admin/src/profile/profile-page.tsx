import {
  Alert,
  Avatar,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { hasLength, isNotEmpty, matchesField, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { applyProblemToForm, unwrap } from '../api/problem.js';
import { IconAlertCircle } from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { MIN_PASSWORD_LENGTH } from '../session/password-rules.js';
import { useSignedIn, useSwitchOrganization } from '../session/session-hooks.js';
import { displayName, ROLE_LABELS } from '../session/session.js';
import { CalendarFeedCard } from './calendar-feed-card.js';

/** The signed-in person: who they are, where they are a member, and their password. */
export function ProfilePage() {
  const { person, session } = useSignedIn();
  const switchOrganization = useSwitchOrganization();
  const name = displayName(person);

  return (
    <>
      <PageHeader
        title="Profile"
        description="Your account is yours across every organization you belong to."
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="lg">
          <Paper withBorder radius="md" p="lg">
            <Group gap="md" wrap="nowrap">
              <Avatar size={56} radius="xl" color="initials" name={name} />
              <div style={{ minWidth: 0 }}>
                <Text fw={600} size="lg" truncate="end">
                  {name}
                </Text>
                <Text c="dimmed" size="sm" truncate="end">
                  {person.email}
                </Text>
              </div>
            </Group>
          </Paper>
          <Paper withBorder radius="md" p="lg">
            <Title order={2} fz="md" mb="sm">
              Organizations
            </Title>
            <Table verticalSpacing="xs">
              <Table.Tbody>
                {session.memberships.map((membership) => {
                  const isCurrent = membership.organizationId === session.organizationId;
                  return (
                    <Table.Tr key={membership.organizationId}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {membership.organizationName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray">
                          {ROLE_LABELS[membership.role]}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">
                        {isCurrent ? (
                          <Text size="xs" c="dimmed">
                            Current
                          </Text>
                        ) : (
                          <Button
                            size="xs"
                            variant="default"
                            loading={switchOrganization.isPending}
                            onClick={() => switchOrganization.mutate(membership.organizationId)}
                          >
                            Switch
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
          <CalendarFeedCard />
        </Stack>
        <ChangePasswordCard />
      </SimpleGrid>
    </>
  );
}

function ChangePasswordCard() {
  const api = useApi();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
    validate: {
      currentPassword: isNotEmpty('Enter your current password'),
      newPassword: hasLength(
        { min: MIN_PASSWORD_LENGTH },
        `Use at least ${MIN_PASSWORD_LENGTH} characters`,
      ),
      repeatPassword: matchesField('newPassword', 'The passwords do not match'),
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/session/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      ),
    onMutate: () => setMessage(null),
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'green', message: 'Your password is changed.' });
    },
    onError: (error) => setMessage(applyProblemToForm(form, error)),
  });

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="md" mb="sm">
        Change password
      </Title>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack gap="md">
          {message && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {message}
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters, not containing your name or e-mail.`}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            required
            {...form.getInputProps('repeatPassword')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
