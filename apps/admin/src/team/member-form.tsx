import {
  Alert,
  Button,
  Group,
  MultiSelect,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { hasLength, useForm } from '@mantine/form';
import type { Schemas } from '@openpatrol/api-client';
import { useState } from 'react';
import { applyProblemToForm } from '../api/problem.js';
import { IconAlertCircle } from '../components/icons.js';
import { ASSIGNABLE_ROLES, ROLE_LABELS, seesAllLocations, type Role } from '../session/session.js';
import type { Member } from './team.queries.js';

export interface MemberFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  role: Role;
  locationIds: string[];
  memberNumber: string;
  pin: string;
}

type CreateUserBody = Schemas['CreateUserBody'];

/** What each role does, next to the role picker, so nobody has to guess. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  OWNER: 'Everything, including API tokens and handing the organization over.',
  ADMIN: 'Everything but creating locations and API tokens; sees every location.',
  MANAGER: 'Sees the data of their locations; plans and edits tasks there.',
  USER: 'Performs their tasks in the field app with their own account.',
  GUARD: 'Performs tasks on a shared device, signing in with a member number and PIN.',
};

// The server's patterns (members.schemas.ts), checked here so the form says it first.
const MEMBER_NUMBER_PATTERN = /^[A-Za-z0-9-]{1,20}$/;
const PIN_PATTERN = /^[0-9]{4,8}$/;
const PHONE_PATTERN = /^\+?[0-9 ()-]{3,30}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validatePin(value: string): string | null {
  return PIN_PATTERN.test(value) ? null : 'Use 4 to 8 digits';
}

export function memberFormValues(member: Member): MemberFormValues {
  return {
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email ?? '',
    phone: member.phone ?? '',
    role: member.role,
    locationIds: member.locationIds,
    memberNumber: member.memberNumber ?? '',
    pin: '',
  };
}

const optional = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The form's values as POST /users takes them; a guard's PIN only for guards. */
export function toCreateUserBody(values: MemberFormValues): CreateUserBody {
  const role = values.role as CreateUserBody['role'];
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: optional(values.email),
    phone: optional(values.phone),
    role,
    locationIds: values.locationIds,
    memberNumber: optional(values.memberNumber),
    ...(role === 'GUARD' ? { pin: values.pin } : {}),
  };
}

/**
 * Invite and edit share one form. `isNew` adds the guard's first PIN (an existing guard's PIN
 * is reset on its own); `lockedRole` keeps the Owner's role out of reach (it moves only by
 * ownership transfer).
 */
export function MemberForm({
  initialValues,
  isNew,
  readOnly = false,
  locations,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initialValues: MemberFormValues;
  isNew: boolean;
  readOnly?: boolean;
  locations: readonly { id: string; name: string }[];
  /** A guard is added, anyone else invited: the button can say which for the chosen role. */
  submitLabel: string | ((role: Role) => string);
  onSubmit: (values: MemberFormValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const lockedRole = initialValues.role === 'OWNER';
  const form = useForm<MemberFormValues>({
    initialValues,
    validate: {
      firstName: hasLength({ min: 1, max: 100 }, 'Give the first name (up to 100 characters)'),
      lastName: hasLength({ min: 1, max: 100 }, 'Give the last name (up to 100 characters)'),
      email: (value, values) => {
        if (value.trim() === '')
          return values.role === 'GUARD'
            ? null
            : `An ${ROLE_LABELS[values.role]} needs an e-mail address for the invitation`;
        return EMAIL_PATTERN.test(value.trim()) ? null : 'This is not an e-mail address';
      },
      phone: (value) =>
        value.trim() === '' || PHONE_PATTERN.test(value.trim())
          ? null
          : 'Digits, spaces, brackets and dashes, e.g. +380 44 123 4567',
      memberNumber: (value, values) => {
        if (value.trim() === '')
          return values.role === 'GUARD' ? 'A guard signs in with a member number' : null;
        return MEMBER_NUMBER_PATTERN.test(value.trim())
          ? null
          : 'Up to 20 letters, digits or dashes';
      },
      pin: (value, values) => (isNew && values.role === 'GUARD' ? validatePin(value) : null),
    },
  });
  const role = form.values.role;

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setMessage(applyProblemToForm(form, error));
    }
  });

  const locationData = locations.map((location) => ({ value: location.id, label: location.name }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {message && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {message}
          </Alert>
        )}
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
              <TextInput
                label="First name"
                required
                maxLength={100}
                data-autofocus
                {...form.getInputProps('firstName')}
              />
              <TextInput
                label="Last name"
                required
                maxLength={100}
                {...form.getInputProps('lastName')}
              />
            </SimpleGrid>
            <Select
              label="Role"
              required
              allowDeselect={false}
              disabled={lockedRole}
              data={
                lockedRole
                  ? [{ value: 'OWNER', label: ROLE_LABELS.OWNER }]
                  : ASSIGNABLE_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))
              }
              description={
                lockedRole
                  ? 'The Owner role moves only by transferring ownership.'
                  : ROLE_DESCRIPTIONS[role]
              }
              {...form.getInputProps('role')}
            />
            <TextInput
              label="E-mail"
              type="email"
              required={role !== 'GUARD'}
              maxLength={254}
              description={
                isNew && role !== 'GUARD'
                  ? 'An invitation to choose a password is sent here.'
                  : undefined
              }
              {...form.getInputProps('email')}
            />
            <TextInput
              label="Phone"
              type="tel"
              placeholder="+380 44 123 4567"
              {...form.getInputProps('phone')}
            />
            {seesAllLocations(role) ? (
              <Text size="sm" c="dimmed">
                {ROLE_LABELS[role]}s see every location; no assignment needed.
              </Text>
            ) : (
              <MultiSelect
                label="Locations"
                description="The member sees and works only at these locations."
                placeholder={locationData.length === 0 ? 'No locations yet' : 'Choose locations'}
                data={locationData}
                searchable
                clearable={!readOnly}
                nothingFoundMessage="No location by that name"
                {...form.getInputProps('locationIds')}
                // A Manager reading another member may not see all of that member's locations;
                // those stay out rather than show as bare ids.
                value={form.values.locationIds.filter((id) =>
                  locationData.some((location) => location.value === id),
                )}
              />
            )}
            {(role === 'GUARD' || initialValues.memberNumber !== '') && (
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <TextInput
                  label="Member number"
                  description="What the guard types on a shared device."
                  required={role === 'GUARD'}
                  maxLength={20}
                  {...form.getInputProps('memberNumber')}
                />
                {isNew && role === 'GUARD' && (
                  <PasswordInput
                    label="PIN"
                    description="4 to 8 digits; tell it to the guard in person."
                    required
                    inputMode="numeric"
                    maxLength={8}
                    autoComplete="new-password"
                    {...form.getInputProps('pin')}
                  />
                )}
              </SimpleGrid>
            )}
          </Stack>
        </fieldset>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {readOnly ? 'Back' : 'Cancel'}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={form.submitting}>
              {typeof submitLabel === 'function' ? submitLabel(role) : submitLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
