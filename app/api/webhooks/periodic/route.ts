/**
 * The platform's own webhook receiver (registered per tenant as its platform-receiver endpoint).
 * Verifies, dedupes and hands off in lib/platform/receive-periodic-webhook.ts; answers fast.
 */
import { receivePeriodicWebhook } from '@/lib/platform/receive-periodic-webhook.ts';

export const dynamic = 'force-dynamic';

/** Receives one signed core event. */
export async function POST(request: Request): Promise<Response> {
  const rawBody = await request.text();
  try {
    const result = await receivePeriodicWebhook({ headers: request.headers, rawBody });
    return Response.json(result.body, { status: result.status });
  } catch {
    // Our own failure (database): 5xx makes core retry later with the same idempotency key.
    return Response.json({ ok: false, error: 'temporarily unavailable' }, { status: 503 });
  }
}
