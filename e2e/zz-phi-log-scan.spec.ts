/**
 * Runs last (file name): no log line written during the e2e run may contain a seeded patient's
 * name, email, phone or birth date — nor the details of patients signed up by the specs
 * (marked with the e2e-signup.example domain and the "E2E Signup" name prefix).
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PATIENTS } from '../scripts/seed-demo.ts';

const LOG_DIR = path.resolve(import.meta.dirname, '..', 'test-results', 'logs');

test('no log line contains patient PHI', () => {
  const files = fs.existsSync(LOG_DIR) ? fs.readdirSync(LOG_DIR).filter((f) => f.endsWith('.log')) : [];
  const lines = files.flatMap((f) => fs.readFileSync(path.join(LOG_DIR, f), 'utf8').split('\n').map((text, i) => ({ where: `${f}:${i + 1}`, text })));
  // A scan of nothing proves nothing: the stack must have written its logs here.
  expect(files.length, `no *.log files in ${LOG_DIR} (was the directory wiped by Playwright's outputDir?)`).toBeGreaterThan(0);
  expect(lines.filter((l) => l.text.trim()).length).toBeGreaterThan(0);

  const needles = DEMO_PATIENTS.flatMap((p) => [p.name, p.email, p.phone, p.phone.replace(/\D/g, ''), p.dateOfBirth]).concat(['e2e-signup.example', 'E2E Signup']);
  const hits = lines.flatMap((l) => needles.filter((n) => l.text.toLowerCase().includes(n.toLowerCase())).map((n) => `${l.where} contains "${n}"`));
  expect(hits).toEqual([]);
});
