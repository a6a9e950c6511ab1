/**
 * Vendor room details (passcode, host and per-participant join URLs) are secrets: sealed with the
 * master key, bound to the room id, and opened only to hand one participant their own URL.
 */
import { z } from 'zod';
import { appKeyring } from '../crypto/app-keyring.ts';
import { openSecret, sealSecret } from '../crypto/secret-box.ts';
import type { ProvisionedRoom } from './providers/video-provider.ts';

const ZRoomDetails = z.object({
  passcode: z.string().optional(),
  hostUrl: z.string().optional(),
  joinUrls: z.record(z.string(), z.string()),
});
export type TRoomDetails = z.infer<typeof ZRoomDetails>;

/** Seals the parts of `details` we need later (the vendor's raw response is dropped). */
export function sealRoomDetails(roomId: string, details: ProvisionedRoom['details']): string {
  const kept: TRoomDetails = { passcode: details.passcode, hostUrl: details.hostUrl, joinUrls: details.joinUrls };
  return sealSecret(appKeyring(), JSON.stringify(kept), `video-room:${roomId}`);
}

/** Opens sealed room details. */
export function openRoomDetails(roomId: string, sealed: string): TRoomDetails {
  return ZRoomDetails.parse(JSON.parse(openSecret(appKeyring(), sealed, `video-room:${roomId}`)));
}
