import { existsSync } from 'node:fs';

export interface ChromiumBinary {
  executablePath: string;
  args: string[];
}

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps dialing out, which a closed network refuses. */
const HEADLESS_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's, else the headless build
 * shipped inside the npm package @sparticuz/chromium (installed by `npm ci`, unpacked to the
 * temp folder on first use). Nothing is downloaded at run time; a missing browser fails with one line.
 */
export async function findChromium(): Promise<ChromiumBinary> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist`);
    return { executablePath: configured, args: HEADLESS_ARGS };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: HEADLESS_ARGS };
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    return { executablePath: await packaged.executablePath(), args: [...new Set([...packaged.args, ...HEADLESS_ARGS])] };
  } catch (error) {
    throw new Error(
      `No Chromium: neither CHROMIUM_PATH, ${DEBIAN_CHROMIUM} nor the npm package @sparticuz/chromium (${(error as Error).message}); run npm ci, or apt-get install chromium`,
      { cause: error },
    );
  }
}
