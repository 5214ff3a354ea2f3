import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, getRouteApi, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { ProblemError, applyProblemToForm, unwrap } from '../api/problem.js';
import { IconAlertCircle, IconClock } from '../components/icons.js';
import { AuthLayout } from './auth-layout.js';
import { formatWait, useSecondsUntil } from './retry-countdown.js';
import { adoptSession, safeRedirectPath } from './session.js';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { redirect } = route.useSearch();
  const [message, setMessage] = useState<string | null>(null);
  const [pausedUntil, setPausedUntil] = useState<number | null>(null);
  const secondsLeft = useSecondsUntil(pausedUntil);
  const isPaused = secondsLeft > 0;

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: isEmail('Enter your e-mail address'),
      password: isNotEmpty('Enter your password'),
    },
  });

  const signIn = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/session', { body: { email: values.email.trim(), password: values.password } }),
      ),
    onMutate: () => setMessage(null),
    onSuccess: async (session) => {
      adoptSession(queryClient, session);
      await router.navigate({ href: safeRedirectPath(redirect), replace: true });
    },
    onError: (error) => {
      if (error instanceof ProblemError && error.status === 429) {
        setPausedUntil(Date.now() + (error.retryAfterSeconds ?? 60) * 1000);
        return;
      }
      if (error instanceof ProblemError && error.status === 401) {
        setMessage('The e-mail address or password is not right.');
        form.setFieldValue('password', '');
        return;
      }
      setMessage(applyProblemToForm(form, error));
    },
  });

  return (
    <AuthLayout
      title="Sign in"
      description="Plan and supervise patrols, rounds and inspections."
      footer={
        <>
          New to OpenPatrol?{' '}
          <Anchor component={Link} to="/sign-up" size="sm">
            Create an organization
          </Anchor>
        </>
      }
    >
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack gap="md">
          {isPaused && (
            <Alert color="orange" icon={<IconClock />} title="Sign-in is paused" role="alert">
              Too many failed attempts for this account. Try again in {formatWait(secondsLeft)}, or
              reset your password.
            </Alert>
          )}
          {message && !isPaused && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {message}
            </Alert>
          )}
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="username"
            required
            autoFocus
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot your password?
            </Anchor>
          </Group>
          <Button type="submit" fullWidth loading={signIn.isPending} disabled={isPaused}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
