import { setupDatabases } from '../db/setup.ts';
const t0 = Date.now();
const urls = await setupDatabases({ identityAdminUrl: 'postgresql://postgres@127.0.0.1:5432/postgres', coreAdminUrl: 'postgresql://postgres@127.0.0.1:5432/postgres', prefix: 'ptry', appPassword: 'pw_try_123' }, console.log);
console.log(Object.keys(urls), Date.now() - t0, 'ms');
