/**
 * The clinician's schedule: visits from yesterday through the next two weeks, with the actions
 * each status allows. Patient names come from the identity side, resolved by token here on the
 * platform side (the core never sees them).
 */
import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/session.ts';
import { listAppointmentsForResource } from '@/lib/core/appointments/list-appointments-for-resource.ts';
import type { AppointmentView } from '@/lib/core/appointments/appointment-view.ts';
import { getResource } from '@/lib/core/resources/get-resource.ts';
import { withIdentityTenant } from '@/lib/db/tenant-scope.ts';
import { resolvePatientNames } from '@/lib/identity/read-patient.ts';
import { Alert } from '@/components/ui/alert.tsx';
import { StatusBadge } from '@/components/ui/badge.tsx';
import { JoinVisitButton } from '@/components/video/join-visit-button.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { ActionForm } from '../../patient/book/_ui/action-form.tsx';
import { formatDateTime, formatTime } from '../../patient/book/_ui/format.ts';
import { changeVisitStatusAction } from './actions.ts';

export const metadata: Metadata = { title: 'Schedule' };

const DAY_MS = 86_400_000;

type Target = 'confirmed' | 'cancelled' | 'completed' | 'no_show';

/** The buttons a visit offers now (closing a visit only once it has started). */
function actionsFor(a: AppointmentView, now: number): { target: Target; label: string; variant: 'primary' | 'secondary' | 'danger' }[] {
  if (a.status === 'pending') {
    return [
      { target: 'confirmed', label: 'Confirm', variant: 'primary' },
      { target: 'cancelled', label: 'Cancel', variant: 'danger' },
    ];
  }
  if (a.status === 'confirmed') {
    const started = a.startsAt.getTime() <= now;
    return [
      ...(started
        ? ([
            { target: 'completed', label: 'Complete', variant: 'primary' },
            { target: 'no_show', label: 'No-show', variant: 'secondary' },
          ] as const)
        : []),
      { target: 'cancelled', label: 'Cancel', variant: 'danger' },
    ];
  }
  return [];
}

export default async function SchedulePage() {
  const session = await requireSession({ roles: ['clinician'] });
  if (!session.resourceId) {
    return <Alert variant="warning" title="No schedule yet">Your account is not linked to a schedule. Ask your clinic admin.</Alert>;
  }
  const now = Date.now();
  const resource = await getResource(session.tenantId, session.resourceId);
  const visits = await listAppointmentsForResource(session.tenantId, resource.id, { from: new Date(now - DAY_MS), to: new Date(now + 14 * DAY_MS) });
  const names = await withIdentityTenant(session.tenantId, (tx) => resolvePatientNames(tx, session.tenantId, [...new Set(visits.map((v) => v.tokenId))]));
  const zone = resource.timeZone;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Schedule"
        description={`${resource.label} · times in ${zone}`}
        actions={<LinkButton href="/clinician/availability" variant="secondary">Hours &amp; on-call</LinkButton>}
      />
      {visits.length === 0 ? (
        <EmptyState title="No visits in the next two weeks" />
      ) : (
        <Table caption="Visits">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Patient</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => (
              <tr key={v.id} data-appointment-id={v.id} data-starts-at={v.startsAt.toISOString()}>
                <Td>
                  {formatDateTime(v.startsAt, zone)} – {formatTime(v.endsAt, zone)}
                  {v.kind === 'on_demand' ? <span className="ml-2 text-xs text-ink-muted">(on demand)</span> : null}
                </Td>
                <Td>{names.get(v.tokenId) ?? 'Patient'}</Td>
                <Td>
                  <span className="flex items-center gap-3">
                    <StatusBadge status={v.status} />
                    <JoinVisitButton appointmentId={v.id} />
                  </span>
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-2">
                    {actionsFor(v, now).map((a) => (
                      <ActionForm key={a.target} action={changeVisitStatusAction}>
                        <input type="hidden" name="appointmentId" value={v.id} />
                        <input type="hidden" name="target" value={a.target} />
                        <SubmitButton size="sm" variant={a.variant}>
                          {a.label}
                        </SubmitButton>
                      </ActionForm>
                    ))}
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
