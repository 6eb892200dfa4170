import { nothingWasDelivered } from './smtp-failure';

const smtpError = (properties: Record<string, unknown>) => Object.assign(new Error('smtp'), properties);

describe('nothingWasDelivered', () => {
  it.each([
    ['a refusal of a recipient', smtpError({ code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO' })],
    ['a refusal at the end of DATA', smtpError({ code: 'EMESSAGE', responseCode: 554, command: 'DATA' })],
    ['a refused connection', smtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', command: 'CONN' })],
    ['an unknown host', smtpError({ code: 'EDNS', command: 'CONN' })],
    ['a failed login', smtpError({ code: 'EAUTH', responseCode: undefined, command: 'AUTH PLAIN' })],
  ])('is true after %s', (_case, error) => {
    expect(nothingWasDelivered(error)).toBe(true);
  });

  it.each([
    ['a connection closed mid-transaction', smtpError({ code: 'ECONNECTION', command: 'CONN' })],
    ['a socket timeout', smtpError({ code: 'ETIMEDOUT', command: 'CONN' })],
    ['a reset socket', smtpError({ code: 'ESOCKET', originalCode: 'ECONNRESET', command: 'CONN' })],
    ['an unknown error', new Error('boom')],
    ['a thrown string', 'boom'],
  ])('is false after %s, which may follow an accepted mail', (_case, error) => {
    expect(nothingWasDelivered(error)).toBe(false);
  });
});
