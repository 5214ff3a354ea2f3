import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { hasLength, useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import {
  locationOptions,
  memberName,
  useLocationDirectory,
  useMemberDirectory,
} from '../api/directories.js';
import { applyProblemToForm, unwrap } from '../api/problem.js';
import { IconAlertCircle, IconPlus } from '../components/icons.js';
import { IconTrash } from '../components/integration-icons.js';
import { ROLE_LABELS } from '../session/session.js';
import {
  alertRulesQueryKey,
  TRIGGER_LABELS,
  TRIGGERS,
  type AlertTrigger,
  type CreateAlertRuleBody,
} from './alerts.queries.js';

const SEVERITY_CHOICES = [
  { value: 'LOW', label: 'Low or worse (every issue)' },
  { value: 'MEDIUM', label: 'Medium or worse' },
  { value: 'HIGH', label: 'High or worse' },
  { value: 'CRITICAL', label: 'Critical only' },
];

interface StepValues {
  afterMinutes: number | string;
  memberIds: string[];
}

const emptyStep = (afterMinutes: number): StepValues => ({ afterMinutes, memberIds: [] });

/** "New rule": trigger, where, and the escalation steps (who, after how many minutes). */
export function CreateAlertRuleDialog({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const locations = useLocationDirectory();
  const members = useMemberDirectory();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: '',
      trigger: 'EXECUTION_EXPIRED' as AlertTrigger,
      lateMinutes: 15 as number | string,
      severity: 'HIGH',
      locationIds: [] as string[],
      escalation: [emptyStep(0)],
    },
    validate: {
      name: hasLength({ min: 1, max: 200 }, 'Name the rule'),
      lateMinutes: (value, values) =>
        values.trigger === 'LATE_START' && (typeof value !== 'number' || value < 0)
          ? 'How many minutes late is too late?'
          : null,
      escalation: {
        memberIds: (value) => (value.length === 0 ? 'Choose who is told at this step' : null),
        afterMinutes: (value, values, path) => {
          const index = Number(path.split('.')[1]);
          const previous = values.escalation[index - 1];
          if (typeof value !== 'number' || value < 0) return 'Minutes after the alert';
          return previous && value <= Number(previous.afterMinutes)
            ? 'Later than the step before'
            : null;
        },
      },
    },
  });

  const memberChoices = [...(members.data?.values() ?? [])]
    .filter((member) => !member.archived)
    .sort((a, b) => memberName(a).localeCompare(memberName(b)))
    .map((member) => ({
      value: member.id,
      label: `${memberName(member)} · ${ROLE_LABELS[member.role]}${member.email ? '' : ' (no e-mail)'}`,
    }));

  const close = () => {
    form.reset();
    setMessage(null);
    onClose();
  };

  const create = useMutation({
    mutationFn: (values: typeof form.values) => {
      const body: CreateAlertRuleBody = {
        name: values.name.trim(),
        trigger: values.trigger,
        threshold:
          values.trigger === 'LATE_START'
            ? String(values.lateMinutes)
            : values.trigger === 'ISSUE_SEVERITY'
              ? values.severity
              : null,
        locationIds: values.locationIds.length > 0 ? values.locationIds : null,
        escalation: values.escalation.map((step) => ({
          afterMinutes: Number(step.afterMinutes),
          memberIds: step.memberIds,
        })),
      };
      return unwrap(api.POST('/alert-rules', { body }));
    },
    onMutate: () => setMessage(null),
    onSuccess: async () => {
      close();
      await queryClient.invalidateQueries({ queryKey: alertRulesQueryKey });
    },
    onError: (error) => {
      // The server names a recipient as /escalation/<step>/memberIds/<n>: shown at the step's picker.
      const aliases: Record<string, string> = {
        '/threshold': form.getValues().trigger === 'LATE_START' ? 'lateMinutes' : 'severity',
      };
      form.getValues().escalation.forEach((step, index) =>
        step.memberIds.forEach((_, position) => {
          aliases[`/escalation/${index}/memberIds/${position}`] = `escalation.${index}.memberIds`;
        }),
      );
      setMessage(applyProblemToForm(form, error, aliases));
    },
  });

  const steps = form.values.escalation;
  const lastMinutes = Number(steps[steps.length - 1]?.afterMinutes ?? 0);

  return (
    <Modal opened={opened} onClose={close} title="New alert rule" size="lg" centered>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          {message && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {message}
            </Alert>
          )}
          <TextInput
            label="Name"
            placeholder="Missed night patrols"
            required
            data-autofocus
            maxLength={200}
            {...form.getInputProps('name')}
          />
          <Select
            label="When"
            data={TRIGGERS.map((value) => ({ value, label: TRIGGER_LABELS[value] }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('trigger')}
          />
          {form.values.trigger === 'LATE_START' && (
            <NumberInput
              label="Started more than this many minutes late"
              min={0}
              max={9999}
              allowDecimal={false}
              suffix=" min"
              {...form.getInputProps('lateMinutes')}
            />
          )}
          {form.values.trigger === 'ISSUE_SEVERITY' && (
            <Select
              label="Issue severity"
              data={SEVERITY_CHOICES}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('severity')}
            />
          )}
          <MultiSelect
            label="Locations"
            description="Leave empty for the whole organization, including locations added later."
            placeholder={form.values.locationIds.length === 0 ? 'All locations' : undefined}
            data={locationOptions(locations.data)}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('locationIds')}
          />
          <div>
            <Text size="sm" fw={500}>
              Escalation
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              Each step is e-mailed to its people at its minutes after the alert, unless someone has
              acknowledged it by then. Webhooks subscribed to alert.raised and alert.escalated
              receive every step too.
            </Text>
            <Stack gap="xs">
              {steps.map((_, index) => (
                <Paper key={index} withBorder radius="sm" p="sm">
                  <Group align="flex-start" gap="sm" wrap="nowrap">
                    <NumberInput
                      label={`Step ${index + 1}: after`}
                      min={0}
                      max={10_080}
                      allowDecimal={false}
                      suffix=" min"
                      w={140}
                      {...form.getInputProps(`escalation.${index}.afterMinutes`)}
                    />
                    <MultiSelect
                      label={`Step ${index + 1}: tell`}
                      placeholder="Choose people"
                      data={memberChoices}
                      searchable
                      style={{ flex: 1 }}
                      comboboxProps={{ withinPortal: true }}
                      {...form.getInputProps(`escalation.${index}.memberIds`)}
                    />
                    {steps.length > 1 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={26}
                        aria-label={`Remove step ${index + 1}`}
                        onClick={() => form.removeListItem('escalation', index)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                </Paper>
              ))}
            </Stack>
            {steps.length < 10 && (
              <Button
                variant="subtle"
                size="xs"
                mt="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('escalation', emptyStep(lastMinutes + 15))}
              >
                Add a step
              </Button>
            )}
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create rule
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
