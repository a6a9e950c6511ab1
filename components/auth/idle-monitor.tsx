'use client';

/**
 * Client half of the automatic logoff. The server enforces the idle limit on every request;
 * this component keeps the limit honest for a user who is reading or typing (pings the activity
 * route, throttled, when there is input), shows a warning before the deadline, and at the
 * deadline — unless another tab kept the session alive — ends the session and goes to sign-in.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button.tsx';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export interface IdleMonitorProps {
  /** SESSION_IDLE_MINUTES in ms. */
  idleMs: number;
}

export function IdleMonitor({ idleMs }: IdleMonitorProps) {
  const warnMs = Math.min(60_000, Math.floor(idleMs / 2));
  const pingEveryMs = Math.max(1_000, Math.min(30_000, Math.floor(idleMs / 4)));
  const deadline = useRef(Date.now() + idleMs);
  const lastPing = useRef(Date.now());
  const pending = useRef(false);
  const ending = useRef(false);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  const goToSignIn = useCallback(() => {
    window.location.assign('/signin?reason=idle');
  }, []);

  const ping = useCallback(async () => {
    lastPing.current = Date.now();
    pending.current = false;
    try {
      const res = await fetch('/api/session/activity', { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
      if (res.status === 401) {
        goToSignIn();
        return;
      }
      if (res.ok) {
        const body = (await res.json()) as { idleDeadline?: number };
        if (typeof body.idleDeadline === 'number') {
          deadline.current = body.idleDeadline;
          setSecondsLeft(null);
        }
      }
    } catch {
      // Offline for a moment: the server-side limit still applies; try again on the next input.
    }
  }, [goToSignIn]);

  const endIdleSession = useCallback(async () => {
    ending.current = true;
    try {
      const status = await fetch('/api/session/activity', { credentials: 'same-origin', cache: 'no-store' });
      if (status.ok) {
        const body = (await status.json()) as { idleDeadline?: number };
        if (typeof body.idleDeadline === 'number' && body.idleDeadline > Date.now()) {
          // Another tab was active: adopt its deadline instead of signing everyone out.
          deadline.current = body.idleDeadline;
          ending.current = false;
          return;
        }
      }
      await fetch('/api/session/end', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'idle' }) });
    } catch {
      // Whatever happened, the server will refuse the idle session anyway.
    }
    goToSignIn();
  }, [goToSignIn]);

  useEffect(() => {
    const onActivity = () => {
      pending.current = true;
      if (Date.now() - lastPing.current >= pingEveryMs) {
        void ping();
      }
    };
    for (const e of ACTIVITY_EVENTS) {
      window.addEventListener(e, onActivity, { passive: true });
    }
    const timer = window.setInterval(() => {
      if (ending.current) {
        return;
      }
      const now = Date.now();
      if (pending.current && now - lastPing.current >= pingEveryMs) {
        void ping();
      }
      const left = deadline.current - now;
      if (left <= 0) {
        void endIdleSession();
      } else if (left <= warnMs) {
        setSecondsLeft(Math.ceil(left / 1000));
      } else {
        setSecondsLeft(null);
      }
    }, 500);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) {
        window.removeEventListener(e, onActivity);
      }
    };
  }, [endIdleSession, ping, pingEveryMs, warnMs]);

  if (secondsLeft === null) {
    return null;
  }
  return (
    <div
      role="alertdialog"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-body"
      className="fixed inset-x-4 bottom-4 z-50 mx-auto max-w-md rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 shadow-lg"
    >
      <p id="idle-warning-title" className="font-semibold">
        You will be signed out soon
      </p>
      <p id="idle-warning-body" className="mt-1 text-sm" aria-live="polite">
        For your privacy we sign you out after a period of inactivity. Signing out in {secondsLeft} second{secondsLeft === 1 ? '' : 's'}.
      </p>
      <div className="mt-3">
        <Button onClick={() => void ping()} autoFocus>
          Stay signed in
        </Button>
      </div>
    </div>
  );
}
