import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { locationOptions, useLocationDirectory } from '../api/directories.js';
import { describeError, unwrap } from '../api/problem.js';
import { browserTimeZone, formatInstantWithZone } from '../components/date-time.js';
import { IconAlertCircle } from '../components/icons.js';
import { IconFileDownload } from '../components/integration-icons.js';
import { PageHeader } from '../components/page-header.js';
import { ErrorState, LoadingState } from '../components/states.js';
import { MAX_REPORT_DAYS, periodInstants, todayIn } from './report-period.js';

type ReportFormat = 'csv' | 'xlsx' | 'pdf';
type ExecutionState = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'INCOMPLETE' | 'CANCELED';

const FORMATS: { format: ReportFormat; label: string; hint: string }[] = [
  { format: 'csv', label: 'Download CSV', hint: 'for any spreadsheet or script' },
  { format: 'xlsx', label: 'Download XLSX', hint: 'for Excel, with a header' },
  { format: 'pdf', label: 'Download PDF', hint: 'to send a client' },
];

const STATES: { value: ExecutionState; label: string }[] = [
  { value: 'PLANNED', label: 'Planned' },
  { value: 'IN_PROGRESS', label: 'In progress' },
  { value: 'COMPLETED', label: 'Completed' },
  { value: 'INCOMPLETE', label: 'Incomplete' },
  { value: 'CANCELED', label: 'Canceled' },
];

const DAY_MS = 86_400_000;

/** Saves a downloaded file under the name the server gave it. */
function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/** Reports: the executions of a period at some locations, as CSV, XLSX or PDF. */
export function ReportsPage() {
  const locations = useLocationDirectory();
  return (
    <>
      <PageHeader
        title="Reports"
        description="Every execution of a period — planned, performed, missed or canceled — with its results, its times in the location’s zone, and whether its record is intact. Send the PDF to a client, open the spreadsheet for your own analysis."
      />
      {locations.isPending ? (
        <LoadingState label="Loading locations…" />
      ) : locations.isError ? (
        <ErrorState error={locations.error} onRetry={() => void locations.refetch()} />
      ) : (
        <ExecutionsReportForm
          zones={[
            ...new Set(
              [...locations.data.values()].filter((l) => !l.archived).map((l) => l.timeZone),
            ),
          ]}
          options={locationOptions(locations.data)}
          zoneOf={(id) => locations.data.get(id)?.timeZone}
        />
      )}
    </>
  );
}

function ExecutionsReportForm({
  zones,
  options,
  zoneOf,
}: {
  zones: string[];
  options: { value: string; label: string }[];
  zoneOf: (locationId: string) => string | undefined;
}) {
  const api = useApi();
  const [message, setMessage] = useState<string | null>(null);
  const defaultZone = zones.length === 1 && zones[0] ? zones[0] : browserTimeZone();
  const today = todayIn(defaultZone);
  const form = useForm({
    initialValues: {
      first: `${today.slice(0, 8)}01`,
      last: today,
      timeZone: defaultZone,
      locationIds: [] as string[],
      states: [] as ExecutionState[],
    },
    validate: {
      first: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Choose the first day'),
      last: (value, values) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Choose the last day';
        if (value < values.first) return 'The last day comes after the first';
        const { from, to } = periodInstants(values.first, value, values.timeZone);
        return Date.parse(to) - Date.parse(from) > MAX_REPORT_DAYS * DAY_MS
          ? `At most ${MAX_REPORT_DAYS} days in one report`
          : null;
      },
    },
  });
  const zoneChoices = [...new Set([...zones, browserTimeZone(), 'UTC'])].sort();
  const period = form.isValid()
    ? periodInstants(form.values.first, form.values.last, form.values.timeZone)
    : null;

  const download = useMutation({
    mutationFn: async ({
      format,
      values,
    }: {
      format: ReportFormat;
      values: typeof form.values;
    }) => {
      const { from, to } = periodInstants(values.first, values.last, values.timeZone);
      const { data, error, response } = await api.GET('/reports/executions', {
        params: {
          query: {
            from,
            to,
            format,
            locationIds: values.locationIds.length > 0 ? values.locationIds.join(',') : undefined,
            states: values.states.length > 0 ? values.states.join(',') : undefined,
          },
        },
        parseAs: 'blob',
      });
      const blob = await unwrap(Promise.resolve({ data, error, response }));
      saveFile(blob, fileNameOf(response, `executions.${format}`));
    },
    onMutate: () => setMessage(null),
    // The report's parameters are a query string: its problems name no form field, only say what is wrong.
    onError: (error) => setMessage(describeError(error)),
  });

  // A single location's zone is the natural clock for its days.
  const pickLocations = (ids: string[]) => {
    form.setFieldValue('locationIds', ids);
    const picked = [...new Set(ids.map(zoneOf).filter((zone) => zone !== undefined))];
    if (picked.length === 1 && picked[0]) form.setFieldValue('timeZone', picked[0]);
  };

  return (
    <Paper withBorder radius="md" p="lg" maw={860}>
      <Title order={2} fz="md" mb="md">
        Executions report
      </Title>
      <Stack gap="md">
        {message && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {message}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label="First day" required {...form.getInputProps('first')} />
          <TextInput type="date" label="Last day" required {...form.getInputProps('last')} />
          <Select
            label="Days in time zone"
            data={zoneChoices}
            searchable
            allowDeselect={false}
            {...form.getInputProps('timeZone')}
          />
        </SimpleGrid>
        <MultiSelect
          label="Locations"
          placeholder={form.values.locationIds.length === 0 ? 'All locations you see' : undefined}
          data={options}
          searchable
          clearable
          {...form.getInputProps('locationIds')}
          onChange={pickLocations}
        />
        <MultiSelect
          label="States"
          placeholder={
            form.values.states.length === 0 ? 'Every state, canceled included' : undefined
          }
          data={STATES}
          clearable
          {...form.getInputProps('states')}
        />
        <Text size="sm" c="dimmed" data-testid="report-period">
          {period
            ? `Executions whose window overlaps ${formatInstantWithZone(period.from, form.values.timeZone)} – ${formatInstantWithZone(period.to, form.values.timeZone)} (${form.values.timeZone}).`
            : 'Choose a period of at most 31 days.'}
        </Text>
        <Group gap="sm">
          {FORMATS.map(({ format, label, hint }) => (
            <Button
              key={format}
              variant={format === 'pdf' ? 'filled' : 'default'}
              leftSection={<IconFileDownload size={16} />}
              loading={download.isPending && download.variables.format === format}
              disabled={download.isPending && download.variables.format !== format}
              title={hint}
              onClick={() => {
                if (!form.validate().hasErrors)
                  download.mutate({ format, values: form.getValues() });
              }}
            >
              {label}
            </Button>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
