import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../api/admin-api.js';
import { openAlertCountQueryOptions } from './alerts.queries.js';

/** The count of open alerts beside "Alerts" in the navigation, refreshed while the app is open. */
export function OpenAlertsBadge() {
  const count = useQuery(openAlertCountQueryOptions(useApi()));
  if (!count.data) return null;
  return (
    <Badge
      size="sm"
      color="red"
      variant="filled"
      circle={count.data < 10}
      aria-label={`${count.data} open alert${count.data === 1 ? '' : 's'}`}
      data-testid="open-alerts-badge"
    >
      {count.data > 99 ? '99+' : count.data}
    </Badge>
  );
}
