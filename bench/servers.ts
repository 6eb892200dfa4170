// Child processes of the benchmark: started on a free port, awaited on /health, always stopped.
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const OUTPUT_TAIL_BYTES = 16_384;
const HEALTH_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export interface RunningServer {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  /** The last bytes the process wrote (stdout and stderr), for diagnostics. */
  output(): string;
}

const running = new Set<ChildProcess>();

/** A port the OS reports free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `node <script>` with PORT set and resolves once GET /health answers 200. */
export async function startServer(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));

  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const server: RunningServer = { name, baseUrl: `http://127.0.0.1:${port}`, child, output: () => tail };
  await waitForHealth(server);
  return server;
}

async function waitForHealth(server: RunningServer): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${server.name} exited during start-up (${server.child.exitCode ?? server.child.signalCode}):\n${server.output()}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${server.name} did not become healthy within ${HEALTH_TIMEOUT_MS / 1000} s:\n${server.output()}`);
}

/** SIGTERM, then SIGKILL after a grace period, to every child this module started. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stop));
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** Makes sure no child outlives the benchmark: on normal exit, on Ctrl-C and on SIGTERM. */
export function installCleanup(): void {
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping child processes\n`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
