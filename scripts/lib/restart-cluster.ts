/**
 * Restarts the Debian-packaged PostgreSQL cluster (pg_ctlcluster) that serves a given port — for
 * the chaos drill's "database restarted mid-run" step against an external test server. The
 * version and cluster name come from `pg_lsclusters`, never assumed (15/main is only the usual).
 */
import { execFileSync } from 'node:child_process';

interface ClusterRow {
  version: string;
  name: string;
  port: number;
}

function listClusters(): ClusterRow[] {
  const out = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 3)
    .map(([version, name, port]) => ({ version: version!, name: name!, port: Number(port) }));
}

/** Restarts the cluster on `port` (fast shutdown: open sessions are terminated, as in a failover). */
export function restartClusterOnPort(port: number): { version: string; name: string } {
  const cluster = listClusters().find((c) => c.port === port);
  if (!cluster) {
    throw new Error(`no pg_lsclusters cluster serves port ${port}; cannot restart it`);
  }
  // --skip-systemctl-redirect: machines without systemd as PID 1 (CI containers) still restart.
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', '--mode', 'fast', cluster.version, cluster.name, 'restart'], { stdio: 'pipe' });
  return { version: cluster.version, name: cluster.name };
}
