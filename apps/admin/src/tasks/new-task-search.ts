/** `/tasks/new?date=YYYY-MM-DD&locationId=…`: the day and place to start planning from. */
export interface NewTaskSearch {
  date?: string;
  locationId?: string;
}

export function validateNewTaskSearch(search: Record<string, unknown>): NewTaskSearch {
  const { date, locationId } = search;
  return {
    date: typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    locationId: typeof locationId === 'string' && locationId !== '' ? locationId : undefined,
  };
}
