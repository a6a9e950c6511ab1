/**
 * The first successful join consumes a link. One conditional UPDATE decides it, so two tabs
 * racing with the same token get exactly one success. The refusal message is the same for every
 * reason (unknown, used, revoked, expired, other user's, closed room): no oracle for guessing.
 */
import { recordAudit } from '../audit/record-audit.ts';
import type { RequestMeta } from '../audit/request-meta.ts';
import { withIdentityTenant } from '../db/tenant-scope.ts';
import { AppError } from '../errors/app-error.ts';
import { hashLinkToken, isWellFormedLinkToken } from './link-token.ts';
import type { VideoViewer } from './video-viewer.ts';

export const LINK_REFUSED_MESSAGE = 'This join link is not valid any more. Open your dashboard and choose "Join visit" for a fresh one.';

export interface ConsumedJoin {
  linkId: string;
  roomId: string;
  validUntil: Date;
}

/** Consumes `token` for `viewer` in `roomId`. @throws AppError FORBIDDEN (uniform message) */
export async function consumeJoinLink(
  viewer: VideoViewer,
  roomId: string,
  token: string,
  options: { now?: Date; request?: RequestMeta } = {},
): Promise<ConsumedJoin> {
  const now = options.now ?? new Date();
  if (!isWellFormedLinkToken(token) || !/^[0-9a-f-]{36}$/i.test(roomId)) {
    throw new AppError('FORBIDDEN', LINK_REFUSED_MESSAGE);
  }
  const tokenHash = hashLinkToken(token);
  return withIdentityTenant(viewer.tenantId, async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: string; valid_until: Date }>>`
      UPDATE video_links l SET consumed_at = ${now}
       WHERE l.token_hash = ${tokenHash}
         AND l.room_id = ${roomId}::uuid
         AND l.user_id = ${viewer.userId}::uuid
         AND l.consumed_at IS NULL AND l.revoked_at IS NULL
         AND l.valid_from <= ${now} AND l.valid_until > ${now}
         AND EXISTS (SELECT 1 FROM video_rooms r WHERE r.id = l.room_id AND r.status = 'ready')
      RETURNING l.id::text AS id, l.valid_until`;
    const link = rows[0];
    if (!link) {
      await recordAudit(tx, {
        tenantId: viewer.tenantId,
        actorUserId: viewer.userId,
        actorRole: viewer.role,
        action: 'video.join_refused',
        targetType: 'video_room',
        targetId: roomId,
        request: options.request,
      });
      return null;
    }
    await recordAudit(tx, {
      tenantId: viewer.tenantId,
      actorUserId: viewer.userId,
      actorRole: viewer.role,
      action: 'video.link_consumed',
      targetType: 'video_room',
      targetId: roomId,
      metadata: { linkId: link.id },
      request: options.request,
    });
    return { linkId: link.id, roomId, validUntil: link.valid_until };
  }).then((result) => {
    if (!result) {
      throw new AppError('FORBIDDEN', LINK_REFUSED_MESSAGE);
    }
    return result;
  });
}
