/**
 * "Join visit" for one appointment, rendered inside the authenticated patient and clinician
 * dashboards. Server component: it shows the button only to the visit's own participants, from
 * VIDEO_JOIN_EARLY_MINUTES before the start, once the room is ready. The link itself is minted
 * only when the button is pressed (server action), never rendered into the page.
 */
import { getSessionContext } from '@/lib/auth/session.ts';
import { loadJoinButtonState } from '@/lib/video/join-button-state.ts';
import { JoinVisitButtonClient } from './join-visit-button-client.tsx';

export interface JoinVisitButtonProps {
  appointmentId: string;
}

export async function JoinVisitButton({ appointmentId }: JoinVisitButtonProps) {
  const session = await getSessionContext();
  if (!session || (session.role !== 'patient' && session.role !== 'clinician')) {
    return null;
  }
  const state = await loadJoinButtonState({ tenantId: session.tenantId, userId: session.userId, role: session.role }, appointmentId);
  switch (state.kind) {
    case 'hidden':
      return null;
    case 'opens_later':
      return (
        <span className="text-sm text-ink-muted" data-testid="join-visit-later">
          Video room opens <time dateTime={state.opensAt.toISOString()}>{state.opensAt.toISOString().slice(11, 16)} UTC</time>
        </span>
      );
    case 'preparing':
      return (
        <span className="text-sm text-ink-muted" data-testid="join-visit-preparing">
          Preparing video room…
        </span>
      );
    case 'unavailable':
      return (
        <span className="text-sm text-red-800" data-testid="join-visit-unavailable">
          Video room unavailable — the clinic has been alerted.
        </span>
      );
    case 'ready':
      return <JoinVisitButtonClient appointmentId={appointmentId} />;
  }
}
