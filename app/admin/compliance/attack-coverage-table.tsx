import type { TAttackCoverage } from '@/lib/compliance/attack-coverage.ts';
import { Table, Th, Td } from '@/components/ui/table.tsx';
import { Badge } from '@/components/ui/badge.tsx';

/** Which test covers which attack, with each test's result in the latest run. */
export function AttackCoverageTable({ attacks }: { attacks: TAttackCoverage }) {
  return (
    <section aria-labelledby="attack-coverage" className="space-y-2">
      <h2 id="attack-coverage" className="text-lg font-semibold">
        Security probes: which test covers which attack
      </h2>
      <Table caption="Attacks tried by the security probes and the tests that assert refusal" hideCaption>
        <thead>
          <tr>
            <Th>Attack</Th>
            <Th>Result</Th>
            <Th>Tests</Th>
          </tr>
        </thead>
        <tbody>
          {attacks.map((a) => (
            <tr key={a.attack}>
              {/* A plain row header: <Th> is styled as an uppercase column header. */}
              <th scope="row" className="border-t border-line px-4 py-2 text-left align-top text-sm font-medium text-ink">
                {a.attack}
              </th>
              <Td>{a.status === 'pass' ? <Badge tone="success">refused</Badge> : a.status === 'fail' ? <Badge tone="danger">fail</Badge> : <Badge tone="muted">{a.status}</Badge>}</Td>
              <Td>
                <ul className="space-y-1 text-xs">
                  {a.tests.map((t) => (
                    <li key={t.test}>
                      <code>{t.test}</code> — {t.result}
                    </li>
                  ))}
                </ul>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
