/**
 * The generated OpenAPI document is valid OpenAPI 3.1 by `redocly lint` (no errors) and covers
 * every route.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi.ts';

describe('OpenAPI document', () => {
  it('describes every endpoint', () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual(
      [
        '/appointments',
        '/appointments/on-demand',
        '/appointments/{id}',
        '/appointments/{id}/cancel',
        '/appointments/{id}/complete',
        '/appointments/{id}/confirm',
        '/appointments/{id}/no-show',
        '/appointments/{id}/reschedule',
        '/events',
        '/resources',
        '/resources/{id}',
        '/resources/{id}/availability',
        '/slots',
      ].sort(),
    );
  });

  it('passes redocly lint with no errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'periodic-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(buildOpenApiDocument(), null, 2));
    const bin = path.resolve(import.meta.dirname, '../../node_modules/.bin/redocly');
    let output = '';
    let failed = false;
    try {
      output = execFileSync(bin, ['lint', file, '--format', 'stylish'], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, timeout: 90_000 });
    } catch (error) {
      failed = true;
      const e = error as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ''}\n${e.stderr ?? ''}`;
    }
    expect(failed, output).toBe(false);
    expect(output).not.toMatch(/\berror\b.*\d+ error/i);
  }, 120_000);
});
