import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { applyProblemToForm, unwrap } from '../api/problem.js';
import { IconAlertCircle } from '../components/icons.js';
import { AuthLayout } from './auth-layout.js';
import { MIN_PASSWORD_LENGTH } from './password-rules.js';
import { adoptSession } from './session.js';

const route = getRouteApi('/invitations/accept');

/**
 * The page the invitation e-mail links to. Someone new chooses a password; someone who already
 * has an OpenPatrol account with the invited address may leave it empty and join with that account.
 */
export function AcceptInvitationPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { token } = route.useSearch();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '' },
    validate: {
      password: (value) =>
        value !== '' && value.length < MIN_PASSWORD_LENGTH
          ? `Use at least ${MIN_PASSWORD_LENGTH} characters`
          : null,
    },
  });
  const accept = useMutation({
    mutationFn: (password: string) =>
      unwrap(
        api.POST('/invitations/accept', {
          body: { token: token ?? '', password: password === '' ? null : password },
        }),
      ),
    onMutate: () => setMessage(null),
    onSuccess: async (session) => {
      adoptSession(queryClient, session);
      await navigate({ to: '/', replace: true });
    },
    onError: (error) => setMessage(applyProblemToForm(form, error)),
  });

  return (
    <AuthLayout
      title="Join your team on OpenPatrol"
      description="Choose a password for your new account to accept the invitation."
      footer={
        <>
          Already accepted?{' '}
          <Anchor component={Link} to="/sign-in" size="sm">
            Sign in
          </Anchor>
        </>
      }
    >
      {!token ? (
        <Alert color="red" icon={<IconAlertCircle />}>
          This invitation link is incomplete. Open the link from the e-mail again.
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => accept.mutate(values.password))} noValidate>
          <Stack gap="md">
            {message && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert">
                {message}
              </Alert>
            )}
            <PasswordInput
              label="Password"
              description={`At least ${MIN_PASSWORD_LENGTH} characters. Already have an OpenPatrol account with this address? Leave it empty.`}
              autoComplete="new-password"
              autoFocus
              {...form.getInputProps('password')}
            />
            <Button type="submit" fullWidth loading={accept.isPending}>
              Accept invitation
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
