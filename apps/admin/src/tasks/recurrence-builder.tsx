import {
  ActionIcon,
  Alert,
  Button,
  Chip,
  Group,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { describeError, ProblemError } from '../api/problem.js';
import { IconBan } from '../components/icons.js';
import { LoadingState } from '../components/states.js';
import { formatAtLocation, formatDay, instantOf, today } from '../schedule/zoned-time.js';
import {
  ORDINALS,
  WEEKDAYS,
  WEEKDAY_NAMES,
  defaultRepeat,
  describeRepeat,
  type RepeatMode,
} from './recurrence-rule.js';
import { recurrenceOf, windowOf, type TaskFormValues } from './task-form-values.js';
import { recurrencePreviewQueryOptions, type RecurrencePreviewBody } from './tasks.queries.js';

const MODES: { value: RepeatMode; label: string }[] = [
  { value: 'NONE', label: 'Does not repeat' },
  { value: 'DAILY', label: 'Daily' },
  { value: 'WEEKLY', label: 'Weekly on chosen days' },
  { value: 'MONTHLY_DAY', label: 'Monthly on a day of the month' },
  { value: 'MONTHLY_WEEKDAY', label: 'Monthly on a weekday (e.g. 2nd Tuesday)' },
  { value: 'CUSTOM', label: 'Custom rule (RRULE)' },
];

const UNITS: Partial<Record<RepeatMode, string>> = {
  DAILY: 'days',
  WEEKLY: 'weeks',
  MONTHLY_DAY: 'months',
  MONTHLY_WEEKDAY: 'months',
};

/** What the server needs to preview, or null while the form cannot say yet. */
function previewBodyOf(
  values: TaskFormValues,
  timeZone: string | null,
): RecurrencePreviewBody | null {
  const recurrence = recurrenceOf(values);
  if (!timeZone || recurrence === null || recurrence.rule === '') return null;
  if (!values.startDate || !values.startTime || !values.endDate || !values.endTime) return null;
  if (values.repeat.mode === 'WEEKLY' && values.repeat.weekdays.length === 0) return null;
  return { ...windowOf(values, timeZone), timeZone, recurrence, count: 10 };
}

/**
 * "Repeats" in plain words, the RRULE it makes, the dates to skip, and the next ten occurrences
 * as the SERVER's recurrence engine computes them, so what is previewed is what gets planned.
 */
export function RecurrenceBuilder({
  form,
  timeZone,
  disabled,
}: {
  form: UseFormReturnType<TaskFormValues>;
  timeZone: string | null;
  disabled?: boolean;
}) {
  const api = useApi();
  const { repeat, exceptions } = form.values;
  const [debouncedBody] = useDebouncedValue(previewBodyOf(form.values, timeZone), 300);
  const preview = useQuery(recurrencePreviewQueryOptions(api, debouncedBody));
  const [skipDate, setSkipDate] = useState('');

  const previewError =
    preview.isError && preview.error instanceof ProblemError
      ? (preview.error.problem.errors ?? [])
          .map((error) => `${error.pointer}: ${error.detail}`)
          .join(' ') || describeError(preview.error)
      : preview.isError
        ? describeError(preview.error)
        : null;

  const skip = (startAt: string) => {
    if (!exceptions.includes(startAt))
      form.setFieldValue('exceptions', [...exceptions, startAt].sort());
  };

  const skipChosenDate = () => {
    if (!timeZone || !skipDate) return;
    // The occurrence that day starts at the task's local start time.
    skip(instantOf(skipDate, form.values.startTime, timeZone).toISOString());
    setSkipDate('');
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Repeats"
          data={MODES}
          allowDeselect={false}
          disabled={disabled}
          {...form.getInputProps('repeat.mode')}
          onChange={(mode) => {
            // The days offered first are the start date's (its weekday, its day of the month).
            const fromStart = defaultRepeat(form.values.startDate || today());
            form.setFieldValue('repeat', {
              ...repeat,
              mode: (mode ?? 'NONE') as RepeatMode,
              weekdays: fromStart.weekdays,
              monthDay: fromStart.monthDay,
              weekdayOrdinal: fromStart.weekdayOrdinal,
              ordinalWeekday: fromStart.ordinalWeekday,
            });
          }}
          error={form.errors.repeat}
        />
        {UNITS[repeat.mode] && (
          <NumberInput
            label={`Every how many ${UNITS[repeat.mode]}`}
            min={1}
            max={999}
            allowDecimal={false}
            disabled={disabled}
            {...form.getInputProps('repeat.interval')}
          />
        )}
      </SimpleGrid>

      {repeat.mode === 'WEEKLY' && (
        <div>
          <Text size="sm" fw={500} mb={4}>
            On these days
          </Text>
          <Chip.Group
            multiple
            value={repeat.weekdays}
            onChange={(days) => form.setFieldValue('repeat.weekdays', days)}
          >
            <Group gap={6}>
              {WEEKDAYS.map((day) => (
                <Chip
                  key={day}
                  value={day}
                  size="sm"
                  disabled={disabled}
                  aria-label={WEEKDAY_NAMES[day]}
                >
                  {WEEKDAY_NAMES[day].slice(0, 3)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {repeat.weekdays.length === 0 && (
            <Text size="xs" c="red" mt={4}>
              Choose at least one day
            </Text>
          )}
        </div>
      )}

      {repeat.mode === 'MONTHLY_DAY' && (
        <NumberInput
          label="Day of the month"
          description="Months without this day are skipped."
          min={1}
          max={31}
          allowDecimal={false}
          maw={200}
          disabled={disabled}
          {...form.getInputProps('repeat.monthDay')}
        />
      )}

      {repeat.mode === 'MONTHLY_WEEKDAY' && (
        <SimpleGrid cols={2} spacing="sm" maw={420}>
          <Select
            label="Which"
            data={ORDINALS}
            allowDeselect={false}
            disabled={disabled}
            {...form.getInputProps('repeat.weekdayOrdinal')}
          />
          <Select
            label="Weekday"
            data={WEEKDAYS.map((day) => ({ value: day, label: WEEKDAY_NAMES[day] }))}
            allowDeselect={false}
            disabled={disabled}
            {...form.getInputProps('repeat.ordinalWeekday')}
          />
        </SimpleGrid>
      )}

      {repeat.mode === 'CUSTOM' && (
        <TextInput
          label="RRULE"
          description="RFC 5545, without the “RRULE:” prefix, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=8. It follows the wall clock of the location."
          placeholder="FREQ=DAILY;BYHOUR=8,20"
          disabled={disabled}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('repeat.customRule')}
          error={form.errors['repeat.customRule'] ?? form.errors.repeat}
        />
      )}

      {repeat.mode !== 'NONE' && repeat.mode !== 'CUSTOM' && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <div>
            <Text size="sm" fw={500} mb={4}>
              Ends
            </Text>
            <SegmentedControl
              aria-label="Ends"
              disabled={disabled}
              value={repeat.end}
              onChange={(value) => form.setFieldValue('repeat.end', value)}
              data={[
                { value: 'NEVER', label: 'Never' },
                { value: 'COUNT', label: 'After' },
                { value: 'UNTIL', label: 'On date' },
              ]}
            />
          </div>
          {repeat.end === 'COUNT' && (
            <NumberInput
              label="Occurrences"
              min={1}
              max={10_000}
              allowDecimal={false}
              w={140}
              disabled={disabled}
              {...form.getInputProps('repeat.count')}
            />
          )}
          {repeat.end === 'UNTIL' && (
            <TextInput
              type="date"
              label="Last day (included)"
              w={180}
              disabled={disabled}
              {...form.getInputProps('repeat.untilDate')}
            />
          )}
        </Group>
      )}

      {repeat.mode !== 'NONE' && (
        <Paper withBorder radius="md" p="sm">
          <Stack gap="xs">
            <Text size="sm" fw={500} data-testid="recurrence-summary">
              {describeRepeat(repeat)}, {form.values.startTime}–{form.values.endTime}
              {timeZone ? ` (${timeZone})` : ''}
            </Text>
            {repeat.mode !== 'CUSTOM' && (
              <Text size="xs" c="dimmed" ff="monospace">
                RRULE: {recurrenceOf(form.values)?.rule}
              </Text>
            )}

            {exceptions.length > 0 && (
              <div>
                <Text size="sm" fw={500} mb={4}>
                  Skipped
                </Text>
                <Group gap={6} data-testid="recurrence-exceptions">
                  {exceptions.map((instant) => (
                    <Chip
                      key={instant}
                      checked
                      size="xs"
                      variant="outline"
                      color="gray"
                      icon={<IconBan size={12} />}
                      disabled={disabled}
                      onClick={() =>
                        form.setFieldValue(
                          'exceptions',
                          exceptions.filter((other) => other !== instant),
                        )
                      }
                      aria-label={`Do not skip ${timeZone ? formatAtLocation(instant, timeZone) : instant}`}
                    >
                      {timeZone ? formatAtLocation(instant, timeZone) : instant}
                    </Chip>
                  ))}
                </Group>
              </div>
            )}
            {form.errors.exceptions && (
              <Text size="xs" c="red">
                {form.errors.exceptions}
              </Text>
            )}
            <Group gap="xs" align="flex-end">
              <TextInput
                type="date"
                label="Skip a date"
                size="xs"
                w={170}
                value={skipDate}
                disabled={disabled}
                onChange={(event) => setSkipDate(event.currentTarget.value)}
              />
              <Button
                size="xs"
                variant="default"
                disabled={!skipDate || disabled}
                onClick={skipChosenDate}
              >
                Skip
              </Button>
            </Group>

            <Text size="sm" fw={500} mt="xs">
              Next occurrences{timeZone ? ` at the location (${timeZone})` : ''}
            </Text>
            {debouncedBody === null ? (
              <Text size="sm" c="dimmed">
                Choose the location and complete the rule to see the occurrences.
              </Text>
            ) : preview.isPending ? (
              <LoadingState label="Asking the server…" />
            ) : previewError ? (
              <Alert
                color="red"
                variant="light"
                role="alert"
                data-testid="recurrence-preview-error"
              >
                {previewError}
              </Alert>
            ) : preview.data ? (
              <>
                <List
                  size="sm"
                  spacing={2}
                  listStyleType="none"
                  data-testid="recurrence-preview"
                  style={{ opacity: preview.isFetching ? 0.6 : 1 }}
                >
                  {preview.data.occurrences.map((occurrence) => {
                    const [date, time] = occurrence.localStartAt.split('T');
                    const end = occurrence.localEndAt.split('T');
                    return (
                      <List.Item key={occurrence.startAt} data-testid="recurrence-occurrence">
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {formatDay(date!, { year: 'numeric' })}, {time}–
                            {end[0] === date ? end[1] : `${formatDay(end[0]!)} ${end[1]}`}{' '}
                            <Text span size="xs" c="dimmed">
                              UTC{occurrence.utcOffset}
                            </Text>
                          </Text>
                          {!disabled && (
                            <Tooltip label="Skip this one">
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                size="sm"
                                aria-label={`Skip ${formatDay(date!, { year: 'numeric' })} ${time}`}
                                onClick={() => skip(occurrence.startAt)}
                              >
                                <IconBan size={14} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Group>
                      </List.Item>
                    );
                  })}
                </List>
                <Text size="xs" c="dimmed">
                  {preview.data.occurrences.length === 0
                    ? 'This rule leaves no occurrence.'
                    : preview.data.hasMore
                      ? 'And more after these.'
                      : 'The series ends here.'}
                </Text>
              </>
            ) : null}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
