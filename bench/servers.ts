// Child processes of the benchmark: node scripts (servers on a free port, awaited on /health; workers
// and the CLI, awaited on their output), always stopped.
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const OUTPUT_TAIL_BYTES = 16_384;
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export interface NodeProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<number | string | null>;
  /** The last bytes the process wrote to stdout. */
  stdout(): string;
  /** The last bytes the process wrote (stdout and stderr), for diagnostics. */
  output(): string;
  /** Throws an error naming the process, with its output. */
  fail(reason: string): never;
}

export interface RunningServer extends NodeProcess {
  baseUrl: string;
}

/** Every child started here and not yet exited: what stopAll and installCleanup stop. */
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

/** `node <nodeArgs> <script> <args>`, its output kept; stopped by stopAll and installCleanup. */
export function startNode(name: string, script: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): NodeProcess {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const exited = new Promise<number | string | null>((resolve) => {
    child.once('error', () => resolve(null));
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    });
  });

  let stdout = '';
  let tail = '';
  const keep = (text: string) => {
    tail = (tail + text).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    stdout = (stdout + text).slice(-OUTPUT_TAIL_BYTES);
    keep(text);
  });
  child.stderr?.setEncoding('utf8').on('data', keep);

  const output = () => tail;
  return {
    name,
    child,
    exited,
    stdout: () => stdout,
    output,
    fail: (reason) => {
      throw new Error(`${name} ${reason}:\n${output()}`);
    },
  };
}

/** Starts `node <script>` with PORT set to a free port and resolves once GET /health answers 200. */
export async function startServer(name: string, script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const server: RunningServer = { ...startNode(name, script, [], { ...env, PORT: String(port) }, nodeArgs), baseUrl: `http://127.0.0.1:${port}` };
  await waitForHealth(server);
  return server;
}

async function waitForHealth(server: RunningServer): Promise<void> {
  const healthy = await until(
    async () => {
      failIfExited(server);
      try {
        const response = await fetch(`${server.baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        return response.status === 200;
      } catch {
        return false; // not listening yet
      }
    },
    START_TIMEOUT_MS,
    200,
  );
  if (!healthy) server.fail(`did not become healthy within ${START_TIMEOUT_MS / 1000} s`);
}

/** Resolves once the process wrote `text`; fails when it exits first or takes longer than a minute. */
export async function waitForOutput(node: NodeProcess, text: string): Promise<void> {
  const written = await until(
    () => {
      if (node.output().includes(text)) return true;
      failIfExited(node);
      return false;
    },
    START_TIMEOUT_MS,
    100,
  );
  if (!written) node.fail(`did not start within ${START_TIMEOUT_MS / 1000} s`);
}

function failIfExited(node: NodeProcess): void {
  const { exitCode, signalCode } = node.child;
  if (exitCode !== null || signalCode !== null) node.fail(`exited during start-up (${exitCode ?? signalCode})`);
}

/** Calls `check` every `intervalMs` until it returns true (then true) or `timeoutMs` have passed (then false). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}

/** SIGTERM (workers finish their current job), then SIGKILL after a grace period, to these processes. */
export async function stopNodes(nodes: NodeProcess[]): Promise<void> {
  await Promise.all(nodes.map((node) => stop(node.child)));
}

/** stopNodes for every child this module started. */
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

let cleanupInstalled = false;

/** Makes sure no child outlives the benchmark: on normal exit, on Ctrl-C and on SIGTERM. Once per process. */
export function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
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
