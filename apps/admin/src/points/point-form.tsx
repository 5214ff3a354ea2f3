import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import type { Schemas } from '@openpatrol/api-client';
import { useState, type ReactNode } from 'react';
import { applyProblemToForm } from '../api/problem.js';
import {
  ActionListBuilder,
  actionDraftFrom,
  toActionDefinitions,
  validateActionDrafts,
  type ActionDraft,
} from '../checklists/action-builder.js';
import { IconAlertCircle, IconCurrentLocation } from '../components/icons.js';
import { normalizeNfcTagUid, type OnDemandCheckIns, type Point } from './points.queries.js';

export interface PointFormValues {
  name: string;
  description: string;
  nfcTagUid: string;
  latitude: number | '';
  longitude: number | '';
  radiusMeters: number | '';
  onDemandCheckIns: OnDemandCheckIns;
  defaultActions: ActionDraft[];
}

type PointChanges = Schemas['UpdatePointBody'];

export const emptyPointFormValues: PointFormValues = {
  name: '',
  description: '',
  nfcTagUid: '',
  latitude: '',
  longitude: '',
  radiusMeters: '',
  onDemandCheckIns: 'DISABLED',
  defaultActions: [],
};

export function pointFormValues(point: Point): PointFormValues {
  return {
    name: point.name,
    description: point.description ?? '',
    nfcTagUid: point.nfcTagUid ?? '',
    latitude: point.latitude ?? '',
    longitude: point.longitude ?? '',
    radiusMeters: point.radiusMeters ?? '',
    onDemandCheckIns: point.onDemandCheckIns,
    defaultActions: point.defaultActions.map(actionDraftFrom),
  };
}

const numberOrNull = (value: number | ''): number | null => (value === '' ? null : Number(value));
const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The form's values as the API takes them (every field; the caller sends what changed). */
export function toPointBody(values: PointFormValues) {
  return {
    name: values.name.trim(),
    description: textOrNull(values.description),
    nfcTagUid: textOrNull(values.nfcTagUid) && normalizeNfcTagUid(values.nfcTagUid),
    latitude: numberOrNull(values.latitude),
    longitude: numberOrNull(values.longitude),
    radiusMeters: numberOrNull(values.radiusMeters),
    onDemandCheckIns: values.onDemandCheckIns,
    defaultActions: toActionDefinitions(values.defaultActions),
  } satisfies PointChanges;
}

/** The fields of `after` that differ from `before`, so each save is one meaningful version. */
export function changedPointFields(
  before: PointFormValues,
  after: PointFormValues,
): Partial<ReturnType<typeof toPointBody>> {
  const a = toPointBody(before);
  const b = toPointBody(after);
  return Object.fromEntries(
    Object.entries(b).filter(
      ([key, value]) => JSON.stringify(a[key as keyof typeof a]) !== JSON.stringify(value),
    ),
  );
}

const ON_DEMAND_LABELS: Record<OnDemandCheckIns, string> = {
  DISABLED: 'Only within tasks',
  ALL_MEMBERS: 'Anyone at the location, also without a task',
  SELECTED_MEMBERS: 'Selected members, also without a task',
};

function validatePoint(values: PointFormValues): FormErrors {
  const errors: FormErrors = {};
  const name = values.name.trim();
  if (name === '' || name.length > 200) errors.name = 'Name the point (up to 200 characters)';
  if (values.description.length > 4000)
    errors.description = 'Keep the description under 4,000 characters';
  if (values.nfcTagUid.trim() !== '' && !normalizeNfcTagUid(values.nfcTagUid))
    errors.nfcTagUid = 'A tag UID is 4 to 10 bytes of hex, e.g. 04:A2:3B:1C:5D:6E:80';
  const gps = [values.latitude, values.longitude, values.radiusMeters];
  const given = gps.filter((value) => value !== '').length;
  if (given > 0 && given < 3) {
    const missing = 'Give latitude, longitude and radius together, or clear all three';
    if (values.latitude === '') errors.latitude = missing;
    if (values.longitude === '') errors.longitude = missing;
    if (values.radiusMeters === '') errors.radiusMeters = missing;
  }
  if (values.latitude !== '' && Math.abs(values.latitude) > 90)
    errors.latitude = 'Must be between −90 and 90';
  if (values.longitude !== '' && Math.abs(values.longitude) > 180)
    errors.longitude = 'Must be between −180 and 180';
  if (values.radiusMeters !== '' && (values.radiusMeters < 1 || values.radiusMeters > 10_000))
    errors.radiusMeters = 'Between 1 and 10,000 metres';
  for (const [path, error] of Object.entries(validateActionDrafts(values.defaultActions)))
    errors[`defaultActions.${path}`] = error;
  return errors;
}

/** A GPS fix's accuracy is the least radius that can work: the phone may be that far off. */
const MIN_RADIUS_METERS = 25;

export function PointForm({
  initialValues,
  submitLabel,
  readOnly = false,
  onSubmit,
  onCancel,
  aside,
}: {
  initialValues: PointFormValues;
  submitLabel: string;
  readOnly?: boolean;
  onSubmit: (values: PointFormValues) => Promise<unknown>;
  onCancel: () => void;
  aside?: ReactNode;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [positionError, setPositionError] = useState<string | null>(null);
  const form = useForm<PointFormValues>({ initialValues, validate: validatePoint });
  const normalizedUid = normalizeNfcTagUid(form.values.nfcTagUid);

  const submit = form.onSubmit(async (values) => {
    setMessage(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setMessage(applyProblemToForm(form, error));
    }
  });

  const useMyPosition = () => {
    setPositionError(null);
    if (!('geolocation' in navigator)) {
      setPositionError('This browser cannot tell its position; type the coordinates instead.');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setLocating(false);
        form.setValues({
          latitude: Number(coords.latitude.toFixed(6)),
          longitude: Number(coords.longitude.toFixed(6)),
          radiusMeters:
            form.values.radiusMeters === ''
              ? Math.max(MIN_RADIUS_METERS, Math.ceil(coords.accuracy))
              : form.values.radiusMeters,
        });
        form.clearFieldError('latitude');
        form.clearFieldError('longitude');
        form.clearFieldError('radiusMeters');
      },
      (error) => {
        setLocating(false);
        setPositionError(
          error.code === error.PERMISSION_DENIED
            ? 'The browser was not allowed to share its position. Allow it in the site settings, or type the coordinates.'
            : 'The position could not be found. Try again outdoors, or type the coordinates.',
        );
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    );
  };

  const number = (value: string | number): number | '' => (value === '' ? '' : Number(value));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {message && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {message}
          </Alert>
        )}
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Stack gap="md" style={{ flex: '1 1 22rem' }}>
            <TextInput
              label="Name"
              placeholder="Gate 2, north side"
              required
              maxLength={200}
              readOnly={readOnly}
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Textarea
              label="Description"
              placeholder="Where exactly the tag or code is"
              autosize
              minRows={1}
              maxRows={4}
              maxLength={4000}
              readOnly={readOnly}
              {...form.getInputProps('description')}
            />
            <TextInput
              label="NFC tag UID"
              placeholder="04:A2:3B:1C:5D:6E:80"
              maxLength={64}
              readOnly={readOnly}
              description={
                normalizedUid
                  ? `Stored as ${normalizedUid}`
                  : 'As the reader shows it; colons, dashes and case do not matter.'
              }
              {...form.getInputProps('nfcTagUid')}
            />
          </Stack>
          {aside}
        </Group>

        <div>
          <Group justify="space-between" align="flex-end" mb={4}>
            <Text size="sm" fw={500}>
              GPS position
            </Text>
            {!readOnly && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconCurrentLocation size={14} />}
                loading={locating}
                onClick={useMyPosition}
              >
                Use my position
              </Button>
            )}
          </Group>
          {positionError && (
            <Text size="xs" c="red" mb={4} role="alert">
              {positionError}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
            <NumberInput
              label="Latitude"
              placeholder="46.482500"
              decimalScale={6}
              min={-90}
              max={90}
              hideControls
              readOnly={readOnly}
              {...form.getInputProps('latitude')}
              onChange={(value: string | number) => form.setFieldValue('latitude', number(value))}
            />
            <NumberInput
              label="Longitude"
              placeholder="30.723300"
              decimalScale={6}
              min={-180}
              max={180}
              hideControls
              readOnly={readOnly}
              {...form.getInputProps('longitude')}
              onChange={(value: string | number) => form.setFieldValue('longitude', number(value))}
            />
            <NumberInput
              label="Radius (m)"
              placeholder="30"
              min={1}
              max={10_000}
              readOnly={readOnly}
              {...form.getInputProps('radiusMeters')}
              onChange={(value: string | number) =>
                form.setFieldValue('radiusMeters', number(value))
              }
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4}>
            A check-in counts within the radius of this position, allowing for the phone’s accuracy.
          </Text>
        </div>

        <Select
          label="Check-ins"
          allowDeselect={false}
          readOnly={readOnly}
          data={(Object.keys(ON_DEMAND_LABELS) as OnDemandCheckIns[])
            // Picking the members is the API's (memberSettings); a point set up that way keeps it here.
            .filter(
              (value) => value !== 'SELECTED_MEMBERS' || initialValues.onDemandCheckIns === value,
            )
            .map((value) => ({ value, label: ON_DEMAND_LABELS[value] }))}
          {...form.getInputProps('onDemandCheckIns')}
        />
        {form.values.onDemandCheckIns !== 'DISABLED' && (
          <div>
            <Title order={3} fz="sm" mb={4}>
              Actions at a check-in without a task
            </Title>
            <ActionListBuilder
              actions={form.values.defaultActions}
              readOnly={readOnly}
              errorOf={(path) => form.errors[`defaultActions.${path}`]}
              onChange={(actions) => form.setFieldValue('defaultActions', actions)}
            />
          </div>
        )}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {readOnly ? 'Close' : 'Cancel'}
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
