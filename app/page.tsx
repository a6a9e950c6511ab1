import type { Metadata } from 'next';
import { LinkButton } from '@/components/ui/link-button.tsx';

export const metadata: Metadata = {
  title: { absolute: 'Periodic — telehealth scheduling' },
};

const PORTALS = [
  {
    title: 'Patient portal',
    body: 'Book a visit in a free slot, see upcoming and past appointments, and join your private video room with a single-use link.',
  },
  {
    title: 'Clinician panel',
    body: 'Set weekly hours and exceptions, confirm or cancel visits, mark them completed or no-show, and start the video call.',
  },
  {
    title: 'Admin delivery health',
    body: 'Watch every webhook endpoint: success rate, latency, open circuits and dead letters — and replay failed deliveries.',
  },
] as const;

const GUARANTEES = [
  {
    title: 'Tokenized core',
    body: 'The scheduling engine knows patients only by opaque tokens. Names and contact details stay encrypted on the identity side.',
  },
  {
    title: 'No dropped events',
    body: 'Each booking and its webhook jobs commit in one transaction. Signed deliveries retry with backoff, then dead-letter and alert.',
  },
  {
    title: 'Private video rooms',
    body: 'A confirmed visit gets its own passcode-protected room and single-use join links, revealed only to its participants.',
  },
] as const;

/** Public landing page: what Periodic is and where to start. */
export default function LandingPage() {
  return (
    <div className="space-y-14">
      <section aria-labelledby="hero-title" className="grid gap-8 pt-4 lg:grid-cols-[3fr_2fr] lg:items-center">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">Telehealth scheduling</p>
          <h1 id="hero-title" className="mt-2 text-4xl font-semibold tracking-tight text-ink sm:text-5xl">
            Appointments that keep their promises.
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-ink-muted">
            Periodic books visits, delivers every appointment event to the systems that need it, and opens a private
            video room for each confirmed visit — while patient identity stays isolated from scheduling data.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <LinkButton href="/signin" size="lg">
              Sign in
            </LinkButton>
            <LinkButton href="/patient/signup" variant="secondary" size="lg">
              Create patient account
            </LinkButton>
          </div>
        </div>
        <aside aria-label="At a glance" className="rounded-xl border border-line bg-surface p-6 shadow-sm">
          <dl className="grid grid-cols-1 gap-5 text-sm">
            <div>
              <dt className="font-semibold text-ink">Delivery</dt>
              <dd className="text-ink-muted">Standard Webhooks signatures, jittered retries, dead-letter queue</dd>
            </div>
            <div>
              <dt className="font-semibold text-ink">Privacy</dt>
              <dd className="text-ink-muted">Per-field AES-256-GCM encryption, row-level security per tenant</dd>
            </div>
            <div>
              <dt className="font-semibold text-ink">Video</dt>
              <dd className="text-ink-muted">Built-in WebRTC, or Zoom and Teams per clinic</dd>
            </div>
          </dl>
        </aside>
      </section>

      <section aria-labelledby="portals-title">
        <h2 id="portals-title" className="text-xl font-semibold text-ink">
          One service, three workspaces
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-3">
          {PORTALS.map((portal) => (
            <li key={portal.title} className="rounded-lg border border-line bg-surface p-5 shadow-sm">
              <h3 className="font-semibold text-ink">{portal.title}</h3>
              <p className="mt-2 text-sm text-ink-muted">{portal.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="guarantees-title">
        <h2 id="guarantees-title" className="text-xl font-semibold text-ink">
          Built for regulated care
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-3">
          {GUARANTEES.map((item) => (
            <li key={item.title} className="border-l-4 border-brand-500 pl-4">
              <h3 className="font-semibold text-ink">{item.title}</h3>
              <p className="mt-1 text-sm text-ink-muted">{item.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <p className="text-sm text-ink-muted">
        Operators: service health is at{' '}
        <a href="/api/health" className="font-mono">
          /api/health
        </a>
        ; the headless API is described at{' '}
        <a href="/api/v1/openapi.json" className="font-mono">
          /api/v1/openapi.json
        </a>
        .
      </p>
    </div>
  );
}
