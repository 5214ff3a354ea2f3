/** How long a new token lives: a few presets, or until the end of a chosen day. */
export type ExpiryChoice = 'never' | '7' | '30' | '90' | '365' | 'custom';

export const EXPIRY_CHOICES: { value: ExpiryChoice; label: string }[] = [
  { value: 'never', label: 'No expiry' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'custom', label: 'Custom date…' },
];

/** `YYYY-MM-DD` of a local day, the format of `<input type="date">`. */
export function localDateString(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The instant the token stops working, or null for never; undefined when a custom date is
 * missing or not in the future. A custom date means "works through that day", so the token
 * expires when the next local day begins.
 */
export function expiryInstant(
  choice: ExpiryChoice,
  customDate: string,
  now = new Date(),
): Date | null | undefined {
  if (choice === 'never') return null;
  if (choice !== 'custom') return new Date(now.getTime() + Number(choice) * 24 * 3600 * 1000);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(customDate);
  if (!match) return undefined;
  const endOfDay = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return endOfDay > now ? endOfDay : undefined;
}
