import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { StatusBadge } from '@/components/ui/badge.tsx';
import { JoinVisitButton } from '@/components/video/join-visit-button.tsx';
import { Alert } from '@/components/ui/alert.tsx';
import { VisitTime } from '@/components/portal/visit-time.tsx';
import { requireSession } from '@/lib/auth/session.ts';
import { getPatientVisit } from '@/lib/portal/list-patient-visits.ts';

export const metadata: Metadata = { title: 'Visit' };

/**
 * One visit of the signed-in patient. The id in the URL is re-checked against the session's
 * token: another patient's appointment is "not found", exactly like a made-up id.
 */
export default async function PatientVisitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireSession({ roles: ['patient'] });
  const { id } = await params;
  const visit = await getPatientVisit(ctx, id);
  if (!visit) {
    notFound();
  }
  const booked = (await searchParams).booked === '1';
  return (
    <div className="space-y-6">
      <PageHeader title="Visit" actions={<LinkButton href="/patient" variant="secondary">All visits</LinkButton>} />
      {booked ? <Alert variant="success">Your visit is booked.</Alert> : null}
      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold text-ink">When</dt>
            <dd className="text-ink-muted">
              <VisitTime startsAt={visit.startsAt} endsAt={visit.endsAt} timeZone={visit.timeZone} />
            </dd>
          </div>
          <div>
            <dt className="font-semibold text-ink">With</dt>
            <dd className="text-ink-muted">{visit.resourceLabel}</dd>
          </div>
          <div>
            <dt className="font-semibold text-ink">Status</dt>
            <dd>
              <StatusBadge status={visit.status} />
              <div className="mt-2">
                <JoinVisitButton appointmentId={id} />
              </div>
            </dd>
          </div>
        </dl>
      </Card>
    </div>
  );
}
