/**
 * Calls a Next.js server action the way the browser's fetch does (Next-Action header, the form
 * encoded like React's encodeReply([prevState, formData])), so probes can aim any action at the
 * server with any session and any Origin. Action ids come from the build's server-reference
 * manifest; an attacker reads the same ids from the public JS chunks.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
  workers: Record<string, unknown>;
}

/** The id of `exportedName` from `filename` and a page path that serves it. */
export function findServerAction(exportedName: string, filename: string): { id: string; page: string } {
  const file = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === exportedName && entry.filename === filename) {
      const worker = Object.keys(entry.workers)[0] ?? '';
      // "app/admin/api-keys/page" → "/admin/api-keys" (dynamic segments are not needed by callers here).
      const page = `/${worker.replace(/^app\//, '').replace(/\/?page$/, '')}`;
      return { id, page };
    }
  }
  throw new Error(`server action ${exportedName} of ${filename} not in the build manifest`);
}

/**
 * POSTs a `safeFormAction` (prevState, formData) call. `origin` defaults to the target's own
 * origin (a normal same-site call); pass another to play a cross-site page.
 */
export async function callFormAction(
  request: APIRequestContext,
  baseUrl: string,
  action: { id: string; page: string },
  fields: Record<string, string>,
  opts: { origin?: string; page?: string } = {},
): Promise<APIResponse> {
  // A FormData, not an object: object keys like "0" would be sent first, and the root part must
  // come last, as React sends it (the server builds the form from the parts before it).
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    multipart.append(`_1_${k}`, v);
  }
  multipart.append('0', '[null,"$K1"]');
  return request.post(`${baseUrl}${opts.page ?? action.page}`, {
    headers: { 'next-action': action.id, accept: 'text/x-component', origin: opts.origin ?? baseUrl },
    multipart,
    maxRedirects: 0,
  });
}
