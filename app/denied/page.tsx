import type { Metadata } from 'next';
import { LinkButton } from '@/components/ui/link-button.tsx';
import { getSessionContext } from '@/lib/auth/session.ts';
import { ROLE_HOME } from '@/lib/auth/roles.ts';

export const metadata: Metadata = { title: 'No access' };

/** Where a signed-in user lands when they open another role's area. */
export default async function DeniedPage() {
  const ctx = await getSessionContext();
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">You don’t have access to that page</h1>
      <p className="mt-3 text-ink-muted">Your account cannot open this area. If you think it should, ask your clinic’s admin.</p>
      <div className="mt-8 flex justify-center">
        <LinkButton href={ctx ? ROLE_HOME[ctx.role] : '/signin'}>{ctx ? 'Go to your portal' : 'Sign in'}</LinkButton>
      </div>
    </div>
  );
}
