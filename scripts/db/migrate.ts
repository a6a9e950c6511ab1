/**
 * `npm run db:migrate`: creates databases and roles if missing and applies pending migrations of
 * both schemas (as the admin of DATABASE_URL, or of the embedded server when unset).
 */
import { prepareLaunch } from '../lib/launch-env.ts';

const launch = await prepareLaunch({ log: (m) => console.log(m) });
console.log(`databases ${launch.urls.names.identityDb} and ${launch.urls.names.coreDb} are up to date`);
await launch.server.stop();
