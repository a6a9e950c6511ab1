/** Writes the verification report as JSON and HTML under reports/ and prints the table. */
import fs from 'node:fs';
import path from 'node:path';
import { CHECKLIST } from './drill.ts';

export interface ReportRow {
  id: string;
  title: string;
  checklist: number;
  ok: boolean;
  figure: string;
  evidence: Record<string, unknown>;
  durationMs: number;
}

export interface VerifyReport {
  at: string;
  profile: string;
  database: string;
  ok: boolean;
  rows: ReportRow[];
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Saves reports/verify.json and reports/verify.html; returns their paths. */
export function writeReport(dir: string, report: VerifyReport): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'verify.json');
  const html = path.join(dir, 'verify.html');
  fs.writeFileSync(json, JSON.stringify(report, null, 2));
  const groups = Object.entries(CHECKLIST)
    .map(([n, label]) => {
      const rows = report.rows.filter((r) => r.checklist === Number(n));
      if (rows.length === 0) {
        return '';
      }
      const body = rows
        .map((r) => `<tr><td>${r.ok ? '✅ pass' : '❌ FAIL'}</td><td>${esc(r.title)}</td><td>${esc(r.figure)}</td><td><pre>${esc(JSON.stringify(r.evidence, null, 1))}</pre></td></tr>`)
        .join('');
      return `<h2>${n === '0' ? '' : `(${n}) `}${esc(label)}</h2><table><thead><tr><th>result</th><th>check</th><th>figure</th><th>evidence</th></tr></thead><tbody>${body}</tbody></table>`;
    })
    .join('');
  fs.writeFileSync(
    html,
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Periodic verification ${esc(report.at)}</title><style>body{font-family:system-ui;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}pre{margin:0;font-size:.75rem;white-space:pre-wrap}</style><h1>Periodic verification — ${report.ok ? 'all checks passed' : 'FAILED'}</h1><p>${esc(report.at)} · profile ${esc(report.profile)} · ${esc(report.database)}</p>${groups}</html>`,
  );
  return [json, html];
}

/** Console table: check, result, figure. */
export function printTable(report: VerifyReport): void {
  console.log('\n| check | result | figure |\n| --- | --- | --- |');
  for (const r of report.rows) {
    console.log(`| ${r.id} | ${r.ok ? 'pass' : 'FAIL'} | ${r.figure} |`);
  }
  console.log(`\n${report.rows.filter((r) => r.ok).length} passed, ${report.rows.filter((r) => !r.ok).length} failed`);
}
