import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, buildOnce } from './dist-build';

/** `node dist/src/worker.js` (built first when stale), which a test may kill and start again. */
export class WorkerProcess {
  private child?: ChildProcess;
  private tail = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    await buildOnce();
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'worker.js')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (this.tail = (this.tail + chunk.toString('utf8')).slice(-16_384));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
  }

  /** SIGKILL: no shutdown hook runs, whatever the worker was doing stays half done. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  output(): string {
    return this.tail;
  }
}
