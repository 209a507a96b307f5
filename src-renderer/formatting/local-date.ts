/** The local calendar date, "YYYY-MM-DD", of a moment (now by default). */
export function localDate(at: Date | string = new Date()): string {
  const moment = typeof at === 'string' ? new Date(at) : at;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
