/** A visit's date and time in a given zone, as a <time> element (machine-readable datetime). */
export function VisitTime({ startsAt, endsAt, timeZone }: { startsAt: Date; endsAt: Date; timeZone: string }) {
  const date = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }).format(startsAt);
  const time = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' });
  const zone = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(startsAt).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return (
    <time dateTime={startsAt.toISOString()}>
      {date}, {time.format(startsAt)}–{time.format(endsAt)} {zone}
    </time>
  );
}
