/** A bearer token and how long the issuer says it lives. */
export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

export interface AccessTokenCacheOptions {
  /** Refresh this long before the issuer's expiry, so a token never expires mid-request. */
  refreshSkewMs?: number;
  now?: () => number;
}

/**
 * Caches one client-credentials token per adapter instance. Concurrent callers share a single
 * in-flight fetch, so a burst of provisions costs one token request, not one each.
 */
export class AccessTokenCache {
  private cached: { token: string; refreshAt: number } | undefined;
  private inFlight: Promise<string> | undefined;
  private readonly refreshSkewMs: number;
  private readonly now: () => number;

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    options: AccessTokenCacheOptions = {},
  ) {
    this.refreshSkewMs = options.refreshSkewMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Returns a token that is valid for at least the refresh skew, fetching one if needed. */
  async getToken(): Promise<string> {
    if (this.cached !== undefined && this.now() < this.cached.refreshAt) {
      return this.cached.token;
    }
    this.inFlight ??= this.fetchAndStore().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /**
   * Drops the cached token after the API rejected it (revoked or rotated early). Only drops it if
   * it is still the rejected one, so a fresh token fetched by a concurrent caller survives.
   */
  invalidate(rejectedToken: string): void {
    if (this.cached?.token === rejectedToken) {
      this.cached = undefined;
    }
  }

  private async fetchAndStore(): Promise<string> {
    const issued = await this.fetchToken();
    const lifetimeMs = issued.expiresInSeconds * 1000;
    // Short-lived tokens still get half their life, rather than none once the skew exceeds it.
    const usableMs = Math.max(lifetimeMs - this.refreshSkewMs, lifetimeMs / 2);
    this.cached = { token: issued.accessToken, refreshAt: this.now() + usableMs };
    return issued.accessToken;
  }
}
