import {
  Alert,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { hasLength, useForm } from '@mantine/form';
import type { Schemas } from '@openpatrol/api-client';
import { useState, type ReactNode } from 'react';
import { applyProblemToForm } from '../api/problem.js';
import { IconAlertCircle } from '../components/icons.js';
import { TimeZoneSelect } from '../components/time-zone-select.js';
import type { Location } from './locations.queries.js';

export interface LocationFormValues {
  name: string;
  timeZone: string;
  address: string;
  description: string;
  latitude: number | string;
  longitude: number | string;
}

type LocationBody = Required<Schemas['CreateLocationBody']>;

export function locationFormValues(location: Location): LocationFormValues {
  return {
    name: location.name,
    timeZone: location.timeZone,
    address: location.address ?? '',
    description: location.description ?? '',
    latitude: location.latitude ?? '',
    longitude: location.longitude ?? '',
  };
}

const coordinate = (value: number | string): number | null =>
  value === '' || value === null ? null : Number(value);
const optionalText = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The form's values as the API takes them: empty text and numbers become null. */
export function toLocationBody(values: LocationFormValues): LocationBody {
  return {
    name: values.name.trim(),
    timeZone: values.timeZone,
    address: optionalText(values.address),
    description: optionalText(values.description),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
  };
}

function coordinateError(
  value: number | string,
  other: number | string,
  range: number,
  name: string,
): string | null {
  if (value === '' && other !== '') return `Give the ${name} too, or clear both`;
  if (value !== '' && Math.abs(Number(value)) > range)
    return `Must be between −${range} and ${range}`;
  return null;
}

/** Create and edit share one form; `onSubmit` rejects with the server's problem to show it inline. */
export function LocationForm({
  initialValues,
  submitLabel,
  readOnly = false,
  onSubmit,
  onCancel,
  children,
}: {
  initialValues: LocationFormValues;
  submitLabel: string;
  readOnly?: boolean;
  onSubmit: (values: LocationFormValues) => Promise<unknown>;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<LocationFormValues>({
    initialValues,
    validate: {
      name: hasLength({ min: 1, max: 200 }, 'Name the location (up to 200 characters)'),
      timeZone: (value) => (value ? null : 'Choose the time zone the location is in'),
      address: hasLength({ max: 500 }, 'Keep the address under 500 characters'),
      description: hasLength({ max: 4000 }, 'Keep the description under 4,000 characters'),
      latitude: (value, values) => coordinateError(value, values.longitude, 90, 'longitude'),
      longitude: (value, values) => coordinateError(value, values.latitude, 180, 'latitude'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setMessage(applyProblemToForm(form, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {message && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {message}
          </Alert>
        )}
        {children}
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Fieldset variant="unstyled" disabled={readOnly}>
            <Stack gap="md">
              <TextInput
                label="Name"
                placeholder="North Gate Warehouse"
                required
                maxLength={200}
                data-autofocus
                {...form.getInputProps('name')}
              />
              <TimeZoneSelect
                label="Time zone"
                description="Task times at this location are planned and shown in this zone, across daylight-saving changes."
                required
                {...form.getInputProps('timeZone')}
                value={form.values.timeZone}
              />
              <TextInput
                label="Address"
                placeholder="12 Harbour Road, Odesa"
                maxLength={500}
                {...form.getInputProps('address')}
              />
              <Textarea
                label="Description"
                placeholder="Access codes, contacts, what the site is"
                autosize
                minRows={2}
                maxRows={6}
                maxLength={4000}
                {...form.getInputProps('description')}
              />
              <div>
                <Text size="sm" fw={500} mb={4}>
                  Coordinates
                </Text>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                  <NumberInput
                    label="Latitude"
                    placeholder="46.4825"
                    decimalScale={6}
                    min={-90}
                    max={90}
                    hideControls
                    {...form.getInputProps('latitude')}
                  />
                  <NumberInput
                    label="Longitude"
                    placeholder="30.7233"
                    decimalScale={6}
                    min={-180}
                    max={180}
                    hideControls
                    {...form.getInputProps('longitude')}
                  />
                </SimpleGrid>
              </div>
            </Stack>
          </Fieldset>
        </Paper>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {readOnly ? 'Back' : 'Cancel'}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={form.submitting}>
              {submitLabel}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
