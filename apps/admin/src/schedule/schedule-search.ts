/** The schedule's address: view, day and filters, so a view survives a reload and can be shared. */
export interface ScheduleSearch {
  view?: ScheduleView;
  /** `YYYY-MM-DD`: the day shown, or a day of the week shown. */
  date?: string;
  /** Filters as the API takes them: values separated by commas. */
  locationIds?: string;
  assigneeIds?: string;
  states?: string;
  statuses?: string;
  tags?: string;
  priorities?: string;
}

export type ScheduleView = 'week' | 'day' | 'list';
const VIEWS: readonly ScheduleView[] = ['week', 'day', 'list'];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

export function validateScheduleSearch(search: Record<string, unknown>): ScheduleSearch {
  const view = VIEWS.find((candidate) => candidate === search.view);
  const date = text(search.date);
  return {
    view,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
    locationIds: text(search.locationIds),
    assigneeIds: text(search.assigneeIds),
    states: text(search.states),
    statuses: text(search.statuses),
    tags: text(search.tags),
    priorities: text(search.priorities),
  };
}
