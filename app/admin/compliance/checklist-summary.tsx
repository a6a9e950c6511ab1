import type { ChecklistEntry } from '@/lib/compliance/checklist.ts';
import { Table, Th, Td } from '@/components/ui/table.tsx';
import { Badge } from '@/components/ui/badge.tsx';

const STATUS = {
  pass: <Badge tone="success">pass</Badge>,
  fail: <Badge tone="danger">fail</Badge>,
  'not run': <Badge tone="muted">not run</Badge>,
} as const;

/** The seed checklist: each item, its result and the drills (with their figures) that back it. */
export function ChecklistSummary({ entries }: { entries: ChecklistEntry[] }) {
  return (
    <section aria-labelledby="seed-checklist" className="space-y-2">
      <h2 id="seed-checklist" className="text-lg font-semibold">
        Seed checklist
      </h2>
      <Table caption="Seed checklist items with the drills that back them" hideCaption>
        <thead>
          <tr>
            <Th>Item</Th>
            <Th>Result</Th>
            <Th>Evidence (drill: figure)</Th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.item}>
              {/* A plain row header: <Th> is styled as an uppercase column header. */}
              <th scope="row" className="border-t border-line px-4 py-2 text-left align-top text-sm font-medium text-ink">
                {e.item === 0 ? '' : `(${e.item}) `}
                {e.label}
              </th>
              <Td>{STATUS[e.status]}</Td>
              <Td>
                {e.evidence.length === 0 ? (
                  'No drill for this item ran.'
                ) : (
                  <ul className="space-y-1">
                    {e.evidence.map((v) => (
                      <li key={v.drill}>
                        <span className="sr-only">{v.ok ? 'passed: ' : 'failed: '}</span>
                        <code>{v.drill}</code>
                        {v.primary ? '' : ' (also)'}: {v.figure}
                        {v.ok ? '' : ' — failed'}
                      </li>
                    ))}
                  </ul>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
