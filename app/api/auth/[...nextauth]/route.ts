/** next-auth's endpoints (csrf, credentials callback, session). Configuration: lib/auth/auth-options.ts. */
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/auth-options.ts';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: RouteContext): Promise<Response> {
  const handler = NextAuth(getAuthOptions()) as unknown as (req: Request, ctx: RouteContext) => Promise<Response>;
  return handler(request, context);
}

export { handle as GET, handle as POST };
