import 'mantine-datatable/styles.css';
import {
  Badge,
  Button,
  Center,
  CloseButton,
  Group,
  MultiSelect,
  Paper,
  Select,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import { useApi } from '../api/admin-api.js';
import { locationOptions, useLocationDirectory } from '../api/directories.js';
import { IconAlertCircle, IconSearch } from '../components/icons.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { ZonedTime } from '../components/zoned-time.js';
import {
  CATEGORY_LABELS,
  ISSUE_CATEGORIES,
  ISSUE_SEVERITIES,
  ISSUE_STATUSES,
  SEVERITY_COLORS,
  SEVERITY_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  type Issue,
} from './issue-labels.js';
import type { IssuesSearch } from './issues-search.js';
import { issueListQueryOptions } from './issues.queries.js';

const route = getRouteApi('/app/issues');

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** Issues reported from the field, newest first, filtered by status, severity, category and location. */
export function IssuesPage() {
  const api = useApi();
  const navigate = useNavigate({ from: '/issues' });
  const filters = route.useSearch();
  const locations = useLocationDirectory();
  const list = useInfiniteQuery(issueListQueryOptions(api, filters));
  const issues = list.data?.pages.flatMap((page) => page.issues) ?? [];
  const isFiltered = Object.values(filters).some((value) => value !== undefined);

  // The box answers as one types; the address (shareable, survives reload) follows.
  const [searchText, setSearchText] = useState(filters.search ?? '');
  const applySearch = useDebouncedCallback((value: string) => {
    void navigate({
      search: (previous) => ({ ...previous, search: value.trim() || undefined }),
      replace: true,
    });
  }, 250);
  const typeSearch = (value: string) => {
    setSearchText(value);
    applySearch(value);
  };

  const setFilter = <K extends keyof IssuesSearch>(key: K, value: IssuesSearch[K]) =>
    void navigate({
      search: (previous) => ({
        ...previous,
        [key]: Array.isArray(value) && value.length === 0 ? undefined : (value ?? undefined),
      }),
      replace: true,
    });

  return (
    <>
      <PageHeader
        title="Issues"
        description="Incidents and defects reported from the field. Open one to see its photos and position, comment, and move it from open to acknowledged to resolved."
      />

      <Group mb="md" gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          label="Search"
          placeholder="Words, or #42"
          leftSection={<IconSearch size={16} />}
          value={searchText}
          onChange={(event) => typeSearch(event.currentTarget.value)}
          rightSection={
            searchText && (
              <CloseButton size="sm" aria-label="Clear search" onClick={() => typeSearch('')} />
            )
          }
          w={240}
        />
        <MultiSelect
          label="Status"
          placeholder={filters.status ? undefined : 'Any status'}
          data={options(ISSUE_STATUSES, STATUS_LABELS)}
          value={filters.status ?? []}
          onChange={(value) => setFilter('status', value as IssuesSearch['status'])}
          clearable
          w={260}
        />
        <MultiSelect
          label="Severity"
          placeholder={filters.severity ? undefined : 'Any severity'}
          data={options(ISSUE_SEVERITIES, SEVERITY_LABELS)}
          value={filters.severity ?? []}
          onChange={(value) => setFilter('severity', value as IssuesSearch['severity'])}
          clearable
          w={240}
        />
        <MultiSelect
          label="Category"
          placeholder={filters.category ? undefined : 'Any category'}
          data={options(ISSUE_CATEGORIES, CATEGORY_LABELS)}
          value={filters.category ?? []}
          onChange={(value) => setFilter('category', value as IssuesSearch['category'])}
          clearable
          w={240}
        />
        <Select
          label="Location"
          placeholder="All locations"
          data={locationOptions(locations.data)}
          value={filters.locationId ?? null}
          onChange={(value) => setFilter('locationId', value ?? undefined)}
          searchable
          clearable
          w={240}
        />
      </Group>

      {list.isPending ? (
        <LoadingState label="Loading issues…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : issues.length === 0 ? (
        <Paper withBorder radius="md">
          {isFiltered ? (
            <EmptyState
              icon={<IconSearch size={28} />}
              title="No issue matches these filters"
              action={
                <Button
                  variant="default"
                  onClick={() => {
                    setSearchText('');
                    void navigate({ search: {} });
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<IconAlertCircle size={28} />}
              title="No issues reported"
              description="When guards, cleaners or inspectors report an incident or defect from the field app, it appears here."
            />
          )}
        </Paper>
      ) : (
        <>
          <DataTable<Issue>
            aria-label="Issues"
            withTableBorder
            borderRadius="md"
            verticalSpacing="sm"
            highlightOnHover
            fetching={list.isFetching && !list.isFetchingNextPage}
            records={issues}
            idAccessor="id"
            onRowClick={({ record }) =>
              void navigate({ to: '/issues/$issueId', params: { issueId: record.id } })
            }
            columns={[
              {
                accessor: 'number',
                title: '#',
                width: 64,
                render: (issue) => (
                  <Text size="sm" c="dimmed">
                    #{issue.number}
                  </Text>
                ),
              },
              {
                accessor: 'title',
                title: 'Issue',
                render: (issue) => (
                  <div>
                    <Text size="sm" fw={500} lineClamp={1}>
                      {issue.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {CATEGORY_LABELS[issue.category]}
                    </Text>
                  </div>
                ),
              },
              {
                accessor: 'severity',
                title: 'Severity',
                render: (issue) => (
                  <Badge color={SEVERITY_COLORS[issue.severity]} variant="light">
                    {SEVERITY_LABELS[issue.severity]}
                  </Badge>
                ),
              },
              {
                accessor: 'status',
                title: 'Status',
                render: (issue) => (
                  <Badge color={STATUS_COLORS[issue.status]} variant="dot">
                    {STATUS_LABELS[issue.status]}
                  </Badge>
                ),
              },
              {
                accessor: 'locationId',
                title: 'Location',
                visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
                render: (issue) => (
                  <Text size="sm">{locations.data?.get(issue.locationId)?.name ?? '…'}</Text>
                ),
              },
              {
                accessor: 'occurredAt',
                title: 'Occurred',
                noWrap: true,
                render: (issue) => (
                  <ZonedTime
                    value={issue.occurredAt}
                    timeZone={locations.data?.get(issue.locationId)?.timeZone}
                  />
                ),
              },
            ]}
          />
          {list.hasNextPage && (
            <Center mt="md">
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
    </>
  );
}
