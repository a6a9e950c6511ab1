/**
 * next-auth (v4, the stable line; v5 is still beta) configuration. Why next-auth at all: it gives
 * the credentials callback with CSRF protection, encrypted JWT sessions (JWE, A256GCM) and the
 * App Router route handler, all maintained and reviewed; Periodic adds what it does not do —
 * tenant-aware lookup, lockout, MFA step-up, idle/absolute limits and server-side revocation
 * (users.session_version), all re-checked by requireSession on every request.
 */
import type { AuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getConfig } from '../config.ts';
import { requestMetaFromHeaders } from '../audit/request-meta.ts';
import { authenticatePassword, SignInRefusedError, type AuthenticatedUser } from './authenticate-password.ts';
import { sessionCookieName, sessionCookieOptions, sessionMaxAgeSeconds, useSecureCookies, type SessionClaims } from './session-token.ts';

/** Error code the sign-in form receives for every refusal (the message is shown client-side). */
export const SIGN_IN_REFUSED_CODE = 'SignInRefused';

/** Builds the session claims of a freshly authenticated user (second factor still pending). */
export function claimsForNewSession(user: AuthenticatedUser, now = Date.now()): SessionClaims {
  return {
    userId: user.userId,
    tenantId: user.tenantId,
    tenantSlug: user.tenantSlug,
    role: user.role,
    sessionVersion: user.sessionVersion,
    mfaVerified: false,
    patientId: user.patientId,
    tokenId: user.tokenId,
    resourceId: user.resourceId,
    lastActivity: now,
    issuedAt: now,
  };
}

let cached: AuthOptions | undefined;

/** The next-auth options (built once; reads config). */
export function getAuthOptions(): AuthOptions {
  if (cached) {
    return cached;
  }
  const cfg = getConfig();
  // next-auth derives its own callback URLs from NEXTAUTH_URL; default it to APP_URL.
  process.env.NEXTAUTH_URL ??= cfg.APP_URL;
  const secure = useSecureCookies();
  const prefix = secure ? '__Secure-' : '';
  cached = {
    secret: cfg.NEXTAUTH_SECRET,
    useSecureCookies: secure,
    session: { strategy: 'jwt', maxAge: sessionMaxAgeSeconds(), updateAge: 0 },
    jwt: { maxAge: sessionMaxAgeSeconds() },
    pages: { signIn: '/signin', error: '/signin' },
    cookies: {
      sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() },
      callbackUrl: { name: `${prefix}periodic.callback-url`, options: sessionCookieOptions() },
      csrfToken: { name: `${secure ? '__Host-' : ''}periodic.csrf-token`, options: sessionCookieOptions() },
    },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Clinic account',
        credentials: {
          clinic: { label: 'Clinic code', type: 'text' },
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const headers = (req.headers ?? {}) as Record<string, string | undefined>;
          const request = requestMetaFromHeaders((n) => headers[n.toLowerCase()] ?? null);
          try {
            const user = await authenticatePassword(
              { clinic: credentials?.clinic ?? '', email: credentials?.email ?? '', password: credentials?.password ?? '' },
              request,
            );
            return { id: user.userId, periodic: claimsForNewSession(user) } as unknown as User;
          } catch (e) {
            if (e instanceof SignInRefusedError) {
              throw new Error(SIGN_IN_REFUSED_CODE);
            }
            throw e;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        const fresh = (user as unknown as { periodic?: SessionClaims } | undefined)?.periodic;
        if (fresh) {
          // Start from a clean token: drop next-auth's default name/email/picture claims (PHI).
          return { ...fresh, sub: fresh.userId };
        }
        return token;
      },
      async session({ session, token }) {
        // Expose only the role to the browser; everything else stays in the encrypted cookie.
        return { expires: session.expires, user: { role: typeof token.role === 'string' ? token.role : undefined } } as typeof session;
      },
    },
  };
  return cached;
}
