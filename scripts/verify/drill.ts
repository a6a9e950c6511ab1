/** A verification drill: one check of the compliance checklist, with a figure and evidence. */
import type { E2EStack } from '../lib/e2e-stack.ts';
import type { AlertStandin } from '../../test/standins/alert-standin-server.ts';

/** What a drill gets: the running system and the local stand-ins of the alert services. */
export interface VerifyContext {
  stack: E2EStack;
  alerts: { slack: AlertStandin; pagerduty: AlertStandin; datadog: AlertStandin };
  profile: 'short' | 'full';
}

export interface DrillResult {
  ok: boolean;
  /** The headline number, e.g. "0 hits in 1.2 MB". */
  figure: string;
  /** Supporting facts for the report (counts, ids, timings). */
  evidence: Record<string, unknown>;
}

export interface Drill {
  id: string;
  title: string;
  /** Which seed-checklist item this is evidence for (see report). */
  checklist: 1 | 2 | 3 | 4 | 0;
  run(ctx: VerifyContext): Promise<DrillResult>;
}

/** The checklist labels (one list for the report, the HTML and the Compliance page). */
export { CHECKLIST } from '../../lib/compliance/checklist.ts';
