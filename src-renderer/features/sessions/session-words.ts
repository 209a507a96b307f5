const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "14:00", in the clinician's own clock format. */
export function timeOf(startsAt: string): string {
  return timeFormat.format(new Date(startsAt));
}

/** "Wednesday, 4 March 2026 · 14:00": when a session starts. */
export function startOf(startsAt: string): string {
  const start = new Date(startsAt);
  return `${dayFormat.format(start)} · ${timeFormat.format(start)}`;
}

/** "Wednesday, 4 March 2026 · 14:00–14:50". */
export function whenOf(startsAt: string, durationMinutes: number): string {
  const start = new Date(startsAt);
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  return `${dayFormat.format(start)} · ${timeFormat.formatRange(start, end)}`;
}

/** "50 min", "1 h 30 min". */
export function lengthOf(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
