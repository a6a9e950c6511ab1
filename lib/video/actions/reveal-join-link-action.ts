'use server';
/**
 * Server actions of the "Join visit" button. They run only for the signed-in patient or
 * clinician; the domain function re-checks that the user is this visit's participant.
 * The returned token/URL goes to that user's browser only and is never logged.
 */
import { z } from 'zod';
import { safeAction, type ActionResult } from '../../actions/safe-action.ts';
import { revealJoinLink } from '../reveal-join-link.ts';

const ZRevealInput = z.object({ appointmentId: z.uuid() });

export type JoinLinkForClient = { provider: 'webrtc'; roomId: string; token: string } | { provider: 'zoom' | 'teams'; url: string };

const reveal = safeAction({ schema: ZRevealInput, roles: ['patient', 'clinician'] }, async (input, ctx): Promise<JoinLinkForClient> => {
  const link = await revealJoinLink({ tenantId: ctx.tenantId, userId: ctx.userId, role: ctx.role }, input.appointmentId);
  return link.provider === 'webrtc' ? { provider: 'webrtc', roomId: link.roomId, token: link.token } : link;
});

/** Mints (built-in) or fetches (vendor) the caller's own join link for `appointmentId`. */
export async function revealJoinLinkAction(input: { appointmentId: string }): Promise<ActionResult<JoinLinkForClient>> {
  return reveal(input);
}
