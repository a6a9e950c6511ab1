import { checkHealth } from '@/lib/health/check-health.ts';

export const dynamic = 'force-dynamic';

/** GET /api/health — 200 when both databases and the job queue answer, else 503. */
export async function GET(): Promise<Response> {
  const report = await checkHealth();
  return Response.json(report, { status: report.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
