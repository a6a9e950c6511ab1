/** Writes the verification report as JSON and HTML under reports/ and prints the table. */
import fs from 'node:fs';
import path from 'node:path';
import { CHECKLIST_ITEMS, mapChecklist, type ChecklistEntry } from '../../lib/compliance/checklist.ts';

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
  /** The seed checklist items with pass/fail and the drills backing each (added by writeReport). */
  checklist?: ChecklistEntry[];
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const STATUS_TEXT: Record<ChecklistEntry['status'], string> = { pass: '✅ pass', fail: '❌ FAIL', 'not run': '— not run' };

/** The seed checklist section: each item, its result, and the drills (with figures) behind it. */
function checklistHtml(entries: ChecklistEntry[]): string {
  const body = entries
    .map((e) => {
      const evidence = e.evidence.map((v) => `<li>${v.ok ? 'pass' : 'FAIL'} · <code>${esc(v.drill)}</code>${v.primary ? '' : ' (also)'}: ${esc(v.figure)}</li>`).join('');
      return `<tr><th scope="row">${e.item === 0 ? '0' : `(${e.item})`} ${esc(e.label)}</th><td>${STATUS_TEXT[e.status]}</td><td>${evidence ? `<ul>${evidence}</ul>` : 'no drill ran'}</td></tr>`;
    })
    .join('');
  return `<h2>Seed checklist</h2><table><caption>Each checklist item with the drills that back it</caption><thead><tr><th scope="col">item</th><th scope="col">result</th><th scope="col">evidence (drill: figure)</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** Saves reports/verify.json and reports/verify.html; returns their paths. */
export function writeReport(dir: string, report: VerifyReport): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'verify.json');
  const html = path.join(dir, 'verify.html');
  const full = { ...report, checklist: mapChecklist(report.rows) };
  fs.writeFileSync(json, JSON.stringify(full, null, 2));
  const groups = CHECKLIST_ITEMS.map(({ item, label }) => {
    const rows = report.rows.filter((r) => r.checklist === item);
    if (rows.length === 0) {
      return '';
    }
    const body = rows
      .map((r) => `<tr><td>${r.ok ? '✅ pass' : '❌ FAIL'}</td><td>${esc(r.title)}</td><td>${esc(r.figure)}</td><td><pre>${esc(JSON.stringify(r.evidence, null, 1))}</pre></td></tr>`)
      .join('');
    return `<h2>${item === 0 ? '' : `(${item}) `}${esc(label)}</h2><table><thead><tr><th>result</th><th>check</th><th>figure</th><th>evidence</th></tr></thead><tbody>${body}</tbody></table>`;
  }).join('');
  fs.writeFileSync(
    html,
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Periodic verification ${esc(report.at)}</title><style>body{font-family:system-ui;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}pre{margin:0;font-size:.75rem;white-space:pre-wrap}</style><h1>Periodic verification — ${report.ok ? 'all checks passed' : 'FAILED'}</h1><p>${esc(report.at)} · profile ${esc(report.profile)} · ${esc(report.database)}</p>${checklistHtml(full.checklist)}${groups}</html>`,
  );
  return [json, html];
}

/** Console table: check, result, figure. */
export function printTable(report: VerifyReport): void {
  console.log('\n| check | result | figure |\n| --- | --- | --- |');
  for (const r of report.rows) {
    console.log(`| ${r.id} | ${r.ok ? 'pass' : 'FAIL'} | ${r.figure} |`);
  }
  console.log('\n| seed checklist item | result | backed by |\n| --- | --- | --- |');
  for (const e of mapChecklist(report.rows)) {
    console.log(`| ${e.item === 0 ? '' : `(${e.item}) `}${e.label} | ${e.status} | ${e.evidence.map((v) => `${v.drill}${v.ok ? '' : ' (FAIL)'}`).join(', ') || '—'} |`);
  }
  console.log(`\n${report.rows.filter((r) => r.ok).length} passed, ${report.rows.filter((r) => !r.ok).length} failed`);
}
