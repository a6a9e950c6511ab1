/**
 * Browser side of the room's signaling channel: a fetch-streamed SSE reader (fetch, not
 * EventSource, so the signal ticket travels in a header rather than a URL) and a sender.
 */
export type SignalMessage =
  | { type: 'hello'; reply: boolean }
  | { type: 'offer' | 'answer'; gen: string; sdp: string }
  | { type: 'ice'; gen: string; candidate: RTCIceCandidateInit }
  | { type: 'bye' };

export type ChannelEvent = { kind: 'ready' } | { kind: 'signal'; message: SignalMessage } | { kind: 'closed' };

const TICKET_HEADER = 'x-room-ticket';

export interface SignalChannel {
  send(message: SignalMessage, opts?: { keepalive?: boolean }): Promise<void>;
  close(): void;
}

/** Opens the channel; `onEvent` receives ready/signal/closed; reconnects with its cursor on drops. */
export function openSignalChannel(roomId: string, ticket: string, onEvent: (event: ChannelEvent) => void, onFatal: (reason: string) => void): SignalChannel {
  const base = `/api/visit/${encodeURIComponent(roomId)}/signal`;
  const abort = new AbortController();
  let cursor: string | null = null;
  let failures = 0;

  const run = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const url = cursor === null ? base : `${base}?after=${encodeURIComponent(cursor)}`;
        const response = await fetch(url, { headers: { [TICKET_HEADER]: ticket, accept: 'text/event-stream' }, signal: abort.signal, cache: 'no-store' });
        if (response.status === 401 || response.status === 403) {
          onFatal('refused');
          return;
        }
        if (!response.ok || !response.body) {
          throw new Error(`signal stream ${response.status}`);
        }
        failures = 0;
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          buffer += decoder.decode(value, { stream: true });
          let cut = buffer.indexOf('\n\n');
          while (cut >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            cut = buffer.indexOf('\n\n');
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            if (!data) {
              continue;
            }
            const event = JSON.parse(data.slice(6)) as { kind: string; id?: string; cursor?: string; message?: SignalMessage };
            if (event.kind === 'ready') {
              const first = cursor === null;
              cursor = event.cursor ?? cursor;
              if (first) {
                onEvent({ kind: 'ready' });
              }
            } else if (event.kind === 'signal' && event.message) {
              cursor = event.id ?? cursor;
              onEvent({ kind: 'signal', message: event.message });
            } else if (event.kind === 'closed') {
              onEvent({ kind: 'closed' });
              return;
            }
          }
        }
      } catch {
        if (abort.signal.aborted) {
          return;
        }
        failures += 1;
        if (failures > 5) {
          onFatal('lost');
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  };
  void run();

  return {
    async send(message, opts = {}) {
      await fetch(base, {
        method: 'POST',
        headers: { [TICKET_HEADER]: ticket, 'content-type': 'application/json' },
        body: JSON.stringify(message),
        keepalive: opts.keepalive ?? false,
        cache: 'no-store',
      });
    },
    close() {
      abort.abort();
    },
  };
}
