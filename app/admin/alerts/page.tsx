/** /admin/alerts: alert history (failing, dead letter, recovered) with each sink's result. */
import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/session.ts';
import { listAlerts } from '@/lib/webhooks/health/list-alerts.ts';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { Badge } from '@/components/ui/badge.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { AutoRefresh } from '../webhooks/_components/auto-refresh.tsx';

export const metadata: Metadata = { title: 'Alerts' };

function sinkSummary(sinks: Record<string, unknown>): string {
  if (sinks.suppressed) {
    return 'folded into open incident';
  }
  const parts = Object.entries(sinks).map(([name, r]) => `${name}: ${(r as { ok?: boolean }).ok ? 'ok' : 'failed'}`);
  return parts.length === 0 ? 'sending…' : parts.join(', ');
}

export default async function AdminAlertsPage() {
  const session = await requireSession({ roles: ['admin'] });
  const alerts = await listAlerts(session.tenantId, 200);
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 space-y-6 px-4 py-8 sm:px-6">
      <PageHeader title="Alerts" description="Incidents sent to Slack, PagerDuty, Datadog and the generic webhook. One incident per endpoint outage." actions={<AutoRefresh />} />
      {alerts.length === 0 ? (
        <EmptyState title="No alerts" description="Nothing has been dead-lettered or failing." />
      ) : (
        <Table caption="Alert history">
          <thead>
            <tr>
              <Th>Time</Th>
              <Th>Kind</Th>
              <Th>Summary</Th>
              <Th>Incident</Th>
              <Th>Sinks</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {alerts.map((a) => (
              <tr key={a.id} data-testid="alert-row">
                <Td className="whitespace-nowrap text-xs">{a.createdAt.replace('T', ' ').slice(0, 19)} UTC</Td>
                <Td>
                  <Badge tone={a.kind === 'recovered' ? 'success' : a.kind === 'failing' ? 'warning' : 'danger'}>{a.kind}</Badge>
                </Td>
                <Td className="text-sm">{a.summary}</Td>
                <Td className="font-mono text-[11px]">{a.incidentKey}</Td>
                <Td className="text-xs">{sinkSummary(a.sinks)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </main>
  );
}
