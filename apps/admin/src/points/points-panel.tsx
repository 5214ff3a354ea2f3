import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Group,
  Menu,
  Modal,
  Paper,
  Stack,
  Switch,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { describeError, unwrap } from '../api/problem.js';
import {
  IconArchive,
  IconDots,
  IconMapPin,
  IconPencil,
  IconPlus,
  IconPrinter,
  IconQrcode,
  IconRefresh,
  IconRestore,
} from '../components/icons.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import type { Location } from '../locations/locations.queries.js';
import { useSignedIn } from '../session/session-hooks.js';
import { canEditPoints, canPrintQrCodes } from '../session/session.js';
import {
  changedPointFields,
  emptyPointFormValues,
  pointFormValues,
  PointForm,
  toPointBody,
  type PointFormValues,
} from './point-form.js';
import { pointListQueryOptions, pointsQueryKey, type Point } from './points.queries.js';
import { QrCodePreview, useOpenPdf } from './qr-codes.js';

/** How the point can be proven: the badges in the list. */
function ProofBadges({ point }: { point: Point }) {
  return (
    <Group gap={4}>
      <Badge size="sm" variant="light" color="dark">
        QR
      </Badge>
      {point.nfcTagUid && (
        <Tooltip label={point.nfcTagUid}>
          <Badge size="sm" variant="light" color="blue">
            NFC
          </Badge>
        </Tooltip>
      )}
      {point.latitude !== null && (
        <Tooltip label={`${point.latitude}, ${point.longitude} ± ${point.radiusMeters} m`}>
          <Badge size="sm" variant="light" color="teal">
            GPS {point.radiusMeters} m
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

/** The location page's points: list, create, edit, archive, QR codes and printable sheets. */
export function PointsPanel({ location }: { location: Location }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { membership } = useSignedIn();
  const canEdit = canEditPoints(membership.role) && !location.archived;
  const canPrint = canPrintQrCodes(membership.role);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [editing, setEditing] = useState<Point | 'new' | null>(null);
  const [confirming, setConfirming] = useState<{
    point: Point;
    action: 'archive' | 'regenerate';
  } | null>(null);
  const pdf = useOpenPdf();

  const list = useInfiniteQuery(
    pointListQueryOptions(api, { locationId: location.id, includeArchived }),
  );
  const points = list.data?.pages.flatMap((page) => page.points) ?? [];
  const activeCount = points.filter((point) => !point.archived).length;

  const settle = async (point: Point, message: string) => {
    notifications.show({ color: 'green', message });
    await queryClient.invalidateQueries({ queryKey: pointsQueryKey });
    // An open dialog shows the point as it is now (a new QR code, say).
    setEditing((current) => (current !== null && current !== 'new' ? point : current));
  };
  const onError = (error: unknown) =>
    notifications.show({ color: 'red', title: 'Not changed', message: describeError(error) });
  const archive = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/points/{id}/archive', { params: { path: { id } } })),
    onSuccess: (point) => settle(point, `“${point.name}” archived.`),
    onError,
  });
  const restore = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/points/{id}/restore', { params: { path: { id } } })),
    onSuccess: (point) => settle(point, `“${point.name}” restored.`),
    onError,
  });
  const regenerate = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/points/{id}/regenerate-qr-code', { params: { path: { id } } })),
    onSuccess: (point) =>
      settle(point, `“${point.name}” has a new QR code: print it and replace the old one.`),
    onError,
  });

  const printPoint = (point: Point) =>
    void pdf.open(() =>
      unwrap<Blob>(
        api.GET('/points/{id}/qr-sheet.pdf', {
          params: { path: { id: point.id } },
          parseAs: 'blob',
        }),
      ),
    );
  const printLocation = () =>
    void pdf.open(() =>
      unwrap<Blob>(
        api.GET('/locations/{id}/qr-sheet.pdf', {
          params: { path: { id: location.id } },
          parseAs: 'blob',
        }),
      ),
    );

  const save = async (values: PointFormValues) => {
    if (editing === 'new') {
      const point = await unwrap(
        api.POST('/points', { body: { locationId: location.id, ...toPointBody(values) } }),
      );
      notifications.show({ color: 'green', message: `“${point.name}” created.` });
    } else if (editing) {
      const changes = changedPointFields(pointFormValues(editing), values);
      if (Object.keys(changes).length > 0) {
        const point = await unwrap(
          api.PATCH('/points/{id}', { params: { path: { id: editing.id } }, body: changes }),
        );
        notifications.show({ color: 'green', message: `“${point.name}” saved.` });
      }
    }
    await queryClient.invalidateQueries({ queryKey: pointsQueryKey });
    setEditing(null);
  };

  const newButton = canEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      New point
    </Button>
  );

  return (
    <Stack gap="md" mt="xl">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2} fz="lg">
            Points
          </Title>
          <Text size="sm" c="dimmed">
            Where work is proven: a QR code, an NFC tag, and/or a GPS position.
          </Text>
        </div>
        <Group gap="sm">
          <Switch
            label="Show archived"
            checked={includeArchived}
            onChange={(event) => setIncludeArchived(event.currentTarget.checked)}
          />
          {canPrint && activeCount > 0 && (
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              loading={pdf.pending}
              onClick={printLocation}
            >
              Print QR sheet
            </Button>
          )}
          {newButton}
        </Group>
      </Group>

      {list.isPending ? (
        <LoadingState label="Loading points…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : points.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconMapPin size={28} />}
            title="No points yet"
            description={
              canEdit
                ? 'Add the places your team must visit here: each gets a QR code to print, and can carry an NFC tag or a GPS position.'
                : 'Owners and Admins add the points of a location.'
            }
            action={newButton}
          />
        </Paper>
      ) : (
        <>
          <DataTable<Point>
            aria-label="Points"
            withTableBorder
            borderRadius="md"
            verticalSpacing="sm"
            highlightOnHover
            fetching={list.isFetching && !list.isFetchingNextPage}
            records={points}
            idAccessor="id"
            onRowClick={({ record }) => setEditing(record)}
            rowStyle={(point) => (point.archived ? { opacity: 0.65 } : undefined)}
            columns={[
              {
                accessor: 'name',
                title: 'Name',
                render: (point) => (
                  <div>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={500}>
                        {point.name}
                      </Text>
                      {point.archived && (
                        <Badge size="xs" color="gray" variant="light">
                          Archived
                        </Badge>
                      )}
                    </Group>
                    {point.description && (
                      <Text size="xs" c="dimmed" lineClamp={1} maw={360}>
                        {point.description}
                      </Text>
                    )}
                  </div>
                ),
              },
              {
                accessor: 'proof',
                title: 'Proof',
                render: (point) => <ProofBadges point={point} />,
              },
              {
                accessor: 'onDemandCheckIns',
                title: 'Without a task',
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
                render: (point) => (
                  <Text size="sm">{point.onDemandCheckIns === 'DISABLED' ? 'No' : 'Allowed'}</Text>
                ),
              },
              {
                accessor: 'actions',
                title: <VisuallyHidden>Actions</VisuallyHidden>,
                textAlign: 'right',
                width: 56,
                render: (point) =>
                  (canEdit || canPrint) && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Actions for ${point.name}`}
                          onClick={(event) => event.stopPropagation()}
                        >
                          <IconDots size={18} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown onClick={(event) => event.stopPropagation()}>
                        <Menu.Item
                          leftSection={<IconPencil size={16} />}
                          onClick={() => setEditing(point)}
                        >
                          {canEdit ? 'Edit' : 'Open'}
                        </Menu.Item>
                        {canPrint && !point.archived && (
                          <Menu.Item
                            leftSection={<IconPrinter size={16} />}
                            onClick={() => printPoint(point)}
                          >
                            Print QR sheet
                          </Menu.Item>
                        )}
                        {canEdit && !point.archived && (
                          <Menu.Item
                            leftSection={<IconRefresh size={16} />}
                            onClick={() => setConfirming({ point, action: 'regenerate' })}
                          >
                            Regenerate QR code
                          </Menu.Item>
                        )}
                        {canEdit &&
                          (point.archived ? (
                            <Menu.Item
                              leftSection={<IconRestore size={16} />}
                              onClick={() => restore.mutate(point.id)}
                            >
                              Restore
                            </Menu.Item>
                          ) : (
                            <Menu.Item
                              color="red"
                              leftSection={<IconArchive size={16} />}
                              onClick={() => setConfirming({ point, action: 'archive' })}
                            >
                              Archive
                            </Menu.Item>
                          ))}
                      </Menu.Dropdown>
                    </Menu>
                  ),
              },
            ]}
          />
          {list.hasNextPage && (
            <Center>
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                Load more
              </Button>
            </Center>
          )}
        </>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New point' : editing?.name}
        size="xl"
        centered
      >
        {editing !== null && (
          <PointForm
            // A new version (saved, new QR code) starts the form again from the server's copy.
            key={editing === 'new' ? 'new' : editing.historyId}
            initialValues={editing === 'new' ? emptyPointFormValues : pointFormValues(editing)}
            submitLabel={editing === 'new' ? 'Create point' : 'Save changes'}
            readOnly={!canEdit || (editing !== 'new' && editing.archived)}
            onSubmit={save}
            onCancel={() => setEditing(null)}
            aside={
              editing !== 'new' &&
              canPrint && (
                <Stack gap="xs" align="center">
                  <QrCodePreview point={editing} />
                  {!editing.archived && (
                    <Group gap={4}>
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconPrinter size={14} />}
                        loading={pdf.pending}
                        onClick={() => printPoint(editing)}
                      >
                        Print QR sheet
                      </Button>
                      {canEdit && (
                        <Button
                          size="xs"
                          variant="subtle"
                          leftSection={<IconQrcode size={14} />}
                          onClick={() => setConfirming({ point: editing, action: 'regenerate' })}
                        >
                          New code
                        </Button>
                      )}
                    </Group>
                  )}
                </Stack>
              )
            }
          />
        )}
      </Modal>

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming?.action === 'archive' ? 'Archive point?' : 'Regenerate QR code?'}
        centered
        zIndex={300}
      >
        <Stack gap="md">
          <Text size="sm">
            {confirming?.action === 'archive' ? (
              <>
                <strong>{confirming.point.name}</strong> leaves planning, the field app and the QR
                sheets. Its history and past check-ins stay, and you can restore it.
              </>
            ) : (
              <>
                The printed code of <strong>{confirming?.point.name}</strong> stops working at once.
                Print the new one and replace it on site before the next round.
              </>
            )}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={archive.isPending || regenerate.isPending}
              onClick={() => {
                if (!confirming) return;
                const mutation = confirming.action === 'archive' ? archive : regenerate;
                mutation.mutate(confirming.point.id, { onSuccess: () => setConfirming(null) });
              }}
            >
              {confirming?.action === 'archive' ? 'Archive point' : 'Regenerate QR code'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
