/**
 * /admin/deliveries: the event log (every delivery, newest first) and, with ?status=dead, the
 * dead-letter inbox with replay (one, per endpoint, or a time window). Refreshes live.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSession } from '@/lib/auth/session.ts';
import { DELIVERY_STATUSES, listDeliveries } from '@/lib/webhooks/health/list-deliveries.ts';
import { Card } from '@/components/ui/card.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { StatusBadge } from '@/components/ui/badge.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { ActionButton } from '../webhooks/_components/action-button.tsx';
import { AutoRefresh } from '../webhooks/_components/auto-refresh.tsx';
import { ReplayWindowForm } from '../webhooks/_components/replay-window-form.tsx';
import { replayDeliveryAction } from '../webhooks/actions.ts';

export const metadata: Metadata = { title: 'Deliveries' };

type Search = Promise<{ status?: string; endpoint?: string; cursor?: string }>;

export default async function AdminDeliveriesPage({ searchParams }: { searchParams: Search }) {
  const session = await requireSession({ roles: ['admin'] });
  const sp = await searchParams;
  const status = (DELIVERY_STATUSES as readonly string[]).includes(sp.status ?? '') ? (sp.status as (typeof DELIVERY_STATUSES)[number]) : undefined;
  const endpointId = sp.endpoint && /^[0-9a-f-]{36}$/i.test(sp.endpoint) ? sp.endpoint : undefined;
  const page = await listDeliveries(session.tenantId, { status, endpointId, cursor: sp.cursor, limit: 50 });
  const deadInbox = status === 'dead';
  const filterHref = (s?: string) => `/admin/deliveries?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(endpointId ? { endpoint: endpointId } : {}) })}`;
  return (
    <main id="main" className="mx-auto w-full max-w-7xl flex-1 space-y-6 px-4 py-8 sm:px-6">
      <PageHeader
        title={deadInbox ? 'Dead-letter inbox' : 'Deliveries'}
        description={deadInbox ? 'Deliveries that failed every attempt. Replays reuse the event id as idempotency key.' : 'Every event delivery with its attempts.'}
        actions={<AutoRefresh />}
      />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-3 text-sm">
        <Link className={!status ? 'font-semibold underline' : 'underline'} href={filterHref()}>
          All
        </Link>
        {DELIVERY_STATUSES.map((s) => (
          <Link key={s} className={status === s ? 'font-semibold underline' : 'underline'} href={filterHref(s)}>
            {s === 'dead' ? 'dead letters' : s}
          </Link>
        ))}
      </nav>
      {page.items.length === 0 ? (
        <EmptyState title={deadInbox ? 'No dead letters' : 'No deliveries'} description="Nothing matches this filter." />
      ) : (
        <Table caption={deadInbox ? 'Dead letters' : 'Event log'}>
          <thead>
            <tr>
              <Th>Created</Th>
              <Th>Event</Th>
              <Th>Endpoint</Th>
              <Th>Status</Th>
              <Th>Attempts</Th>
              <Th>Last result</Th>
              <Th>Action</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {page.items.map((d) => (
              <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                <Td className="whitespace-nowrap text-xs">{d.createdAt.replace('T', ' ').slice(0, 19)} UTC</Td>
                <Td>
                  <Link className="font-mono text-xs underline" href={`/admin/deliveries/${d.id}`}>
                    {d.eventType}
                  </Link>
                  <div className="font-mono text-[11px] text-muted">{d.eventId}</div>
                </Td>
                <Td className="font-mono text-[11px]">{d.endpointId.slice(0, 8)}</Td>
                <Td>
                  <StatusBadge status={d.status} />
                </Td>
                <Td>
                  {d.attempts}
                  {d.replays > 0 ? <span className="text-xs text-muted"> ({d.replays} replays)</span> : null}
                </Td>
                <Td className="font-mono text-xs">{d.lastError ?? (d.lastStatusCode ? String(d.lastStatusCode) : '—')}</Td>
                <Td>
                  {['dead', 'delivered', 'cancelled'].includes(d.status) ? (
                    <ActionButton action={replayDeliveryAction} fields={{ deliveryId: d.id }} label="Replay" testId="replay-delivery" />
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {page.nextCursor ? (
        <Link className="underline" href={`${filterHref(status)}&cursor=${page.nextCursor}`}>
          Older →
        </Link>
      ) : null}
      {deadInbox ? (
        <Card title="Replay a time window">
          <ReplayWindowForm endpointId={endpointId} />
        </Card>
      ) : null}
    </main>
  );
}
