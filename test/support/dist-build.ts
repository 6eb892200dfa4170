import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(__dirname, '..', '..');
const BUILD_LOCK = join(tmpdir(), `partnerhub-build-${Buffer.from(ROOT).toString('base64url').slice(-40)}.lock`);

/** Builds dist/ when it is stale, once at a time across Jest workers, for tests that run the real processes. */
export async function buildOnce(): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // A lock this old belongs to a run that died.
      const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 180_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the build lock ${BUILD_LOCK}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.js')], { cwd: ROOT });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Building dist/ failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

