/**
 * Human-readable API reference, rendered on the server from the same OpenAPI document served at
 * /api/v1/openapi.json (no client scripts, no CDN).
 */
import type { Metadata } from 'next';
import { buildOpenApiDocument } from '@/lib/api/openapi.ts';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { Card } from '@/components/ui/card.tsx';
import { OperationCard, type Operation } from './operation-card.tsx';

export const metadata: Metadata = { title: 'API reference' };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Problem reasons the API returns, each an anchor target of a problem's `type`. */
const PROBLEMS: [string, string][] = [
  ['bad-request', 'The request failed validation; errors[] lists each field by JSON pointer.'],
  ['unauthorized', 'Missing, malformed, unknown or revoked API key.'],
  ['not-found', 'No such object in your tenant.'],
  ['slot-taken', 'Someone else holds an overlapping active appointment on this resource (409).'],
  ['illegal-transition', 'The status change is not allowed from the current status (409). Nothing changed.'],
  ['concurrent-change', 'The appointment changed between read and write; reload and retry (409).'],
  ['not-a-slot', 'The requested start is not on the resource’s slot grid, or is in the past (422).'],
  ['not-started', 'Completed / no-show can only be set once the visit has started (422).'],
  ['nobody-available', 'No on-call clinician is free right now (422).'],
  ['idempotency-mismatch', 'The Idempotency-Key was already used with a different request (422).'],
  ['idempotency-in-progress', 'The first request with this Idempotency-Key is still running (409); retry shortly.'],
  ['rate-limited', 'Per-key rate limit exceeded (429); wait Retry-After seconds.'],
];

export default function ApiReferencePage() {
  const doc = buildOpenApiDocument();
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, unknown>)[method] as Operation['op'] | undefined;
      if (op) {
        operations.push({ method, path, op });
      }
    }
  }
  const tags = (doc.tags ?? []).map((t) => t.name);

  return (
    <div className="space-y-8">
      <PageHeader
        title={doc.info.title}
        description="Base URL /api/v1. Authenticate with Authorization: Bearer <API key> (admins create keys under Admin → API keys). Errors are RFC 9457 problem details (application/problem+json). POST accepts an Idempotency-Key header (24 h)."
        actions={
          <a href="/api/v1/openapi.json" className="text-sm font-medium">
            openapi.json
          </a>
        }
      />
      <nav aria-label="Endpoints" className="rounded-lg border border-line bg-surface p-4 text-sm">
        <ul className="grid gap-1 sm:grid-cols-2">
          {operations.map((o) => (
            <li key={o.op.operationId}>
              <a href={`#${o.op.operationId}`}>
                <span className="font-mono uppercase">{o.method}</span> <span className="font-mono">{o.path}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
          <h2 id={`tag-${tag}`} className="text-xl font-semibold text-ink">
            {tag}
          </h2>
          {operations
            .filter((o) => o.op.tags?.includes(tag))
            .map((o) => (
              <OperationCard key={o.op.operationId} operation={o} />
            ))}
        </section>
      ))}
      <Card title="Problem types">
        <dl className="space-y-2 text-sm">
          {PROBLEMS.map(([slug, text]) => (
            <div key={slug} id={`problem-${slug}`}>
              <dt className="font-mono font-medium">{slug}</dt>
              <dd className="text-ink-muted">{text}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title="Schemas">
        <div className="space-y-4">
          {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
            <div key={name} id={`schema-${name}`}>
              <h3 className="font-mono text-sm font-semibold">{name}</h3>
              <pre className="mt-1 overflow-x-auto rounded bg-canvas p-3 text-xs">{JSON.stringify(schema, null, 2)}</pre>
            </div>
          ))}
        </div>
      </Card>
    </div>
  );
}
