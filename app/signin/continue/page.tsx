import { redirect } from 'next/navigation';
import { loadSessionState } from '@/lib/auth/session.ts';
import { safeCallbackUrl } from '@/lib/auth/callback-url.ts';
import { ROLE_HOME } from '@/lib/auth/roles.ts';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** After the password step: on to MFA set-up, MFA verification, or the role's portal. */
export default async function ContinueSignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const state = await loadSessionState();
  if (!('context' in state)) {
    redirect(state.status === 'none' ? '/signin' : `/signin?reason=${state.status}`);
  }
  if (state.status === 'mfa_setup') {
    redirect('/mfa/setup');
  }
  if (state.status === 'mfa_verify') {
    redirect('/mfa/verify');
  }
  const home = ROLE_HOME[state.context.role];
  const raw = Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl;
  const target = safeCallbackUrl(raw);
  redirect(target && (target === home || target.startsWith(`${home}/`)) ? target : home);
}
