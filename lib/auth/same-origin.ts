/** Defence in depth for cookie-authenticated POST routes (SameSite=Lax already blocks cross-site POSTs). */

/** True if the request's Origin (when sent) is the host it was sent to. */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) {
    // Browsers always send Origin on POST fetches; non-browser clients have no ambient cookies to abuse.
    return true;
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
