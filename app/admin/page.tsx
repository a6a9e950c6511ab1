import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { requireSession } from '@/lib/auth/session.ts';

export const metadata: Metadata = { title: 'Admin' };

const CARDS = [
  { href: '/admin/webhooks', title: 'Webhook endpoints', body: 'Success rate, latency, open circuits and dead letters per endpoint.' },
  { href: '/admin/deliveries', title: 'Deliveries', body: 'Every delivery attempt; replay failed and dead-lettered events.' },
  { href: '/admin/users', title: 'Users', body: 'Invite clinicians and admins, disable accounts, sign users out everywhere.' },
  { href: '/admin/audit', title: 'Audit trail', body: 'Sign-ins, MFA events, patient-record reads and admin actions.' },
  { href: '/admin/api-keys', title: 'API keys', body: 'Keys for the headless scheduling API.' },
  { href: '/admin/compliance', title: 'Compliance', body: 'Encryption, isolation and retention status of this clinic.' },
] as const;

/** Admin overview: where to go for delivery health, people and records. */
export default async function AdminHomePage() {
  await requireSession({ roles: ['admin'] });
  return (
    <div>
      <PageHeader title="Overview" description="Delivery health and clinic administration." />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {CARDS.map((c) => (
          <li key={c.href}>
            <Link href={c.href} className="block h-full rounded-lg border border-line bg-surface p-5 text-ink no-underline shadow-sm hover:border-brand-500 hover:no-underline">
              <span className="block font-semibold text-brand-800">{c.title}</span>
              <span className="mt-1 block text-sm text-ink-muted">{c.body}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
