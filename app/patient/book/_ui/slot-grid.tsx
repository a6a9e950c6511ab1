/**
 * Free slots grouped by the viewer's local day, each a one-click form. Used for booking and for
 * rescheduling (the form action and hidden fields differ).
 */
import type { SlotView } from '@/lib/core/schedule/list-slots.ts';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { ActionForm, type FormAction } from './action-form.tsx';
import { formatDay, formatTime, localDate } from './format.ts';

export interface SlotGridProps<T> {
  slots: SlotView[];
  zone: string;
  action: FormAction<T>;
  /** Hidden fields sent with every slot (startsAt is added). */
  fields: Record<string, string>;
  verb: string;
}

/** See file comment. */
export function SlotGrid<T>({ slots, zone, action, fields, verb }: SlotGridProps<T>) {
  if (slots.length === 0) {
    return <EmptyState title="No free times in this week" description="Try the next week or another clinician." />;
  }
  const days = new Map<string, SlotView[]>();
  for (const slot of slots) {
    const key = localDate(slot.startsAt, zone);
    days.set(key, [...(days.get(key) ?? []), slot]);
  }
  return (
    <div className="space-y-5">
      {[...days.entries()].map(([day, daySlots]) => (
        <section key={day} aria-label={formatDay(daySlots[0]!.startsAt, zone)}>
          <h3 className="mb-2 text-sm font-semibold text-ink">{formatDay(daySlots[0]!.startsAt, zone)}</h3>
          <ul className="flex flex-wrap gap-2">
            {daySlots.map((slot) => (
              <li key={slot.startsAt.toISOString()}>
                <ActionForm action={action}>
                  {Object.entries(fields).map(([name, value]) => (
                    <input key={name} type="hidden" name={name} value={value} />
                  ))}
                  <input type="hidden" name="startsAt" value={slot.startsAt.toISOString()} />
                  <SubmitButton variant="secondary" size="sm" aria-label={`${verb} ${slot.label}`} data-slot={slot.startsAt.toISOString()}>
                    {formatTime(slot.startsAt, zone)}
                  </SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
