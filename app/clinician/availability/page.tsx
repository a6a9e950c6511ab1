/**
 * Clinician availability: visit length and buffer, on-call for "see a clinician now", weekly
 * hours in the clinician's own time zone, and date exceptions.
 */
import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/session.ts';
import { getResource } from '@/lib/core/resources/get-resource.ts';
import { getAvailability } from '@/lib/core/schedule/get-availability.ts';
import { Alert } from '@/components/ui/alert.tsx';
import { Card } from '@/components/ui/card.tsx';
import { Field, SelectField } from '@/components/ui/field.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { ActionForm } from '../../patient/book/_ui/action-form.tsx';
import { addExceptionAction, removeExceptionAction, saveVisitSettingsAction, saveWeeklyHoursAction } from './actions.ts';
import { formatDayWindows, minutesToClock, WEEKDAYS } from '@/lib/core/schedule/weekly-hours-text.ts';

export const metadata: Metadata = { title: 'Hours & on-call' };

export default async function AvailabilityPage() {
  const session = await requireSession({ roles: ['clinician'] });
  if (!session.resourceId) {
    return <Alert variant="warning" title="No schedule yet">Your account is not linked to a schedule. Ask your clinic admin.</Alert>;
  }
  const resource = await getResource(session.tenantId, session.resourceId);
  const availability = await getAvailability(session.tenantId, resource.id);

  return (
    <div className="space-y-6">
      <PageHeader title="Hours & on-call" description={`All times are in your time zone, ${resource.timeZone}.`} actions={<LinkButton href="/clinician/schedule" variant="secondary">Schedule</LinkButton>} />

      <Card title="Visits">
        <ActionForm action={saveVisitSettingsAction} className="grid gap-4 sm:grid-cols-3 sm:items-end">
          <Field name="visitMinutes" label="Visit length (minutes)" type="number" min={5} max={480} defaultValue={resource.visitMinutes} required />
          <Field name="bufferMinutes" label="Buffer after each visit (minutes)" type="number" min={0} max={240} defaultValue={resource.bufferMinutes} required />
          <label className="flex items-center gap-2 text-sm font-medium text-ink">
            <input type="checkbox" name="onCall" defaultChecked={resource.onCall} className="h-4 w-4" />
            On call for “see a clinician now”
          </label>
          <div className="sm:col-span-3">
            <SubmitButton>Save visit settings</SubmitButton>
          </div>
        </ActionForm>
      </Card>

      <Card title="Weekly hours">
        <ActionForm action={saveWeeklyHoursAction} className="space-y-3">
          <p className="text-sm text-ink-muted">One or more ranges per day, e.g. 09:00-12:00, 13:00-17:00. Leave blank when closed.</p>
          {WEEKDAYS.map((name, weekday) => (
            <Field key={name} name={`day${weekday}`} label={name} defaultValue={formatDayWindows(availability.rules.filter((r) => r.weekday === weekday))} placeholder="Closed" />
          ))}
          <SubmitButton>Save weekly hours</SubmitButton>
        </ActionForm>
      </Card>

      <Card title="Exceptions">
        {availability.exceptions.length === 0 ? (
          <p className="text-sm text-ink-muted">No exceptions.</p>
        ) : (
          <ul className="mb-4 divide-y divide-line text-sm">
            {availability.exceptions.map((e, index) => (
              <li key={`${e.date}-${index}`} className="flex items-center justify-between gap-3 py-2">
                <span>
                  {e.date} · {e.kind === 'off' ? 'Time off' : 'Extra hours'}
                  {e.startMinute !== null && e.endMinute !== null ? ` ${minutesToClock(e.startMinute)}-${minutesToClock(e.endMinute)}` : e.kind === 'off' ? ' (all day)' : ''}
                </span>
                <ActionForm action={removeExceptionAction}>
                  <input type="hidden" name="index" value={index} />
                  <SubmitButton size="sm" variant="secondary">
                    Remove
                  </SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={addExceptionAction} className="grid gap-3 sm:grid-cols-5 sm:items-end">
          <Field name="date" label="Date" type="date" required />
          <SelectField name="kind" label="Kind" defaultValue="off">
            <option value="off">Time off</option>
            <option value="extra">Extra hours</option>
          </SelectField>
          <Field name="start" label="From" type="time" hint="Blank = all day (time off)" />
          <Field name="end" label="To" type="time" />
          <SubmitButton>Add exception</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
