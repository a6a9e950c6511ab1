/** /admin/deliveries/[id]: one delivery with each attempt's detail (status, latency, error class, first 2 KB). */
import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/session.ts';
import { getDeliveryDetail } from '@/lib/webhooks/health/list-deliveries.ts';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { StatusBadge } from '@/components/ui/badge.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { ActionButton } from '../../webhooks/_components/action-button.tsx';
import { AutoRefresh } from '../../webhooks/_components/auto-refresh.tsx';
import { replayDeliveryAction } from '../../webhooks/actions.ts';

export const metadata: Metadata = { title: 'Delivery' };

export default async function AdminDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireSession({ roles: ['admin'] });
  const { id } = await params;
  const d = await getDeliveryDetail(session.tenantId, id);
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 space-y-6 px-4 py-8 sm:px-6">
      <PageHeader title={`Delivery of ${d.eventType}`} description={`Event ${d.eventId} → endpoint ${d.endpointId}`} actions={<AutoRefresh />} />
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <StatusBadge status={d.status} />
        <span>{d.attempts} attempts</span>
        {d.nextAttemptAt && d.status === 'retrying' ? <span>next attempt {d.nextAttemptAt.replace('T', ' ').slice(0, 19)} UTC</span> : null}
        {['dead', 'delivered', 'cancelled'].includes(d.status) ? <ActionButton action={replayDeliveryAction} fields={{ deliveryId: d.id }} label="Replay" /> : null}
      </div>
      <Table caption="Attempts">
        <thead>
          <tr>
            <Th>#</Th>
            <Th>Time</Th>
            <Th>Outcome</Th>
            <Th>HTTP</Th>
            <Th>Latency</Th>
            <Th>Error class</Th>
            <Th>Response (first 2 KB)</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {d.attemptLog.map((a) => (
            <tr key={`${a.attempt}-${a.attemptedAt}`} data-testid="attempt-row">
              <Td>{a.attempt}</Td>
              <Td className="whitespace-nowrap text-xs">{a.attemptedAt.replace('T', ' ').slice(0, 23)}</Td>
              <Td>
                <StatusBadge status={a.outcome === 'success' ? 'delivered' : 'failed'} />
              </Td>
              <Td>{a.statusCode ?? '—'}</Td>
              <Td>{a.latencyMs} ms</Td>
              <Td className="font-mono text-xs">{a.errorClass ?? '—'}</Td>
              <Td>
                <pre className="max-h-32 max-w-md overflow-auto whitespace-pre-wrap break-all text-[11px]">{a.responseBody ?? ''}</pre>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </main>
  );
}
