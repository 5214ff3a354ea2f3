import type { OpenPatrolClient, Schemas } from '@openpatrol/api-client';
import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';

export type Alert = Schemas['Alert'];
export type AlertRule = Schemas['AlertRule'];
export type CreateAlertRuleBody = Schemas['CreateAlertRuleBody'];
export type AlertTrigger = AlertRule['trigger'];
export type AlertStatusFilter = 'OPEN' | 'ACKNOWLEDGED' | 'ALL';

export const alertsQueryKey = ['alerts'] as const;
export const alertRulesQueryKey = ['alert-rules'] as const;

/** A supervisor leaves the inbox open: new alerts should show without a reload. */
const INBOX_REFRESH_MS = 15_000;

export function alertListQueryOptions(api: OpenPatrolClient, status: AlertStatusFilter) {
  return queryOptions({
    queryKey: [...alertsQueryKey, 'list', status],
    queryFn: () =>
      unwrap(api.GET('/alerts', { params: { query: status === 'ALL' ? {} : { status } } })),
    refetchInterval: INBOX_REFRESH_MS,
  });
}

/** The navigation's badge: how many alerts nobody has acknowledged yet. */
export function openAlertCountQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: [...alertsQueryKey, 'list', 'OPEN'],
    queryFn: () => unwrap(api.GET('/alerts', { params: { query: { status: 'OPEN' } } })),
    select: (alerts) => alerts.length,
    refetchInterval: INBOX_REFRESH_MS,
  });
}

export function alertRulesQueryOptions(api: OpenPatrolClient) {
  return queryOptions({
    queryKey: alertRulesQueryKey,
    queryFn: () => unwrap(api.GET('/alert-rules')),
  });
}

export const TRIGGER_LABELS: Record<AlertTrigger, string> = {
  EXECUTION_EXPIRED: 'Missed (expired) execution',
  LATE_START: 'Late start',
  COMPLETED_WITH_ERRORS: 'Finished with errors',
  ISSUE_SEVERITY: 'Serious issue reported',
  PANIC: 'Panic button',
};

export const TRIGGERS: readonly AlertTrigger[] = [
  'EXECUTION_EXPIRED',
  'LATE_START',
  'COMPLETED_WITH_ERRORS',
  'ISSUE_SEVERITY',
  'PANIC',
];

/** What a rule waits for, in words: "Late start by more than 15 min". */
export function describeTrigger(rule: Pick<AlertRule, 'trigger' | 'threshold'>): string {
  if (rule.trigger === 'LATE_START') return `Late start by more than ${rule.threshold ?? 0} min`;
  if (rule.trigger === 'ISSUE_SEVERITY')
    return `Issue of severity ${(rule.threshold ?? 'LOW').toLowerCase()} or worse`;
  return TRIGGER_LABELS[rule.trigger];
}
