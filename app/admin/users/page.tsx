import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge.tsx';
import { Card } from '@/components/ui/card.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { requireSession } from '@/lib/auth/session.ts';
import { listUsers } from '@/lib/auth/users/list-users.ts';
import { listUnlinkedResources } from '@/lib/auth/users/list-unlinked-resources.ts';
import { ZRole } from '@/lib/auth/roles.ts';
import { InviteForm } from './invite-form.tsx';
import { UserRowActions } from './user-row-actions.tsx';

export const metadata: Metadata = { title: 'Users' };

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** Users of the clinic (paginated), invites, disable and sign-out-everywhere. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireSession({ roles: ['admin'] });
  const params = await searchParams;
  const role = ZRole.safeParse(params.role).data;
  const page = Number(params.page ?? '1') || 1;
  const [users, resources] = await Promise.all([listUsers(ctx, { page, role }), listUnlinkedResources(ctx)]);
  const pageHref = (p: number) => `/admin/users?${new URLSearchParams({ ...(role ? { role } : {}), page: String(p) })}`;
  return (
    <div className="space-y-6">
      <PageHeader title="Users" description="Patients sign up themselves; clinicians and admins join by invite." />
      <Card title="Invite a clinician or admin">
        <InviteForm resources={resources} timeZones={TIME_ZONES} />
      </Card>
      <nav aria-label="Filter by role" className="flex flex-wrap gap-2 text-sm">
        {(['all', 'patient', 'clinician', 'admin'] as const).map((r) => (
          <Link key={r} href={r === 'all' ? '/admin/users' : `/admin/users?role=${r}`} aria-current={(role ?? 'all') === r ? 'page' : undefined} className="rounded-md border border-line px-3 py-1 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50">
            {r === 'all' ? 'All' : `${r[0]!.toUpperCase()}${r.slice(1)}s`}
          </Link>
        ))}
      </nav>
      {users.rows.length === 0 ? (
        <EmptyState title="No users here yet" />
      ) : (
        <Table caption={`Users (${users.total})`}>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Actions</Th>
            </tr>
          </thead>
          <tbody>
            {users.rows.map((u) => (
              <tr key={u.id}>
                <Td>{u.name}</Td>
                <Td className="break-all">{u.email}</Td>
                <Td className="capitalize">{u.role}</Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    {u.disabled ? <Badge tone="muted">Disabled</Badge> : <Badge tone="success">Active</Badge>}
                    {u.locked ? <Badge tone="warning">Locked</Badge> : null}
                    {u.mfaEnabled ? <Badge tone="info">MFA</Badge> : null}
                  </div>
                </Td>
                <Td>
                  <UserRowActions userId={u.id} disabled={u.disabled} isSelf={u.id === ctx.userId} label={u.name} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        {users.page > 1 ? <Link href={pageHref(users.page - 1)}>← Previous</Link> : <span />}
        <span className="text-ink-muted">
          Page {users.page} of {users.pageCount}
        </span>
        {users.page < users.pageCount ? <Link href={pageHref(users.page + 1)}>Next →</Link> : <span />}
      </nav>
    </div>
  );
}
