import { addDays, differenceInCalendarDays, startOfDay } from 'date-fns';

/** How many days Today looks ahead, after today itself. */
export const DAYS_AHEAD = 7;

/** The instants Today covers: from the start of today to the end of the seventh day after it. */
export function todayWindow(now: Date): { from: Date; to: Date } {
  const from = startOfDay(now);
  return { from, to: addDays(from, DAYS_AHEAD + 1) };
}

const weekdayAndDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** How a day's heading reads: "Today", "Tomorrow", or its weekday and date. */
export function dayLabel(day: Date, now: Date): string {
  const offset = differenceInCalendarDays(day, now);
  if (offset === 0) return 'Today';
  if (offset === 1) return 'Tomorrow';
  return weekdayAndDate.format(day);
}

/** Things that happen at an instant, grouped by the local day they fall on, days in order. */
export function groupByDay<T>(
  items: readonly T[],
  startsAt: (item: T) => string,
  now: Date,
): { key: string; label: string; items: T[] }[] {
  const days = new Map<string, { key: string; label: string; items: T[]; at: number }>();
  for (const item of items) {
    const day = startOfDay(new Date(startsAt(item)));
    const key = String(day.getTime());
    const group = days.get(key) ?? { key, label: dayLabel(day, now), items: [], at: day.getTime() };
    group.items.push(item);
    days.set(key, group);
  }
  return [...days.values()]
    .sort((a, b) => a.at - b.at)
    .map(({ key, label, items: grouped }) => ({
      key,
      label,
      items: grouped.sort((a, b) => startsAt(a).localeCompare(startsAt(b))),
    }));
}
