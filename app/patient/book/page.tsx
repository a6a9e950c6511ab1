/**
 * Patient booking: pick a clinician, see a week of free slots in your own time zone, book one —
 * or ask to see a clinician now.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSession } from '@/lib/auth/session.ts';
import { listResources } from '@/lib/core/resources/list-resources.ts';
import { listSlots } from '@/lib/core/schedule/list-slots.ts';
import { Card } from '@/components/ui/card.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { bookSlotAction, seeClinicianNowAction } from './actions.ts';
import { ActionForm } from './_ui/action-form.tsx';
import { SlotGrid } from './_ui/slot-grid.tsx';
import { TimeZoneSync } from './_ui/time-zone-sync.tsx';
import { viewerTimeZone } from './_ui/viewer-time-zone.ts';

export const metadata: Metadata = { title: 'Book a visit' };

const DAY_MS = 86_400_000;

/** Start of the shown week: ?week=YYYY-MM-DD (never in the past), else now. */
function weekStart(param: string | undefined): Date {
  const now = new Date();
  const asked = param && /^\d{4}-\d{2}-\d{2}$/.test(param) ? new Date(`${param}T00:00:00Z`) : now;
  return Number.isNaN(asked.getTime()) || asked < now ? now : asked;
}

export default async function BookPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await requireSession({ roles: ['patient'] });
  const params = await searchParams;
  const resources = await listResources(session.tenantId, { activeOnly: true });
  const selected = resources.find((r) => r.id === params.resource) ?? null;
  const { zone, fromCookie } = await viewerTimeZone(selected?.timeZone ?? 'UTC');
  const from = weekStart(params.week);
  const to = new Date(from.getTime() + 7 * DAY_MS);
  const slots = selected ? await listSlots(session.tenantId, { resourceId: selected.id, from: from.toISOString(), to: to.toISOString(), tz: zone }) : null;
  const nextWeek = new Date(from.getTime() + 7 * DAY_MS).toISOString().slice(0, 10);

  return (
    <div className="space-y-6">
      <TimeZoneSync current={fromCookie} />
      <PageHeader title="Book a visit" description={`Times are shown in your time zone (${zone}).`} actions={<LinkButton href="/patient" variant="secondary">My visits</LinkButton>} />

      <Card title="Need care now?">
        <ActionForm action={seeClinicianNowAction} className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-ink-muted">Start a video visit right away with the first available on-call clinician.</p>
          <SubmitButton pendingLabel="Finding a clinician…">See a clinician now</SubmitButton>
        </ActionForm>
      </Card>

      <Card title="Choose a clinician">
        {resources.length === 0 ? (
          <EmptyState title="No clinicians are taking bookings" />
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {resources.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/patient/book?resource=${r.id}`}
                  aria-current={r.id === selected?.id ? 'true' : undefined}
                  className="block rounded-md border border-line px-4 py-3 text-sm font-medium text-ink hover:bg-brand-50 aria-[current=true]:border-brand-600 aria-[current=true]:bg-brand-50"
                >
                  {r.label}
                  <span className="block text-xs font-normal text-ink-muted">{r.visitMinutes}-minute visits</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {selected && slots ? (
        <Card title={`Free times with ${selected.label}`}>
          <SlotGrid slots={slots.slots} zone={zone} action={bookSlotAction} fields={{ resourceId: selected.id }} verb="Book" />
          <div className="mt-4 flex justify-end">
            <LinkButton href={`/patient/book?resource=${selected.id}&week=${nextWeek}`} variant="ghost">
              Next week →
            </LinkButton>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
