/**
 * A tenant's video provider: `video_settings.provider` plus vendor credentials sealed with the
 * master key (credentials_enc). No row means the built-in WebRTC provider.
 */
import { z } from 'zod';
import { getConfig } from '../config.ts';
import { appKeyring } from '../crypto/app-keyring.ts';
import { openSecret, sealSecret } from '../crypto/secret-box.ts';
import type { IdentityTx } from '../db/tenant-scope.ts';
import { TeamsProvider } from './providers/teams-provider.ts';
import type { VideoProvider, VideoProviderName } from './providers/video-provider.ts';
import { WebRtcProvider } from './providers/webrtc-provider.ts';
import { ZoomProvider } from './providers/zoom-provider.ts';

export const ZZoomCredentials = z.object({
  accountId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  hostUserId: z.string().min(1),
});
export const ZTeamsCredentials = z.object({
  tenantId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  organizerUserId: z.string().min(1),
});

export type TVideoSettingsInput =
  | { provider: 'webrtc' }
  | { provider: 'zoom'; credentials: z.infer<typeof ZZoomCredentials> }
  | { provider: 'teams'; credentials: z.infer<typeof ZTeamsCredentials> };

/** AAD purpose binding a sealed credential blob to its tenant. */
function credentialsPurpose(tenantId: string): string {
  return `video-credentials:${tenantId}`;
}

/** Stores the tenant's provider choice (credentials sealed; never logged). */
export async function saveVideoSettings(tx: IdentityTx, tenantId: string, input: TVideoSettingsInput): Promise<void> {
  const credentialsEnc =
    input.provider === 'webrtc' ? null : sealSecret(appKeyring(), JSON.stringify(input.credentials), credentialsPurpose(tenantId));
  await tx.videoSetting.upsert({
    where: { tenantId },
    create: { tenantId, provider: input.provider, credentialsEnc },
    update: { provider: input.provider, credentialsEnc },
  });
}

/** The provider name configured for the tenant (webrtc when unset). */
export async function loadVideoProviderName(tx: IdentityTx, tenantId: string): Promise<VideoProviderName> {
  const row = await tx.videoSetting.findUnique({ where: { tenantId }, select: { provider: true } });
  return toProviderName(row?.provider);
}

/**
 * Builds the tenant's configured provider. Vendor base URLs come from config (ZOOM_*, MS_LOGIN_BASE,
 * GRAPH_API_BASE) so tests and air-gapped installs can point them at stand-ins.
 * @throws Error when the row names a vendor but its credentials are missing or malformed
 */
export async function loadTenantVideoProvider(tx: IdentityTx, tenantId: string): Promise<VideoProvider> {
  const row = await tx.videoSetting.findUnique({ where: { tenantId } });
  return buildVideoProvider(tenantId, toProviderName(row?.provider), row?.credentialsEnc ?? null);
}

/** Builds a provider of `name` from its sealed credentials (see loadTenantVideoProvider). */
export function buildVideoProvider(tenantId: string, name: VideoProviderName, credentialsEnc: string | null): VideoProvider {
  if (name === 'webrtc') {
    return new WebRtcProvider();
  }
  if (credentialsEnc === null) {
    throw new Error(`video provider ${name} has no credentials configured`);
  }
  const raw: unknown = JSON.parse(openSecret(appKeyring(), credentialsEnc, credentialsPurpose(tenantId)));
  const cfg = getConfig();
  if (name === 'zoom') {
    return new ZoomProvider({ ...ZZoomCredentials.parse(raw), oauthBase: cfg.ZOOM_OAUTH_BASE, apiBase: cfg.ZOOM_API_BASE });
  }
  return new TeamsProvider({ ...ZTeamsCredentials.parse(raw), loginBase: cfg.MS_LOGIN_BASE, graphBase: cfg.GRAPH_API_BASE });
}

function toProviderName(value: string | undefined): VideoProviderName {
  return value === 'zoom' || value === 'teams' ? value : 'webrtc';
}
