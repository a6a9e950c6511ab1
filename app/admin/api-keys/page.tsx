/**
 * Admin: the tenant's API keys for the headless API — list, create (shown once), revoke.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSession } from '@/lib/auth/session.ts';
import { listApiKeys } from '@/lib/api/keys/manage-api-keys.ts';
import { Badge } from '@/components/ui/badge.tsx';
import { Card } from '@/components/ui/card.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { SubmitButton } from '@/components/ui/submit-button.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { ActionForm } from '../../patient/book/_ui/action-form.tsx';
import { revokeApiKeyAction } from './actions.ts';
import { CreateKeyForm } from './create-key-form.tsx';

export const metadata: Metadata = { title: 'API keys' };

function when(date: Date | null): string {
  return date ? new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC' : '—';
}

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const session = await requireSession({ roles: ['admin'] });
  const { cursor } = await searchParams;
  const { keys, nextCursor } = await listApiKeys(session.tenantId, { cursor, limit: 50 });
  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description="Keys for the headless scheduling API. Send them as Authorization: Bearer <key>. Only a hash is stored: a key is shown once."
        actions={<Link href="/docs/api">API reference</Link>}
      />
      <Card title="Create a key">
        <CreateKeyForm />
      </Card>
      {keys.length === 0 ? (
        <EmptyState title={cursor ? 'No older keys' : 'No API keys yet'} />
      ) : (
        <Table caption="Keys">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Prefix</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <Td>{k.label}</Td>
                <Td className="font-mono text-xs">{k.prefix}</Td>
                <Td>{when(k.createdAt)}</Td>
                <Td>{when(k.lastUsedAt)}</Td>
                <Td>{k.revokedAt ? <Badge tone="muted">Revoked</Badge> : <Badge tone="success">Active</Badge>}</Td>
                <Td>
                  {k.revokedAt ? null : (
                    <ActionForm action={revokeApiKeyAction}>
                      <input type="hidden" name="id" value={k.id} />
                      <SubmitButton size="sm" variant="danger" aria-label={`Revoke ${k.label}`}>
                        Revoke
                      </SubmitButton>
                    </ActionForm>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <nav aria-label="Key pages" className="flex gap-4 text-sm">
        {cursor ? (
          <Link className="underline" href="/admin/api-keys">
            ← Newest
          </Link>
        ) : null}
        {nextCursor ? (
          <Link className="underline" href={`/admin/api-keys?cursor=${nextCursor}`}>
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
