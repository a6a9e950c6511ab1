'use client';
/**
 * The built-in room: local and remote video, mute, camera off, leave, and a waiting state until
 * the other participant is there. Media flows peer-to-peer (RTCPeerConnection); only signaling
 * goes through our server. The clinician's side makes the offer, so the two sides never collide.
 * `data-connection-state` on the root exposes RTCPeerConnection.connectionState (tests read it).
 */
import { useEffect, useRef, useState } from 'react';
import { openSignalChannel, type SignalChannel, type SignalMessage } from './signal-client.ts';

export interface VisitRoomProps {
  roomId: string;
  role: 'patient' | 'clinician';
  iceServers: RTCIceServer[];
  homeHref: string;
}

type Phase = 'starting' | 'waiting' | 'in_call' | 'left' | 'closed' | 'error';

function newGen(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function VisitRoom({ roomId, role, iceServers, homeHref }: VisitRoomProps) {
  const localVideo = useRef<HTMLVideoElement>(null);
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const session = useRef<{ channel?: SignalChannel; pc?: RTCPeerConnection; gen?: string; stream?: MediaStream; pending: RTCIceCandidateInit[] }>({ pending: [] });
  const started = useRef(false);
  const [phase, setPhase] = useState<Phase>('starting');
  const [connectionState, setConnectionState] = useState<RTCPeerConnectionState | 'none'>('none');
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    // Entering consumes the one-time entry cookie: do it once even under StrictMode's double effects.
    if (started.current) {
      return;
    }
    started.current = true;
    const s = session.current;

    const send = (message: SignalMessage) => s.channel?.send(message).catch(() => undefined);

    const closePeer = () => {
      s.pc?.close();
      s.pc = undefined;
      s.gen = undefined;
      s.pending = [];
      if (remoteVideo.current) {
        remoteVideo.current.srcObject = null;
      }
      setConnectionState('none');
    };

    const createPeer = (gen: string): RTCPeerConnection => {
      closePeer();
      const pc = new RTCPeerConnection({ iceServers });
      s.pc = pc;
      s.gen = gen;
      s.stream?.getTracks().forEach((track) => pc.addTrack(track, s.stream!));
      pc.onicecandidate = (event) => {
        if (event.candidate) {
          void send({ type: 'ice', gen, candidate: event.candidate.toJSON() });
        }
      };
      pc.ontrack = (event) => {
        if (remoteVideo.current && event.streams[0]) {
          remoteVideo.current.srcObject = event.streams[0];
        }
      };
      pc.onconnectionstatechange = () => {
        setConnectionState(pc.connectionState);
        if (pc.connectionState === 'connected') {
          setPhase('in_call');
        }
      };
      setPhase('in_call');
      return pc;
    };

    const flushCandidates = async () => {
      const queued = s.pending;
      s.pending = [];
      for (const candidate of queued) {
        await s.pc?.addIceCandidate(candidate).catch(() => undefined);
      }
    };

    const onSignal = async (message: SignalMessage) => {
      if (message.type === 'hello') {
        if (role === 'clinician') {
          const gen = newGen();
          const pc = createPeer(gen);
          const offer = await pc.createOffer();
          await pc.setLocalDescription(offer);
          void send({ type: 'offer', gen, sdp: offer.sdp ?? '' });
        } else if (!message.reply) {
          void send({ type: 'hello', reply: true });
        }
      } else if (message.type === 'offer' && role === 'patient') {
        const pc = createPeer(message.gen);
        await pc.setRemoteDescription({ type: 'offer', sdp: message.sdp });
        await flushCandidates();
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        void send({ type: 'answer', gen: message.gen, sdp: answer.sdp ?? '' });
      } else if (message.type === 'answer' && role === 'clinician' && message.gen === s.gen && s.pc) {
        await s.pc.setRemoteDescription({ type: 'answer', sdp: message.sdp });
        await flushCandidates();
      } else if (message.type === 'ice' && message.gen === s.gen && s.pc) {
        if (s.pc.remoteDescription) {
          await s.pc.addIceCandidate(message.candidate).catch(() => undefined);
        } else {
          s.pending.push(message.candidate);
        }
      } else if (message.type === 'bye') {
        closePeer();
        setPhase('waiting');
      }
    };

    const start = async () => {
      try {
        s.stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
        if (localVideo.current) {
          localVideo.current.srcObject = s.stream;
        }
      } catch {
        setProblem('Your camera or microphone is not available. Check the browser permission and try again.');
        setPhase('error');
        return;
      }
      const response = await fetch(`/api/visit/${encodeURIComponent(roomId)}/signal/session`, { method: 'POST', cache: 'no-store' });
      if (!response.ok) {
        setProblem('Your join link was already used or has expired. Choose "Join visit" on your dashboard for a fresh one.');
        setPhase('error');
        return;
      }
      const { ticket } = (await response.json()) as { ticket: string };
      setPhase('waiting');
      s.channel = openSignalChannel(
        roomId,
        ticket,
        (event) => {
          if (event.kind === 'ready') {
            void send({ type: 'hello', reply: false });
          } else if (event.kind === 'signal') {
            void onSignal(event.message).catch(() => setProblem('The connection could not be set up. Leave and join again.'));
          } else {
            closePeer();
            setPhase('closed');
          }
        },
        (reason) => {
          closePeer();
          setProblem(reason === 'refused' ? 'You are no longer admitted to this room.' : 'The connection to the server was lost.');
          setPhase('error');
        },
      );
    };
    void start();

    const onPageHide = () => {
      void s.channel?.send({ type: 'bye' }, { keepalive: true });
    };
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, [roomId, role, iceServers]);

  const leave = () => {
    const s = session.current;
    void s.channel?.send({ type: 'bye' }, { keepalive: true });
    s.channel?.close();
    s.pc?.close();
    s.pc = undefined;
    s.stream?.getTracks().forEach((track) => track.stop());
    setConnectionState('closed');
    setPhase('left');
  };

  const toggleMute = () => {
    const next = !muted;
    session.current.stream?.getAudioTracks().forEach((track) => (track.enabled = !next));
    setMuted(next);
  };

  const toggleCamera = () => {
    const next = !cameraOff;
    session.current.stream?.getVideoTracks().forEach((track) => (track.enabled = !next));
    setCameraOff(next);
  };

  const other = role === 'clinician' ? 'patient' : 'clinician';
  const ended = phase === 'left' || phase === 'closed' || phase === 'error';
  return (
    <section data-testid="visit-room" data-connection-state={connectionState} data-phase={phase} aria-label="Video visit" className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
        <div className="relative aspect-video overflow-hidden rounded-lg bg-slate-900">
          <video ref={remoteVideo} data-testid="remote-video" autoPlay playsInline className="h-full w-full object-cover" aria-label={`Video of the ${other}`} />
          {connectionState !== 'connected' && !ended ? (
            <p role="status" className="absolute inset-0 flex items-center justify-center p-4 text-center text-white">
              {phase === 'starting' ? 'Starting your camera…' : `Waiting for the ${other} to join…`}
            </p>
          ) : null}
        </div>
        <div className="relative aspect-video overflow-hidden rounded-lg bg-slate-800">
          <video ref={localVideo} data-testid="local-video" autoPlay playsInline muted className="h-full w-full object-cover" aria-label="Your own video" />
          {cameraOff ? <p className="absolute inset-0 flex items-center justify-center text-white">Camera off</p> : null}
        </div>
      </div>
      {problem ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {problem}
        </p>
      ) : null}
      {phase === 'left' ? (
        <p role="status" className="rounded-md border border-line bg-surface px-4 py-3 text-sm">
          You left the visit. To rejoin, choose &quot;Join visit&quot; on your dashboard for a fresh link.
        </p>
      ) : null}
      {phase === 'closed' ? (
        <p role="status" className="rounded-md border border-line bg-surface px-4 py-3 text-sm">
          This visit room has been closed.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={toggleMute} disabled={ended} aria-pressed={muted} className="h-10 rounded-md border border-line bg-surface px-4 text-sm font-medium disabled:opacity-60">
          {muted ? 'Unmute' : 'Mute'}
        </button>
        <button type="button" onClick={toggleCamera} disabled={ended} aria-pressed={cameraOff} className="h-10 rounded-md border border-line bg-surface px-4 text-sm font-medium disabled:opacity-60">
          {cameraOff ? 'Camera on' : 'Camera off'}
        </button>
        {ended ? (
          <a href={homeHref} className="inline-flex h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white no-underline">
            Back to dashboard
          </a>
        ) : (
          <button type="button" onClick={leave} className="h-10 rounded-md bg-red-700 px-4 text-sm font-medium text-white">
            Leave visit
          </button>
        )}
      </div>
    </section>
  );
}
