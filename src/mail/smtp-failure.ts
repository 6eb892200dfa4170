/**
 * Whether nodemailer's error proves the SMTP server kept no copy of the mail, so sending again
 * cannot make a duplicate. Anything else (the connection broke or timed out mid-transaction, an
 * unknown error) may have come after the server accepted the message.
 */
export function nothingWasDelivered(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const smtp = error as { responseCode?: unknown; code?: string; originalCode?: string; command?: string };
  // The server answered with a refusal (4xx/5xx), e.g. to RCPT TO or at the end of DATA.
  if (typeof smtp.responseCode === 'number') return true;
  // Failed before any mail transaction: name lookup, TLS, login, envelope checks, nodemailer's own API checks.
  if (['EDNS', 'ETLS', 'EAUTH', 'EENVELOPE'].includes(smtp.code ?? '') || smtp.command === 'API') return true;
  // Could not connect at all.
  return ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'].includes(smtp.originalCode ?? '');
}
