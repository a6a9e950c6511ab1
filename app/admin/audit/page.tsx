import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { Field, SelectField } from '@/components/ui/field.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { Table, Td, Th } from '@/components/ui/table.tsx';
import { requireSession } from '@/lib/auth/session.ts';
import { listAuditEvents } from '@/lib/audit/list-audit-events.ts';
import { AUDIT_ACTIONS } from '@/lib/audit/audit-actions.ts';
import { resolveUserNames } from '@/lib/auth/users/list-users.ts';

export const metadata: Metadata = { title: 'Audit trail' };

function describeMetadata(metadata: unknown): string {
  if (!metadata || typeof metadata !== 'object') {
    return '';
  }
  return Object.entries(metadata as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}

/** Filterable, paginated audit trail of the clinic (append-only; reading it is audited too). */
export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requireSession({ roles: ['admin'] });
  const params = await searchParams;
  const filter = { action: params.action, actorUserId: params.actor, from: params.from, to: params.to, page: params.page };
  const result = await listAuditEvents(ctx, filter);
  const names = await resolveUserNames(ctx.tenantId, [...new Set(result.rows.map((r) => r.actorUserId).filter((v): v is string => Boolean(v)))]);
  const fmt = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  const pageHref = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ action: params.action, actor: params.actor, from: params.from, to: params.to })) {
      if (v) {
        q.set(k, v);
      }
    }
    q.set('page', String(p));
    return `/admin/audit?${q}`;
  };
  return (
    <div className="space-y-6">
      <PageHeader title="Audit trail" description="Who did what, when and from where. Entries cannot be changed or deleted. Times in UTC." />
      <form method="get" className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-5" aria-label="Filter audit events">
        <SelectField name="action" label="Action" defaultValue={params.action ?? ''}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
        <Field name="actor" label="Actor user id" defaultValue={params.actor ?? ''} placeholder="uuid" />
        <Field name="from" label="From" type="date" defaultValue={params.from ?? ''} />
        <Field name="to" label="To" type="date" defaultValue={params.to ?? ''} />
        <div className="flex items-end gap-2">
          <Button type="submit">Filter</Button>
          <Link href="/admin/audit" className="text-sm">
            Reset
          </Link>
        </div>
      </form>
      {result.rows.length === 0 ? (
        <EmptyState title="No audit events match" description="Try a wider date range or another action." />
      ) : (
        <Table caption={`Audit events (${result.total})`}>
          <thead>
            <tr>
              <Th>Time</Th>
              <Th>Actor</Th>
              <Th>Action</Th>
              <Th>Target</Th>
              <Th>Details</Th>
              <Th>IP / client</Th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap">
                  <time dateTime={r.createdAt.toISOString()}>{fmt.format(r.createdAt)}</time>
                </Td>
                <Td>
                  {r.actorUserId ? (
                    <Link href={`/admin/audit?actor=${r.actorUserId}`}>{names.get(r.actorUserId) ?? r.actorUserId.slice(0, 8)}</Link>
                  ) : (
                    <span className="text-ink-muted">unknown</span>
                  )}
                  {r.actorRole ? <span className="block text-xs text-ink-muted">{r.actorRole}</span> : null}
                </Td>
                <Td className="font-mono text-xs">{r.action}</Td>
                <Td className="text-xs">{r.targetType ? `${r.targetType} ${r.targetId?.slice(0, 8) ?? ''}` : '—'}</Td>
                <Td className="text-xs">{describeMetadata(r.metadata)}</Td>
                <Td className="max-w-56 text-xs">
                  {r.ip ?? '—'}
                  {r.userAgent ? <span className="block truncate text-ink-muted" title={r.userAgent}>{r.userAgent}</span> : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <nav aria-label="Pages" className="flex items-center justify-between text-sm">
        {result.page > 1 ? <Link href={pageHref(result.page - 1)}>← Newer</Link> : <span />}
        <span className="text-ink-muted">
          Page {result.page} of {result.pageCount}
        </span>
        {result.page < result.pageCount ? <Link href={pageHref(result.page + 1)}>Older →</Link> : <span />}
      </nav>
    </div>
  );
}
