/** Date/time labels for the scheduling screens, in a given zone. */

/** "Mon, Dec 7" in `zone`. */
export function formatDay(date: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric' }).format(date);
}

/** "9:30 AM" in `zone`. */
export function formatTime(date: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(date);
}

/** "Mon, Dec 7, 2026, 9:30 AM EST" in `zone`. */
export function formatDateTime(date: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(date);
}

/** YYYY-MM-DD of `date` in `zone`. */
export function localDate(date: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
