/**
 * A patient's visit: time in their own zone, clinician, status, the join button (video), and —
 * while allowed — reschedule and cancel. The id in the URL is re-checked against the session's
 * token by the core: another patient's appointment is "not found", exactly like a made-up id.
 */
import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/session.ts';
import { readTenantSettings } from '@/lib/core/tenants/get-tenant-settings.ts';
import { Alert } from '@/components/ui/alert.tsx';
import { StatusBadge } from '@/components/ui/badge.tsx';
import { Card } from '@/components/ui/card.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { JoinVisitButton } from '@/components/video/join-visit-button.tsx';
import { ActionForm } from '../../book/_ui/action-form.tsx';
import { formatDateTime, formatTime } from '../../book/_ui/format.ts';
import { TimeZoneSync } from '../../book/_ui/time-zone-sync.tsx';
import { viewerTimeZone } from '../../book/_ui/viewer-time-zone.ts';
import { cancelVisitAction } from './actions.ts';
import { loadVisitForPatient } from './load-visit.ts';

export const metadata: Metadata = { title: 'Visit' };

export default async function PatientVisitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await requireSession({ roles: ['patient'] });
  const { id } = await params;
  const flags = await searchParams;
  const { appointment, resource } = await loadVisitForPatient(session, id);
  const settings = await readTenantSettings(session.tenantId);
  const { zone, fromCookie } = await viewerTimeZone(resource.timeZone);
  const active = appointment.status === 'pending' || appointment.status === 'confirmed';
  const changeable = active && appointment.startsAt.getTime() - Date.now() >= settings.cancelCutoffMinutes * 60_000;

  return (
    <div className="space-y-6">
      <TimeZoneSync current={fromCookie} />
      <PageHeader title="Visit" actions={<LinkButton href="/patient" variant="secondary">All visits</LinkButton>} />
      {flags.booked ? <Alert variant="success">Your visit is booked.</Alert> : null}
      {flags.rescheduled ? <Alert variant="success">Your visit has been moved.</Alert> : null}
      {flags.cancelled ? <Alert variant="info">Your visit has been cancelled.</Alert> : null}
      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold text-ink">When</dt>
            <dd className="text-ink-muted" data-testid="visit-time">
              <time dateTime={appointment.startsAt.toISOString()}>
                {formatDateTime(appointment.startsAt, zone)} – {formatTime(appointment.endsAt, zone)}
              </time>
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-ink">With</dt>
            <dd className="text-ink-muted">{resource.label}</dd>
          </div>
          <div>
            <dt className="font-semibold text-ink">Status</dt>
            <dd data-testid="visit-status">
              <StatusBadge status={appointment.status} />
              {appointment.status === 'pending' ? <p className="mt-1 text-ink-muted">Waiting for the clinician to confirm.</p> : null}
              {appointment.kind === 'on_demand' ? <p className="mt-1 text-ink-muted">See a clinician now</p> : null}
              <div className="mt-2">
                <JoinVisitButton appointmentId={appointment.id} />
              </div>
            </dd>
          </div>
        </dl>
      </Card>
      {active ? (
        <Card title="Change this visit">
          {changeable ? (
            <div className="flex flex-wrap items-start gap-3">
              <LinkButton href={`/patient/visits/${appointment.id}/reschedule`} variant="secondary">
                Reschedule
              </LinkButton>
              <ActionForm action={cancelVisitAction}>
                <input type="hidden" name="appointmentId" value={appointment.id} />
                <SubmitButton variant="danger" pendingLabel="Cancelling…">
                  Cancel visit
                </SubmitButton>
              </ActionForm>
            </div>
          ) : (
            <p className="text-sm text-ink-muted">
              Visits can be changed online up to {settings.cancelCutoffMinutes} minutes before they start. Please contact the clinic.
            </p>
          )}
        </Card>
      ) : null}
    </div>
  );
}
