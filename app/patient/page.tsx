import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { StatusBadge } from '@/components/ui/badge.tsx';
import { JoinVisitButton } from '@/components/video/join-visit-button.tsx';
import { VisitTime } from '@/components/portal/visit-time.tsx';
import { requireSession } from '@/lib/auth/session.ts';
import { listPatientVisits } from '@/lib/portal/list-patient-visits.ts';
import type { VisitRow } from '@/lib/portal/visit-row.ts';

export const metadata: Metadata = { title: 'My visits' };

function VisitList({ rows, label }: { rows: VisitRow[]; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-line">
      {rows.map((v) => (
        <li key={v.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <Link href={`/patient/visits/${v.id}`} className="font-medium">
              <VisitTime startsAt={v.startsAt} endsAt={v.endsAt} timeZone={v.timeZone} />
            </Link>
            <p className="text-sm text-ink-muted">{v.resourceLabel}</p>
          </div>
          <span className="flex items-center gap-3">
            <StatusBadge status={v.status} />
            <JoinVisitButton appointmentId={v.id} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Upcoming and past visits of the signed-in patient. */
export default async function PatientHomePage() {
  const ctx = await requireSession({ roles: ['patient'] });
  const { upcoming, past } = await listPatientVisits(ctx);
  return (
    <div className="space-y-6">
      <PageHeader title="My visits" actions={<LinkButton href="/patient/book">Book a visit</LinkButton>} />
      <Card title="Upcoming">
        {upcoming.length === 0 ? (
          <EmptyState title="No upcoming visits" description="When you book a visit it appears here, with its video link once the clinic confirms it." action={<LinkButton href="/patient/book">Book a visit</LinkButton>} />
        ) : (
          <VisitList rows={upcoming} label="Upcoming visits" />
        )}
      </Card>
      <Card title="Past">
        {past.length === 0 ? <EmptyState title="No past visits yet" /> : <VisitList rows={past} label="Past visits" />}
      </Card>
    </div>
  );
}
