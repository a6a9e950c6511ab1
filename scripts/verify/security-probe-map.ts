/**
 * Which test covers which attack (issue 7, item 4), for the security-probes drill's evidence.
 * Each attack names the tests that try it and assert refusal, by file and title prefix; the drill
 * marks an attack passed only when at least one of its tests ran in the drill and none failed, so a
 * renamed or deleted test shows up as a gap instead of silently passing.
 * Tests outside the drill's run (browser specs that need the shared stack) are listed too and run
 * in `npm test`; they are shown as "not in this run".
 */

export interface ProbeRef {
  file: string;
  /** Test title, or its beginning (titles with interpolated numbers). */
  title: string;
}

export interface AttackProbes {
  attack: string;
  tests: ProbeRef[];
}

const t = (file: string, title: string): ProbeRef => ({ file, title });
const CROSS = 'e2e/security/cross-tenant.spec.ts';
const ACTIONS = 'e2e/security/server-actions.spec.ts';
const IDOR = 'e2e/security/idor-ids.spec.ts';
const LINKS = 'lib/video/join-link.integration.test.ts';
const SSRF_GUARD = 'lib/webhooks/ssrf-guard.test.ts';
const SSRF_REG = 'test/security/ssrf-registration.integration.test.ts';
const RLS = 'lib/db/tenant-isolation.integration.test.ts';

export const SECURITY_PROBE_MAP: AttackProbes[] = [
  { attack: 'cross-tenant reads/writes via the UI', tests: [t(CROSS, 'an admin of one clinic sees none of the other clinic’s data')] },
  { attack: 'cross-tenant reads/writes via the API', tests: [t(CROSS, 'tenant A’s key cannot read or change tenant B’s')] },
  {
    attack: 'cross-tenant raw SQL through the app roles',
    tests: [t(RLS, 'cannot read, update or delete another tenant’s row by id'), t(RLS, 'refuses to insert a row for another tenant'), t(RLS, 'cannot turn RLS off'), t(RLS, 'denies the core role any access to the identity database'), t(RLS, 'hides another tenant’s patients')],
  },
  { attack: 'IDOR on appointment ids', tests: [t(ACTIONS, 'patients and clinicians cannot run admin or other people’s actions'), t('e2e/auth/idle-and-idor.spec.ts', 'a patient cannot open another patient’s appointment')] },
  { attack: 'IDOR on patient ids / tokens', tests: [t(IDOR, 'a patient cannot book as another patient')] },
  { attack: 'IDOR on delivery ids', tests: [t(IDOR, 'a patient cannot open a delivery by id'), t(CROSS, 'tenant A’s key cannot read or change tenant B’s')] },
  { attack: 'IDOR on room ids', tests: [t(IDOR, 'a join token opens only its own room'), t(LINKS, 'a third user can neither reveal a link nor enter the room')] },
  { attack: 'role escalation: patient → clinician / admin actions', tests: [t(ACTIONS, 'patients and clinicians cannot run admin or other people’s actions'), t('e2e/auth/portal-flows.spec.ts', 'a patient who opens /clinician or /admin is refused')] },
  { attack: 'role escalation: clinician → another tenant', tests: [t(IDOR, 'a patient cannot open a delivery by id; a clinician cannot change another clinic’s visit')] },
  { attack: 'CSRF on server actions (foreign Origin)', tests: [t(ACTIONS, 'a server action POSTed from a foreign Origin is refused')] },
  { attack: 'webhook signature tampering, replay outside 300 s, unsigned requests', tests: [t('e2e/security/webhook-receiver.spec.ts', 'unsigned, forged, tampered and replayed webhooks are refused')] },
  {
    attack: 'SSRF: 127.0.0.1, 10.0.0.0/8, 169.254.169.254, [::1]',
    tests: [t(SSRF_GUARD, 'refuses IP literals and names that resolve to forbidden addresses'), t(SSRF_REG, 'refuses http://127.0.0.1/hook'), t(SSRF_REG, 'refuses https://10.0.0.1/hook'), t(SSRF_REG, 'refuses http://169.254.169.254/'), t(SSRF_REG, 'refuses http://[::1]/hook')],
  },
  {
    attack: 'SSRF: DNS names resolving to internal addresses',
    tests: [t(SSRF_GUARD, 'refuses a name that re-resolves to loopback at delivery time'), t(SSRF_GUARD, 'refuses localhost through the real resolver'), t(SSRF_REG, 'an endpoint stored with a loopback URL (DNS rebinding) gets no request')],
  },
  { attack: 'SSRF: redirects to internal addresses', tests: [t('test/security/ssrf-redirect.integration.test.ts', 'a 302 to an internal address is not followed')] },
  { attack: 'reuse of a consumed video link', tests: [t(LINKS, 'the first join consumes the link; reuse'), t(IDOR, 'a join token opens only its own room'), t('e2e/video/visit.spec.ts', 'patient and clinician meet in the built-in room')] },
  { attack: 'use of a revoked video link', tests: [t(LINKS, 'cancel revokes every link and closes the room'), t('e2e/video/visit.spec.ts', 'patient and clinician meet in the built-in room')] },
  { attack: 'use of an expired video link', tests: [t('test/security/video-link-expiry.integration.test.ts', 'a link revealed before the visit is refused after it expires'), t(LINKS, 'links open N minutes before the visit, not earlier')] },
  {
    attack: 'brute-force sign-in back-off',
    tests: [t('lib/auth/lockout.integration.test.ts', 'locks the account after'), t('lib/auth/lockout.integration.test.ts', 'throttles a client IP that keeps failing'), t('e2e/security/sign-in-throttle.spec.ts', 'repeated failures lock the account'), t('e2e/security/sign-in-throttle.spec.ts', 'a client-written X-Forwarded-For does not choose')],
  },
  {
    attack: 'fuzzing: 1,000 generated bodies per REST write endpoint and per server action (no 5xx, no partial writes)',
    tests: [
      t('e2e/security/api-fuzz.spec.ts', '1,000 generated bodies per write endpoint'),
      t('e2e/security/api-fuzz.spec.ts', 'random query strings and path ids'),
      t('e2e/security/action-fuzz.spec.ts', '1,000 generated forms per public and patient action'),
      t('e2e/security/action-fuzz.spec.ts', '1,000 generated forms per clinician and admin action'),
    ],
  },
  { attack: 'API key revoked mid-use (incl. in-flight idempotent retry)', tests: [t('e2e/security/api-key-revocation.spec.ts', 'a key revoked mid-use is refused at once'), t('lib/api/api.integration.test.ts', 'refuses missing, malformed, unknown and revoked keys')] },
];

/** One test outcome of the drill's run. */
export interface TestOutcome {
  file: string;
  title: string;
  passed: boolean;
}

export interface AttackCoverage {
  attack: string;
  status: 'pass' | 'fail' | 'not in this run';
  tests: { test: string; result: 'pass' | 'fail' | 'not in this run (npm test)' }[];
}

/** The map with each test's outcome from this run. */
export function coverAttacks(outcomes: TestOutcome[]): AttackCoverage[] {
  return SECURITY_PROBE_MAP.map(({ attack, tests }) => {
    const rows = tests.map((ref) => {
      const ran = outcomes.filter((o) => o.file === ref.file && o.title.startsWith(ref.title));
      const result = ran.length === 0 ? ('not in this run (npm test)' as const) : ran.every((o) => o.passed) ? ('pass' as const) : ('fail' as const);
      return { test: `${ref.file} › ${ref.title}`, result };
    });
    const status = rows.some((r) => r.result === 'fail') ? 'fail' : rows.some((r) => r.result === 'pass') ? 'pass' : 'not in this run';
    return { attack, status, tests: rows };
  });
}
