import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ExecutionBadges } from './execution-labels.js';
import type { Execution, ExecutionAction, Point } from './executions.queries.js';
import { PhotoThumbnail, type Photo } from './photo-lightbox.js';

function isOutOfRange(action: ExecutionAction): boolean {
  if (action.numberValue === null) return false;
  return (
    (action.minValue !== null && action.numberValue < action.minValue) ||
    (action.maxValue !== null && action.numberValue > action.maxValue)
  );
}

function range(action: ExecutionAction): string | null {
  if (action.minValue === null && action.maxValue === null) return null;
  if (action.minValue === null) return `at most ${action.maxValue}`;
  if (action.maxValue === null) return `at least ${action.minValue}`;
  return `${action.minValue}–${action.maxValue}`;
}

/** The value recorded for an action, as a person reads it. */
function valueOf(
  action: ExecutionAction,
  photos: readonly Photo[],
  onOpenPhoto: (index: number) => void,
): ReactNode {
  switch (action.type) {
    case 'BOOLEAN':
      return action.booleanValue === null ? null : action.booleanValue ? 'Yes' : 'No';
    case 'NUMBER':
      return action.numberValue;
    case 'MEDIA':
      if (!action.mediaValueIds?.length) return null;
      return (
        <Group gap="xs">
          {action.mediaValueIds.map((mediaId) => {
            const index = photos.findIndex((photo) => photo.mediaId === mediaId);
            return (
              <PhotoThumbnail
                key={mediaId}
                photo={photos[index]!}
                onOpen={() => onOpenPhoto(index)}
              />
            );
          })}
        </Group>
      );
    case 'INSTRUCTION':
      return (
        <Text size="xs" c="dimmed">
          Instruction
        </Text>
      );
    default:
      return action.textValue;
  }
}

/**
 * Each step with its point and what was recorded for each action; results that raised a warning
 * or an error are highlighted, and so are required values left empty and numbers out of range.
 */
export function ExecutionSteps({
  execution,
  pointsById,
  photos,
  onOpenPhoto,
}: {
  execution: Execution;
  pointsById: ReadonlyMap<string, Point>;
  photos: readonly Photo[];
  onOpenPhoto: (index: number) => void;
}) {
  if (execution.steps.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This task has no steps.
      </Text>
    );
  return (
    <Stack gap="md">
      {execution.steps.map((step) => (
        <Paper key={step.id} withBorder radius="sm" p="sm" data-testid="execution-step">
          <Group justify="space-between" mb={step.actions.length > 0 ? 'xs' : 0} wrap="wrap">
            <div>
              <Text size="sm" fw={600}>
                {step.order + 1}. {step.name}
              </Text>
              <Text size="xs" c="dimmed">
                {pointsById.get(step.pointId)?.name ?? 'Point'}
                {/* actualOrder counts from 1, order from 0. */}
                {step.actualOrder !== null && step.actualOrder !== step.order + 1
                  ? ` · done as number ${step.actualOrder}`
                  : ''}
              </Text>
            </div>
            {step.state ? (
              <Group gap={6}>
                <Badge
                  size="sm"
                  variant="light"
                  color={step.state === 'SKIPPED' ? 'orange' : 'blue'}
                >
                  {step.state.replaceAll('_', ' ').toLowerCase()}
                </Badge>
                {step.status && (
                  <ExecutionBadges
                    execution={{ state: 'COMPLETED', status: step.status, expired: false }}
                    size="sm"
                  />
                )}
              </Group>
            ) : (
              <Badge size="sm" variant="light" color="gray">
                not checked in
              </Badge>
            )}
          </Group>
          {step.actions.length > 0 && (
            <Table fz="sm" verticalSpacing={6} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="40%">Action</Table.Th>
                  <Table.Th>Value</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {step.actions.map((action) => {
                  const outOfRange = isOutOfRange(action);
                  const alarm =
                    action.status === 'ERROR' || action.missedRequiredValue
                      ? 'red'
                      : action.status === 'WARNING' || action.validAction === false
                        ? 'yellow'
                        : null;
                  const value = valueOf(action, photos, onOpenPhoto);
                  return (
                    <Table.Tr
                      key={action.id}
                      bg={alarm ? `var(--mantine-color-${alarm}-light)` : undefined}
                      data-testid="execution-action"
                      data-alert={alarm ?? undefined}
                    >
                      <Table.Td>
                        <Text size="sm">
                          {action.name}
                          {action.required && (
                            <Text span c="dimmed" size="xs">
                              {' '}
                              (required)
                            </Text>
                          )}
                        </Text>
                        {range(action) && (
                          <Text size="xs" c="dimmed">
                            Expected {range(action)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="wrap">
                          {value === null || value === undefined ? (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          ) : typeof value === 'object' ? (
                            value
                          ) : (
                            <Text size="sm" fw={500} data-testid="action-value">
                              {value}
                            </Text>
                          )}
                          {outOfRange && (
                            <Badge size="xs" color={alarm ?? 'red'} variant="filled">
                              Out of range
                            </Badge>
                          )}
                          {action.missedRequiredValue && (
                            <Badge size="xs" color="red" variant="filled">
                              Required value missing
                            </Badge>
                          )}
                          {action.state === 'SKIPPED' && (
                            <Badge size="xs" color="orange" variant="light">
                              Skipped
                            </Badge>
                          )}
                          {!outOfRange && action.validAction === false && (
                            <Badge size="xs" color={alarm ?? 'yellow'} variant="filled">
                              Alert
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
