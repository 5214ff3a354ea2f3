/**
 * iCalendar (RFC 5545) text for a member's executions. Pure. Times are UTC (`…Z`), so every
 * calendar shows them in its own zone; lines are folded at 75 octets and text is escaped as
 * §3.3.11 says.
 */

export interface CalendarEntry {
  readonly uid: string;
  readonly start: string;
  readonly end: string;
  readonly summary: string;
  readonly description: string | null;
  readonly location: string | null;
  readonly canceled: boolean;
  readonly updatedAt: string;
}

/** 2026-12-07T18:00:00.000Z → 20261207T180000Z */
function icsTime(instant: string): string {
  return instant.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never split a UTF-8 sequence: back off to a character boundary.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // the leading space of a continuation counts
  }
  return parts.join('\r\n ');
}

export function renderCalendar(
  name: string,
  entries: readonly CalendarEntry[],
  now: string,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//OpenPatrol//Executions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const entry of entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${entry.uid}@openpatrol`,
      `DTSTAMP:${icsTime(now)}`,
      `LAST-MODIFIED:${icsTime(entry.updatedAt)}`,
      `DTSTART:${icsTime(entry.start)}`,
      `DTEND:${icsTime(entry.end)}`,
      `SUMMARY:${escapeText(entry.summary)}`,
    );
    if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
    if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
    lines.push(`STATUS:${entry.canceled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
