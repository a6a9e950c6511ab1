import { randomBytes } from 'node:crypto';
import { parseProvisionInput, type ProvisionedRoom, type ProvisionInput, type VideoProvider } from './video-provider.ts';

/**
 * The built-in provider: a peer-to-peer WebRTC room signalled through our own authenticated
 * server. Nothing leaves our infrastructure, so provisioning is only minting an opaque id;
 * participants are admitted by single-use link tokens (lib/video/consume-join-link.ts), not URLs.
 */
export class WebRtcProvider implements VideoProvider {
  readonly name = 'webrtc' as const;

  /** Validates the visit and mints an opaque room id; no per-participant vendor URLs exist. */
  async provision(rawInput: ProvisionInput): Promise<ProvisionedRoom> {
    parseProvisionInput('webrtc', rawInput);
    return {
      provider: 'webrtc',
      externalId: `rtc_${randomBytes(16).toString('base64url')}`,
      details: { joinUrls: {} },
      securityChecks: { privateRoom: true, singleUseLinks: true, serverSignaling: true },
    };
  }

  /** Nothing to delete at a vendor: closing is the room row's status, done by the caller. */
  async close(): Promise<void> {}
}
