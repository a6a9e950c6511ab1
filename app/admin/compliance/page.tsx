import { requireSession } from '@/lib/auth/session.ts';
import { readVerifyReport } from '@/lib/compliance/read-verify-report.ts';
import { PageHeader } from '@/components/ui/page-header.tsx';
import { EmptyState } from '@/components/ui/empty-state.tsx';
import { Table, Th, Td } from '@/components/ui/table.tsx';
import { Badge } from '@/components/ui/badge.tsx';
import { CHECKLIST_ITEMS } from '@/lib/compliance/checklist.ts';
import { attackCoverageOf } from '@/lib/compliance/attack-coverage.ts';
import { ChecklistSummary } from './checklist-summary.tsx';
import { AttackCoverageTable } from './attack-coverage-table.tsx';

/** Compliance: the latest verification drill report with its figures. */
export default async function CompliancePage() {
  await requireSession({ roles: ['admin'] });
  const report = await readVerifyReport();
  const probes = report?.rows.find((r) => r.id === 'security-probes');
  const attacks = probes ? attackCoverageOf(probes.evidence) : null;
  return (
    <div className="space-y-6">
      <PageHeader title="Compliance" description="Evidence from the latest verification run (npm run verify): each check with its figure." />
      {!report ? (
        <EmptyState title="No verification report yet" description="Run npm run verify on this server; its report appears here." />
      ) : (
        <>
          <p className="text-sm text-slate-700">
            {report.ok ? <Badge tone="success">All checks passed</Badge> : <Badge tone="danger">Some checks failed</Badge>}{' '}
            Run at <time dateTime={report.at}>{new Date(report.at).toUTCString()}</time> · profile {report.profile}
          </p>
          <ChecklistSummary entries={report.checklist} />
          {CHECKLIST_ITEMS.map(({ item, label }) => {
            const n = String(item);
            const rows = report.rows.filter((r) => r.checklist === item);
            if (rows.length === 0) {
              return null;
            }
            return (
              <section key={n} aria-labelledby={`checklist-${n}`} className="space-y-2">
                <h2 id={`checklist-${n}`} className="text-lg font-semibold">
                  {n === '0' ? '' : `(${n}) `}
                  {label}
                </h2>
                <Table caption={label} hideCaption>
                  <thead>
                    <tr>
                      <Th>Result</Th>
                      <Th>Check</Th>
                      <Th>Figure</Th>
                      <Th>Duration</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id}>
                        <Td>{r.ok ? <Badge tone="success">pass</Badge> : <Badge tone="danger">fail</Badge>}</Td>
                        <Td>{r.title}</Td>
                        <Td>{r.figure}</Td>
                        <Td>{(r.durationMs / 1000).toFixed(1)} s</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </section>
            );
          })}
          {attacks ? <AttackCoverageTable attacks={attacks} /> : null}
        </>
      )}
    </div>
  );
}
