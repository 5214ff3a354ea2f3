import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { IconAlertCircle } from '../components/icons.js';

export type Scope = 'THIS' | 'FOLLOWING' | 'ALL';

const SCOPES: { value: Scope; label: string; description: string }[] = [
  {
    value: 'THIS',
    label: 'This occurrence',
    description: 'Only this one; the others stay as they are.',
  },
  {
    value: 'FOLLOWING',
    label: 'This and following occurrences',
    description: 'From this one on; earlier ones stay as they were.',
  },
  {
    value: 'ALL',
    label: 'All occurrences',
    description: 'Every occurrence of the task that has not begun.',
  },
];

/**
 * THIS / FOLLOWING / ALL for a recurring task's edit or cancellation. `unavailable` gives the
 * reason a scope cannot apply to this change; the server would refuse it anyway.
 */
export function ScopeDialog({
  opened,
  title,
  confirmLabel,
  danger = false,
  unavailable = {},
  pending,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  unavailable?: Partial<Record<Scope, string>>;
  pending: boolean;
  error: string | null;
  onConfirm: (scope: Scope) => void;
  onClose: () => void;
}) {
  const firstAvailable = SCOPES.find((scope) => !unavailable[scope.value])?.value ?? 'THIS';
  const [chosen, setChosen] = useState<Scope | null>(null);
  const scope = chosen && !unavailable[chosen] ? chosen : firstAvailable;

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        {error && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {error}
          </Alert>
        )}
        <Radio.Group value={scope} onChange={(value) => setChosen(value)} aria-label="Apply to">
          <Stack gap="sm">
            {SCOPES.map((option) => (
              <Radio
                key={option.value}
                value={option.value}
                label={option.label}
                disabled={Boolean(unavailable[option.value])}
                description={unavailable[option.value] ?? option.description}
              />
            ))}
          </Stack>
        </Radio.Group>
        {danger && (
          <Text size="sm" c="dimmed">
            Canceled occurrences stay as records; assignees no longer see them.
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Back
          </Button>
          <Button
            color={danger ? 'red' : undefined}
            loading={pending}
            onClick={() => onConfirm(scope)}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
