import type { Metadata } from 'next';
import { Card } from '@/components/ui/card.tsx';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { requireSession } from '@/lib/auth/session.ts';
import { readOwnPatientProfile } from '@/lib/portal/read-own-profile.ts';

export const metadata: Metadata = { title: 'Profile' };

/** The patient's own details (decrypted on the server; the read is audited). */
export default async function PatientProfilePage() {
  const ctx = await requireSession({ roles: ['patient'] });
  const profile = await readOwnPatientProfile(ctx);
  const rows: Array<[string, string]> = [
    ['Name', profile.name],
    ['Email', profile.email],
    ['Phone', profile.phone],
    ['Date of birth', profile.dateOfBirth],
  ];
  return (
    <div className="space-y-6">
      <PageHeader title="Profile" description="To change these details, contact your clinic." />
      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt className="font-semibold text-ink">{label}</dt>
              <dd className="text-ink-muted">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
