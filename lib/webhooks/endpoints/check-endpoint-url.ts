/**
 * Registration-time URL policy: SSRF guard (no private/loopback/metadata targets unless
 * WEBHOOK_ALLOW_PRIVATE_TARGETS), https required when PERIODIC_ENV=production. The connect-time
 * guard in the delivery dispatcher repeats the address check (DNS can change).
 */
import { getConfig } from '../../config.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertSafeWebhookUrl, SsrfError } from '../ssrf-guard.ts';

/** @throws AppError UNPROCESSABLE with a message safe to show to the tenant */
export async function checkEndpointUrl(url: string): Promise<string> {
  const cfg = getConfig();
  try {
    const parsed = await assertSafeWebhookUrl(url, {
      allowPrivate: cfg.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      requireHttps: cfg.PERIODIC_ENV === 'production',
    });
    return parsed.toString();
  } catch (err) {
    if (err instanceof SsrfError) {
      throw new AppError('UNPROCESSABLE', err.message);
    }
    throw err;
  }
}
