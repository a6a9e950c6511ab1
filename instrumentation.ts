/** Runs once when the Next.js server boots: validate configuration before the first request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getConfig } = await import('./lib/config.ts');
    getConfig();
  }
}
