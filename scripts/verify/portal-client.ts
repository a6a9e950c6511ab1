/**
 * Drives the patient portal over plain HTTP, the way the browser does: the public sign-up server
 * action, next-auth's credentials sign-in (CSRF token + cookie), and server actions with the
 * session cookie. Why not a browser: the verify run signs up a batch of patients on a 2-core
 * machine, and the requests are exactly what the browser sends (Next-Action header, React's form
 * encoding, same Origin), so the server runs the same code path.
 */
import { findServerAction } from '../../e2e/security/support/server-actions.ts';

/** A cookie jar of one visitor (name → value). */
type Jar = Map<string, string>;

function remember(jar: Jar, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

function cookieHeader(jar: Jar): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** What a server action answered: HTTP status, where it redirected (if it did) and the RSC text. */
export interface ActionReply {
  status: number;
  redirect: string | null;
  text: string;
}

/** One visitor of the portal with its own cookies. */
export interface PortalVisitor {
  /** Calls `exportedName` of `filename` with form fields, as the page's form would. */
  action(exportedName: string, filename: string, fields: Record<string, string>, page?: string): Promise<ActionReply>;
  /** Calls a server action that takes plain arguments (React's encodeReply of the argument list). */
  call(exportedName: string, filename: string, args: unknown[], page: string): Promise<ActionReply>;
  /** POSTs JSON to a route with the visitor's cookies and our Origin. */
  postJson(path: string, body: unknown): Promise<{ status: number; text: string }>;
  /** Signs in with next-auth's credentials provider; true when a session cookie came back. */
  signIn(clinic: string, email: string, password: string): Promise<boolean>;
  /** GETs a page with the visitor's cookies; returns status and HTML. */
  get(path: string): Promise<{ status: number; text: string }>;
}

/** A new visitor of the app at `baseUrl` (no cookies yet). */
export function portalVisitor(baseUrl: string): PortalVisitor {
  const jar: Jar = new Map();
  const origin = new URL(baseUrl).origin;
  return {
    async action(exportedName, filename, fields, page) {
      const ref = findServerAction(exportedName, filename);
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) {
        form.append(`_1_${k}`, v);
      }
      // React's encodeReply([prevState, formData]): the root part comes last.
      form.append('0', '[null,"$K1"]');
      const res = await fetch(`${baseUrl}${page ?? ref.page}`, {
        method: 'POST',
        headers: { 'next-action': ref.id, accept: 'text/x-component', origin, cookie: cookieHeader(jar) },
        body: form,
        redirect: 'manual',
      });
      remember(jar, res);
      return { status: res.status, redirect: res.headers.get('x-action-redirect'), text: await res.text() };
    },
    async call(exportedName, filename, args, page) {
      const ref = findServerAction(exportedName, filename);
      const res = await fetch(`${baseUrl}${page}`, {
        method: 'POST',
        headers: { 'next-action': ref.id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin, cookie: cookieHeader(jar) },
        body: JSON.stringify(args),
        redirect: 'manual',
      });
      remember(jar, res);
      return { status: res.status, redirect: res.headers.get('x-action-redirect'), text: await res.text() };
    },
    async postJson(path, body) {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, cookie: cookieHeader(jar) },
        body: JSON.stringify(body),
        redirect: 'manual',
      });
      remember(jar, res);
      return { status: res.status, text: await res.text() };
    },
    async signIn(clinic, email, password) {
      const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
      remember(jar, csrfRes);
      const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
      const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin, cookie: cookieHeader(jar) },
        body: new URLSearchParams({ csrfToken, clinic, email, password, callbackUrl: `${baseUrl}/patient`, json: 'true' }),
        redirect: 'manual',
      });
      remember(jar, res);
      await res.text();
      return [...jar.keys()].some((k) => k.endsWith('periodic.session'));
    },
    async get(path) {
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: cookieHeader(jar) }, redirect: 'manual' });
      remember(jar, res);
      return { status: res.status, text: await res.text() };
    },
  };
}
