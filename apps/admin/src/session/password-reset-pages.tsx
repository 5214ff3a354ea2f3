import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { hasLength, isEmail, matchesField, useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { applyProblemToForm, unwrap } from '../api/problem.js';
import { IconAlertCircle, IconCheck, IconMail } from '../components/icons.js';
import { AuthLayout } from './auth-layout.js';
import { MIN_PASSWORD_LENGTH } from './password-rules.js';

const backToSignIn = (
  <Anchor component={Link} to="/sign-in" size="sm">
    Back to sign-in
  </Anchor>
);

/** Asks for a reset link by e-mail; the answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  const api = useApi();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: isEmail('Enter your e-mail address') },
  });
  const requestReset = useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/password-resets', { body: { email } })),
    onMutate: () => setMessage(null),
    onError: (error) => setMessage(applyProblemToForm(form, error)),
  });

  return (
    <AuthLayout
      title="Reset your password"
      description="We e-mail you a link to choose a new one."
      footer={backToSignIn}
    >
      {requestReset.isSuccess ? (
        <Alert color="green" icon={<IconMail />} title="Check your inbox">
          If {form.values.email} has an OpenPatrol account, a reset link is on its way. It works
          once, within an hour.
        </Alert>
      ) : (
        <form
          onSubmit={form.onSubmit((values) => requestReset.mutate(values.email.trim()))}
          noValidate
        >
          <Stack gap="md">
            {message && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert">
                {message}
              </Alert>
            )}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="email"
              required
              autoFocus
              {...form.getInputProps('email')}
            />
            <Button type="submit" fullWidth loading={requestReset.isPending}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

const resetRoute = getRouteApi('/reset-password');

/** The page the reset e-mail links to (`/reset-password?token=…`). */
export function ResetPasswordPage() {
  const api = useApi();
  const { token } = resetRoute.useSearch();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { newPassword: '', repeatPassword: '' },
    validate: {
      newPassword: hasLength(
        { min: MIN_PASSWORD_LENGTH },
        `Use at least ${MIN_PASSWORD_LENGTH} characters`,
      ),
      repeatPassword: matchesField('newPassword', 'The passwords do not match'),
    },
  });
  const reset = useMutation({
    mutationFn: (newPassword: string) =>
      unwrap(api.POST('/password-resets/confirm', { body: { token: token ?? '', newPassword } })),
    onMutate: () => setMessage(null),
    onError: (error) => setMessage(applyProblemToForm(form, error)),
  });

  if (!token)
    return (
      <AuthLayout title="Reset your password" footer={backToSignIn}>
        <Alert color="red" icon={<IconAlertCircle />}>
          This link is incomplete. Open the link from the e-mail again, or{' '}
          <Anchor component={Link} to="/forgot-password">
            ask for a new one
          </Anchor>
          .
        </Alert>
      </AuthLayout>
    );

  return (
    <AuthLayout title="Choose a new password" footer={backToSignIn}>
      {reset.isSuccess ? (
        <Stack gap="md">
          <Alert color="green" icon={<IconCheck />} title="Your password is changed">
            You were signed out on every device. Sign in with the new password.
          </Alert>
          <Button component={Link} to="/sign-in" fullWidth>
            Sign in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => reset.mutate(values.newPassword))} noValidate>
          <Stack gap="md">
            {message && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert">
                <Text size="sm">{message}</Text>
              </Alert>
            )}
            <PasswordInput
              label="New password"
              description={`At least ${MIN_PASSWORD_LENGTH} characters, not containing your name or e-mail.`}
              autoComplete="new-password"
              required
              autoFocus
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              {...form.getInputProps('repeatPassword')}
            />
            <Button type="submit" fullWidth loading={reset.isPending}>
              Change password
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
