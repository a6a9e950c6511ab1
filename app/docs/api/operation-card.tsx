/** One API operation: method, path, summary, parameters, request body and responses. */
import { Badge } from '@/components/ui/badge.tsx';

type SchemaRef = { $ref?: string; [k: string]: unknown };
type Content = Record<string, { schema?: SchemaRef }>;

export interface Operation {
  method: string;
  path: string;
  op: {
    operationId?: string;
    summary?: string;
    tags?: string[];
    parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: SchemaRef }[];
    requestBody?: { content?: Content };
    responses?: Record<string, { description?: string; content?: Content }>;
  };
}

/** A schema as a link to its component, or a compact type name. */
function SchemaLabel({ schema }: { schema?: SchemaRef }) {
  if (!schema) {
    return null;
  }
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return (
      <a href={`#schema-${name}`} className="font-mono">
        {name}
      </a>
    );
  }
  const type = typeof schema.type === 'string' ? schema.type : 'object';
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  const values = Array.isArray(schema.enum) ? `: ${schema.enum.join(' | ')}` : '';
  return <span className="font-mono">{`${type}${format}${values}`}</span>;
}

export function OperationCard({ operation }: { operation: Operation }) {
  const { method, path, op } = operation;
  const body = op.requestBody?.content?.['application/json']?.schema;
  return (
    <article id={op.operationId} className="rounded-lg border border-line bg-surface p-5 shadow-sm">
      <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold text-ink">
        <Badge tone={method === 'get' ? 'info' : 'success'} className="font-mono uppercase">
          {method}
        </Badge>
        <code className="font-mono">/api/v1{path}</code>
      </h3>
      <p className="mt-1 text-sm text-ink-muted">{op.summary}</p>
      {op.parameters && op.parameters.length > 0 ? (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Parameters</caption>
          <thead>
            <tr className="text-xs uppercase text-ink-muted">
              <th scope="col" className="py-1">Parameter</th>
              <th scope="col">In</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-t border-line">
                <td className="py-1 font-mono">
                  {p.name}
                  {p.required ? '*' : ''}
                </td>
                <td>{p.in}</td>
                <td>
                  <SchemaLabel schema={p.schema} />
                </td>
                <td className="text-ink-muted">{p.description ?? (typeof p.schema?.description === 'string' ? p.schema.description : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body ? (
        <p className="mt-3 text-sm">
          Body: <SchemaLabel schema={body} />
        </p>
      ) : null}
      <ul className="mt-3 space-y-1 text-sm">
        {Object.entries(op.responses ?? {}).map(([status, r]) => {
          const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
          return (
            <li key={status}>
              <span className="font-mono font-semibold">{status}</span> {r.description}
              {media?.schema ? (
                <>
                  {' '}
                  — <SchemaLabel schema={media.schema} /> <span className="text-xs text-ink-muted">({type})</span>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </article>
  );
}
