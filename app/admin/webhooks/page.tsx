/**
 * /admin/webhooks: delivery health per endpoint (success rate 1 h / 24 h / 7 d, p50/p95 latency,
 * state, dead letters, queued), endpoint management and registration. Refreshes live.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSession } from '@/lib/auth/session.ts';
import { EVENT_TYPES } from '@/lib/core/events/event-types.ts';
import { listEndpointHealth, type WindowStats } from '@/lib/webhooks/health/endpoint-health.ts';
import { Card } from '@/components/ui/card.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { StatusBadge } from '@/components/ui/badge.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { ActionButton } from './_components/action-button.tsx';
import { AutoRefresh } from './_components/auto-refresh.tsx';
import { CreateEndpointForm } from './_components/create-endpoint-form.tsx';
import {
  deleteEndpointAction,
  replayEndpointDeadLettersAction,
  rotateSecretAction,
  sendTestEventAction,
  toggleEndpointAction,
} from './actions.ts';

export const metadata: Metadata = { title: 'Webhooks' };

function rate(w: WindowStats): string {
  return w.successRate === null ? '—' : `${(w.successRate * 100).toFixed(1)} % (${w.attempts})`;
}

export default async function AdminWebhooksPage() {
  const session = await requireSession({ roles: ['admin'] });
  const health = await listEndpointHealth(session.tenantId);
  return (
    <main id="main" className="mx-auto w-full max-w-7xl flex-1 space-y-8 px-4 py-8 sm:px-6">
      <PageHeader
        title="Webhooks"
        description="Endpoints, delivery health and dead letters. Success rates count every attempt; latency is over the last 24 h."
        actions={<AutoRefresh />}
      />
      {health.length === 0 ? (
        <EmptyState title="No endpoints yet" description="Register an endpoint below to start receiving signed events." />
      ) : (
        <Table caption="Delivery health per endpoint">
          <thead>
            <tr>
              <Th>Endpoint</Th>
              <Th>State</Th>
              <Th>Success 1 h</Th>
              <Th>Success 24 h</Th>
              <Th>Success 7 d</Th>
              <Th>p50 / p95</Th>
              <Th>Queued</Th>
              <Th>Dead letters</Th>
              <Th>Actions</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {health.map((h) => (
              <tr key={h.endpoint.id} data-testid="endpoint-row" data-endpoint-id={h.endpoint.id}>
                <Td>
                  <div className="max-w-xs break-all font-mono text-xs">{h.endpoint.url}</div>
                  <div className="text-xs text-muted">
                    {h.endpoint.description || (h.endpoint.isPlatformReceiver ? 'Platform receiver' : '')}
                    {' · '}
                    {h.endpoint.eventTypes.length === 0 ? 'all events' : h.endpoint.eventTypes.join(', ')}
                  </div>
                </Td>
                <Td>
                  <StatusBadge status={h.endpoint.state} />
                </Td>
                <Td data-testid="rate-1h">{rate(h.h1)}</Td>
                <Td>{rate(h.h24)}</Td>
                <Td>{rate(h.d7)}</Td>
                <Td>{h.p50LatencyMs === null ? '—' : `${h.p50LatencyMs} / ${h.p95LatencyMs} ms`}</Td>
                <Td>{h.pending}</Td>
                <Td>
                  <Link className="underline" href={`/admin/deliveries?status=dead&endpoint=${h.endpoint.id}`}>
                    {h.deadLetters}
                  </Link>
                </Td>
                <Td>
                  <div className="flex flex-wrap gap-2">
                    <ActionButton action={sendTestEventAction} fields={{ endpointId: h.endpoint.id }} label="Send test" testId="send-test" />
                    <ActionButton
                      action={toggleEndpointAction}
                      fields={{ endpointId: h.endpoint.id, enabled: String(!h.endpoint.enabled) }}
                      label={h.endpoint.enabled ? 'Disable' : 'Enable'}
                    />
                    <ActionButton action={rotateSecretAction} fields={{ endpointId: h.endpoint.id }} label="Rotate secret" />
                    {h.deadLetters > 0 ? (
                      <ActionButton action={replayEndpointDeadLettersAction} fields={{ endpointId: h.endpoint.id }} label="Replay dead letters" />
                    ) : null}
                    {h.endpoint.isPlatformReceiver ? null : (
                      <ActionButton action={deleteEndpointAction} fields={{ endpointId: h.endpoint.id }} label="Delete" variant="danger" />
                    )}
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card title="Register an endpoint">
        <CreateEndpointForm eventTypes={EVENT_TYPES} />
      </Card>
    </main>
  );
}
