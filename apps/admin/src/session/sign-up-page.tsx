import { Alert, Anchor, Button, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { hasLength, isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { applyProblemToForm, unwrap } from '../api/problem.js';
import { browserTimeZone } from '../components/date-time.js';
import { IconAlertCircle } from '../components/icons.js';
import { TimeZoneSelect } from '../components/time-zone-select.js';
import { AuthLayout } from './auth-layout.js';
import { MIN_PASSWORD_LENGTH } from './password-rules.js';
import { adoptSession } from './session.js';

/** A new organization and its Owner, signed in at once. */
export function SignUpPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);

  const form = useForm({
    initialValues: {
      organizationName: '',
      timeZone: browserTimeZone(),
      owner: { firstName: '', lastName: '', email: '', password: '' },
    },
    validate: {
      organizationName: isNotEmpty('Name your organization'),
      timeZone: isNotEmpty('Choose the time zone most of your locations are in'),
      owner: {
        firstName: isNotEmpty('Enter your first name'),
        lastName: isNotEmpty('Enter your last name'),
        email: isEmail('Enter a valid e-mail address'),
        password: hasLength(
          { min: MIN_PASSWORD_LENGTH },
          `Use at least ${MIN_PASSWORD_LENGTH} characters`,
        ),
      },
    },
  });

  const signUp = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/session/sign-up', {
          body: {
            organizationName: values.organizationName.trim(),
            timeZone: values.timeZone,
            owner: {
              firstName: values.owner.firstName.trim(),
              lastName: values.owner.lastName.trim(),
              email: values.owner.email.trim(),
              password: values.owner.password,
            },
          },
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
      width={520}
      title="Create your organization"
      description="You become its Owner: you can add locations, invite your team and create API tokens."
      footer={
        <>
          Already using OpenPatrol?{' '}
          <Anchor component={Link} to="/sign-in" size="sm">
            Sign in
          </Anchor>
        </>
      }
    >
      <form onSubmit={form.onSubmit((values) => signUp.mutate(values))} noValidate>
        <Stack gap="md">
          {message && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {message}
            </Alert>
          )}
          <TextInput
            label="Organization name"
            placeholder="Northwind Security"
            required
            autoFocus
            {...form.getInputProps('organizationName')}
          />
          <TimeZoneSelect
            label="Time zone"
            description="The default for new locations; each location can have its own."
            required
            {...form.getInputProps('timeZone')}
            value={form.getValues().timeZone}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              label="First name"
              autoComplete="given-name"
              required
              {...form.getInputProps('owner.firstName')}
            />
            <TextInput
              label="Last name"
              autoComplete="family-name"
              required
              {...form.getInputProps('owner.lastName')}
            />
          </SimpleGrid>
          <TextInput
            label="Work e-mail"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('owner.email')}
          />
          <PasswordInput
            label="Password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters, not containing your name or e-mail.`}
            autoComplete="new-password"
            required
            {...form.getInputProps('owner.password')}
          />
          <Button type="submit" fullWidth loading={signUp.isPending}>
            Create organization
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
