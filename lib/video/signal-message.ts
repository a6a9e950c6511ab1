/**
 * The signaling protocol between the two browsers of a built-in room (zod-checked at the server).
 * `hello` announces presence; the clinician side makes the offer; `gen` tags one negotiation so
 * late ICE candidates of an earlier attempt are ignored; `bye` means the other side left.
 */
import { z } from 'zod';

const ZGen = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const ZSignalMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), reply: z.boolean() }).strict(),
  z.object({ type: z.literal('offer'), gen: ZGen, sdp: z.string().min(1).max(64_000) }).strict(),
  z.object({ type: z.literal('answer'), gen: ZGen, sdp: z.string().min(1).max(64_000) }).strict(),
  z
    .object({
      type: z.literal('ice'),
      gen: ZGen,
      candidate: z
        .object({
          candidate: z.string().max(2048),
          sdpMid: z.string().max(64).nullable().optional(),
          sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
          usernameFragment: z.string().max(256).nullable().optional(),
        })
        .strict(),
    })
    .strict(),
  z.object({ type: z.literal('bye') }).strict(),
]);
export type TSignalMessage = z.infer<typeof ZSignalMessage>;
