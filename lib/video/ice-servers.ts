/**
 * STUN/TURN servers for the built-in WebRTC rooms, from VIDEO_ICE_SERVERS. Empty means none,
 * which works on one host or one LAN (host candidates only). Two accepted forms:
 *   - JSON: `[{"urls":"turn:turn.example.org:3478","username":"u","credential":"p"}]`
 *   - a comma-separated list of URLs without credentials: `stun:stun.example.org:3478,stun:…`
 */
import { z } from 'zod';

const ZIceUrl = z.string().regex(/^(stun|stuns|turn|turns):[^\s,]+$/, 'must be a stun:, stuns:, turn: or turns: URL');

export const ZIceServer = z
  .object({
    urls: z.union([ZIceUrl, z.array(ZIceUrl).min(1)]),
    username: z.string().max(512).optional(),
    credential: z.string().max(512).optional(),
  })
  .strict();
export type TIceServer = z.infer<typeof ZIceServer>;

/**
 * Parses VIDEO_ICE_SERVERS.
 * @throws Error naming the variable when the value is neither form
 */
export function parseIceServers(value: string): TIceServer[] {
  const trimmed = value.trim();
  if (trimmed === '') {
    return [];
  }
  if (trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new Error('VIDEO_ICE_SERVERS: not valid JSON');
    }
    const parsed = z.array(ZIceServer).safeParse(json);
    if (!parsed.success) {
      throw new Error(`VIDEO_ICE_SERVERS: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return parsed.data;
  }
  const urls = trimmed.split(',').map((u) => u.trim()).filter(Boolean);
  const parsed = z.array(ZIceUrl).safeParse(urls);
  if (!parsed.success) {
    throw new Error('VIDEO_ICE_SERVERS: every entry must be a stun:/turn: URL (or use the JSON form)');
  }
  return parsed.data.map((urls) => ({ urls }));
}
