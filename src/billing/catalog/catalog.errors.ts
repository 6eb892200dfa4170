import { FieldError, badRequest, conflict } from '../../common/domain-error';

/** What the catalog refuses, each with its problem type. */
export const CatalogErrors = {
  invalidPartnerConditions: (errors: FieldError[]) => badRequest('invalid-partner-conditions', 'The price overrides are invalid.', errors),
  codeTaken: (kind: string, code: string) => conflict('catalog-code-taken', `There is already a ${kind} ${code}.`),
  unknownPlan: (code: string) => badRequest('unknown-plan', `There is no plan ${code}.`, [{ field: 'planCode', message: `unknown plan ${code}` }]),
  unknownAddons: (codes: string[]) =>
    badRequest('unknown-addon', `There is no addon ${codes.join(', ')}.`, [{ field: 'addonCodes', message: `unknown addon ${codes.join(', ')}` }]),
  intervalMismatch: (interval: string, mismatched: string[]) =>
    badRequest('interval-mismatch', `Addons must be billed like the plan (${interval}).`, [
      { field: 'addonCodes', message: `${mismatched.join(', ')} not billed per ${interval}` },
    ]),
};
