import { DomainError } from '../../common/domain-error';
import type { Capability } from '../../authz/permission-table';

export const ApiKeyErrors = {
  notForThisRoute: () =>
    new DomainError(
      'forbidden',
      'api-key-not-allowed',
      'API key not allowed here',
      'API keys work on organization routes. Log in as a person for /me, /auth/*, creating organizations and managing API keys.',
    ),
  scopesBeyondCreator: (refused: Capability[], grantable: Capability[]) =>
    new DomainError(
      'forbidden',
      'api-key-scope-not-allowed',
      'API key scope not allowed',
      `A key of this organization cannot be given ${refused.join(', ')}: a key acts as an admin of its organization (a partner's key in its customers as a partner admin), and never beyond what you may do here. Grantable: ${grantable.join(', ') || 'none'}.`,
      { grantableScopes: grantable },
    ),
};
