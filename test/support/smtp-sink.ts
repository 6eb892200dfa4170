import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One leaf of a MIME message, decoded. */
export interface MimePart {
  contentType: string;
  /** `inline` or `attachment` when the part says so. */
  disposition?: string;
  filename?: string;
  /** Without the angle brackets. */
  contentId?: string;
  content: Buffer;
}

export interface ReceivedMail {
  recipients: string[];
  raw: string;
  /** The top-level header block, unfolded. */
  headers: string;
  text: string;
  html: string;
  parts: MimePart[];
  /** Parts with a file name: attachments and inline images. */
  attachments: MimePart[];
}

/**
 * A real SMTP server on a free port that keeps what it receives; `refuseOnce` answers 450 to a
 * recipient once, `refuseAlways` every time; `acceptDelayMs` holds each mail's final answer that long (a slow server, so
 * mails are mid-transaction when a test kills a worker); `port` binds a chosen one (to restart it).
 */
export async function startSmtpSink({ acceptDelayMs = 0, port = 0 }: { acceptDelayMs?: number; port?: number } = {}) {
  const received: ReceivedMail[] = [];
  const refuseOnce = new Set<string>();
  const refuseAlways = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (!refuseOnce.delete(address.address) && !refuseAlways.has(address.address)) return callback();
      callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 450 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        setTimeout(() => {
          received.push({ recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address), ...parseMail(raw) });
          callback();
        }, acceptDelayMs);
      });
    },
  });
  // A client killed mid-transaction (the tests SIGKILL workers) resets its connection: smtp-server reports that as an
  // 'error' event, which without a listener would crash the test process.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    received,
    refuseOnce,
    refuseAlways,
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/** Just enough MIME for what nodemailer writes (nested multiparts, base64 and quoted-printable); no mailparser here. */
export function parseMail(raw: string): Omit<ReceivedMail, 'recipients'> {
  const { headers } = splitEntity(raw);
  const parts = leafParts(raw);
  const textOf = (type: string) => parts.find((part) => part.contentType === type && !part.filename)?.content.toString('utf8') ?? '';
  return { raw, headers, text: textOf('text/plain'), html: textOf('text/html'), parts, attachments: parts.filter((part) => part.filename) };
}

function splitEntity(entity: string): { headers: string; body: string } {
  const match = /\r?\n\r?\n/.exec(entity);
  const headers = match ? entity.slice(0, match.index) : entity;
  return { headers: headers.replace(/\r?\n[ \t]+/g, ' '), body: match ? entity.slice(match.index + match[0].length) : '' };
}

const header = (headers: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1];
const parameter = (value: string | undefined, name: string) => (value ? new RegExp(`${name}="?([^";]+)"?`, 'i').exec(value)?.[1] : undefined);

function leafParts(entity: string): MimePart[] {
  const { headers, body } = splitEntity(entity);
  const contentTypeHeader = header(headers, 'content-type') ?? 'text/plain';
  const contentType = contentTypeHeader.split(';')[0].trim().toLowerCase();
  if (contentType.startsWith('multipart/')) {
    const boundary = parameter(contentTypeHeader, 'boundary');
    if (!boundary) return [];
    return body
      .split(`--${boundary}`)
      .slice(1, -1)
      .flatMap((part) => leafParts(part.replace(/^\r?\n/, '')));
  }
  const encoding = header(headers, 'content-transfer-encoding')?.trim().toLowerCase();
  const content =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
        : Buffer.from(body, 'latin1');
  const dispositionHeader = header(headers, 'content-disposition');
  return [
    {
      contentType,
      disposition: dispositionHeader?.split(';')[0].trim().toLowerCase(),
      filename: parameter(dispositionHeader, 'filename') ?? parameter(contentTypeHeader, 'name'),
      contentId: header(headers, 'content-id')?.trim().replace(/^<|>$/g, ''),
      content,
    },
  ];
}
