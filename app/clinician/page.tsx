import type { Metadata } from 'next';
import { Card } from '@/components/ui/card.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { StatusBadge } from '@/components/ui/badge.tsx';
import { JoinVisitButton } from '@/components/video/join-visit-button.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { requireSession } from '@/lib/auth/session.ts';
import { listClinicianDay } from '@/lib/portal/list-clinician-schedule.ts';

export const metadata: Metadata = { title: 'Today' };

/** The clinician's schedule for one day (default today), patient names resolved server-side. */
export default async function ClinicianHomePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireSession({ roles: ['clinician'] });
  const day = await listClinicianDay(ctx, (await searchParams).date);
  if (!day.linked) {
    return (
      <div className="space-y-6">
        <PageHeader title="Today" />
        <EmptyState title="Your account has no schedule yet" description="Ask your clinic’s admin to link your account to a bookable schedule." />
      </div>
    );
  }
  const time = new Intl.DateTimeFormat('en-US', { timeZone: day.timeZone, hour: 'numeric', minute: '2-digit' });
  const heading = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(new Date(`${day.date}T12:00:00Z`));
  return (
    <div className="space-y-6">
      <PageHeader
        title={heading}
        description={`${day.resourceLabel} · times in ${day.timeZone}`}
        actions={<LinkButton href="/clinician/availability" variant="secondary">Availability</LinkButton>}
      />
      {day.rows.length === 0 ? (
        <EmptyState title="No visits on this day" description="Booked visits appear here as patients book them." />
      ) : (
        <Table caption="Visits">
          <thead>
            <tr>
              <Th>Time</Th>
              <Th>Patient</Th>
              <Th>Status</Th>
            </tr>
          </thead>
          <tbody>
            {day.rows.map((r) => (
              <tr key={r.id}>
                <Td>
                  <time dateTime={r.startsAt.toISOString()}>{time.format(r.startsAt)}</time>–{time.format(r.endsAt)}
                </Td>
                <Td>{r.patientName}</Td>
                <Td>
                  <span className="flex items-center gap-3">
                    <StatusBadge status={r.status} />
                    <JoinVisitButton appointmentId={r.id} />
                  </span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card title="Privacy">
        <p className="text-sm text-ink-muted">Patient names are decrypted for you on the platform side; each view is recorded in the clinic’s audit trail.</p>
      </Card>
    </div>
  );
}
