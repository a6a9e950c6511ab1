'use client';
/**
 * Client half of "Join visit": asks the server action for a fresh link, then either posts the
 * built-in room's token to /api/visit/<room>/join (the token never enters a URL) and navigates
 * to the room, or opens the participant's own vendor URL in a new tab.
 */
import { useState } from 'react';
import { revealJoinLinkAction } from '@/lib/video/actions/reveal-join-link-action.ts';
import { Button } from '@/components/ui/button.tsx';

export function JoinVisitButtonClient({ appointmentId }: { appointmentId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await revealJoinLinkAction({ appointmentId });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      const link = result.data;
      if (link.provider !== 'webrtc') {
        window.open(link.url, '_blank', 'noopener,noreferrer');
        return;
      }
      const response = await fetch(`/api/visit/${encodeURIComponent(link.roomId)}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: link.token }),
        cache: 'no-store',
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        setError(problem?.detail ?? 'Could not join the visit. Try again.');
        return;
      }
      window.location.assign(`/visit/${encodeURIComponent(link.roomId)}`);
    } catch {
      setError('Could not join the visit. Try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="inline-flex flex-col gap-1">
      <Button type="button" onClick={() => void join()} disabled={busy} data-testid="join-visit" data-appointment-id={appointmentId}>
        {busy ? 'Joining…' : 'Join visit'}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
