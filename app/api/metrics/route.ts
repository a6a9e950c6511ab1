/** GET /api/metrics — Prometheus exposition of webhook delivery (read from the database). */
import { renderWebhookMetrics } from '@/lib/metrics/webhook-metrics.ts';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const { contentType, body } = await renderWebhookMetrics();
  return new Response(body, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
