/**
 * Reschedule: free slots of the same clinician for a week; choosing one moves the visit (same id).
 */
import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/session.ts';
import { listSlots } from '@/lib/core/schedule/list-slots.ts';
import { Card } from '@/components/ui/card.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { formatDateTime } from '../../../book/_ui/format.ts';
import { SlotGrid } from '../../../book/_ui/slot-grid.tsx';
import { TimeZoneSync } from '../../../book/_ui/time-zone-sync.tsx';
import { viewerTimeZone } from '../../../book/_ui/viewer-time-zone.ts';
import { rescheduleVisitAction } from '../actions.ts';
import { loadVisitForPatient } from '../load-visit.ts';

export const metadata: Metadata = { title: 'Reschedule your visit' };

const DAY_MS = 86_400_000;

export default async function ReschedulePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await requireSession({ roles: ['patient'] });
  const { id } = await params;
  const { week } = await searchParams;
  const { appointment, resource } = await loadVisitForPatient(session, id);
  const { zone, fromCookie } = await viewerTimeZone(resource.timeZone);
  const asked = week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? new Date(`${week}T00:00:00Z`) : new Date();
  const from = Number.isNaN(asked.getTime()) || asked.getTime() < Date.now() ? new Date() : asked;
  const to = new Date(from.getTime() + 7 * DAY_MS);
  const { slots } = await listSlots(session.tenantId, { resourceId: resource.id, from: from.toISOString(), to: to.toISOString(), tz: zone });
  const nextWeek = to.toISOString().slice(0, 10);

  return (
    <div className="space-y-6">
      <TimeZoneSync current={fromCookie} />
      <PageHeader
        title="Reschedule your visit"
        description={`Currently ${formatDateTime(appointment.startsAt, zone)} with ${resource.label}. Choose a new time.`}
        actions={<LinkButton href={`/patient/visits/${appointment.id}`} variant="secondary">Back to visit</LinkButton>}
      />
      <Card title="Free times">
        <SlotGrid slots={slots} zone={zone} action={rescheduleVisitAction} fields={{ appointmentId: appointment.id }} verb="Move to" />
        <div className="mt-4 flex justify-end">
          <LinkButton href={`/patient/visits/${appointment.id}/reschedule?week=${nextWeek}`} variant="ghost">
            Next week →
          </LinkButton>
        </div>
      </Card>
    </div>
  );
}
