import { badRequest, conflict } from '../common/domain-error';

export const IdempotencyErrors = {
  invalidKey: (header: string, missing: boolean) =>
    badRequest('invalid-idempotency-key', `Send an ${header} header of 1 to 255 visible ASCII characters (e.g. a UUID).`, [
      { field: header, message: missing ? 'header is required' : 'must be 1 to 255 visible ASCII characters' },
    ]),
  keyReused: () => conflict('idempotency-key-reused', 'This Idempotency-Key was used with another request; use a new key for a new request.'),
  keyInUse: () => conflict('idempotency-key-in-use', 'A request with this Idempotency-Key is still running.'),
};
