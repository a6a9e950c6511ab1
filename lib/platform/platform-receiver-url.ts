/** Where the platform's own webhook receiver lives: operator config (APP_URL), never tenant input. */
import { getConfig } from '../config.ts';

export const PLATFORM_RECEIVER_PATH = '/api/webhooks/periodic';

/** `${APP_URL}/api/webhooks/periodic`. */
export function platformReceiverUrl(): string {
  return new URL(PLATFORM_RECEIVER_PATH, getConfig().APP_URL).toString();
}
