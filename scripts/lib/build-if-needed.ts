/**
 * Builds the Next.js app when there is no build, or when the sources changed since the last one
 * (fingerprint of git HEAD plus the working tree's changes; without git, only a missing build).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { ROOT } from './launch-env.ts';

function sourceFingerprint(): string {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const status = spawnSync('git', ['status', '--porcelain', '--', 'app', 'lib', 'components', 'jobs', 'prisma', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'package-lock.json'], { cwd: ROOT, encoding: 'utf8' });
  if (head.status !== 0) {
    return 'no-git';
  }
  // Include modification times of changed files so editing an already-dirty file rebuilds.
  const changed = status.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3))
    .map((f) => {
      try {
        return `${f}:${fs.statSync(path.join(ROOT, f)).mtimeMs}`;
      } catch {
        return `${f}:gone`;
      }
    });
  return createHash('sha256').update(head.stdout).update(changed.join('\n')).digest('hex');
}

/** Runs `next build` if needed; returns true when it built. */
export function buildIfNeeded(log: (m: string) => void): boolean {
  const distDir = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next');
  const stampFile = path.join(distDir, 'periodic-build-stamp');
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join(distDir, 'BUILD_ID'));
  if (built && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === fingerprint) {
    return false;
  }
  log('building the web app (next build)…');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    throw new Error('next build failed');
  }
  fs.writeFileSync(stampFile, fingerprint);
  return true;
}
