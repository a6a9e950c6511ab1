/**
 * Starts the e2e stack and keeps it running (for writing and debugging Playwright specs):
 *   npm run e2e:serve            → http://localhost:3100, fresh databases, demo seed
 * Then: E2E_BASE_URL=http://localhost:3100 npx playwright test e2e/<area>
 * Extra env (e.g. SESSION_IDLE_MINUTES=0.1) is passed through to the app.
 */
import { startE2EStack } from './lib/e2e-stack.ts';

const port = Number(process.env.E2E_PORT ?? 3100);
const stack = await startE2EStack({ port, log: (m) => console.log(`[e2e] ${m}`) });
console.log(`[e2e] serving ${stack.baseUrl}; logs in test-results/logs/. Ctrl-C to stop.`);
const stop = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
