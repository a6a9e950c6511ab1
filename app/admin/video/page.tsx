/**
 * /admin/video: video rooms whose provisioning failed (retries exhausted or a vendor refusal no
 * retry can fix) or is currently being retried. Each failure was also alerted
 * (kind provisioning_failed) like a dead-lettered webhook.
 */
import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/session.ts';
import { listProvisioningProblems } from '@/lib/video/list-provisioning-problems.ts';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { StatusBadge } from '@/components/ui/badge.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { RetryProvisioningButton } from '@/components/video/retry-provisioning-button.tsx';

export const metadata: Metadata = { title: 'Video rooms' };

export default async function AdminVideoPage() {
  const session = await requireSession({ roles: ['admin'] });
  const problems = await listProvisioningProblems(session.tenantId);
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
      <PageHeader title="Video rooms" description="Rooms that could not be provisioned, or are being retried after a vendor error. Failures are also alerted to your incident channels." />
      {problems.length === 0 ? (
        <EmptyState title="No provisioning problems" description="Every confirmed visit has its video room." />
      ) : (
        <Table caption="Failed and retrying video room provisioning">
          <thead>
            <tr>
              <Th>Appointment</Th>
              <Th>Visit starts</Th>
              <Th>Provider</Th>
              <Th>Status</Th>
              <Th>Last error</Th>
              <Th>Action</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {problems.map((p) => (
              <tr key={p.roomId} data-testid="video-provisioning-problem">
                <Td className="font-mono text-xs">{p.appointmentId}</Td>
                <Td>
                  <time dateTime={p.startsAt.toISOString()}>{p.startsAt.toISOString().replace('T', ' ').slice(0, 16)} UTC</time>
                </Td>
                <Td>{p.provider}</Td>
                <Td>
                  <StatusBadge status={p.status === 'failed' ? 'failed' : 'retrying'} />
                </Td>
                <Td className="font-mono text-xs">{p.lastError ?? '—'}</Td>
                <Td>{p.status === 'failed' ? <RetryProvisioningButton appointmentId={p.appointmentId} /> : null}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </main>
  );
}
