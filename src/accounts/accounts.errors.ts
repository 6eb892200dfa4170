import { badRequest, conflict } from '../common/domain-error';

/** What accounts refuses, each with its problem type. */
export const AccountsErrors = {
  alreadyMember: (email: string) => conflict('already-member', `${email} is already a member of this organization.`),
  invitationRequired: () =>
    badRequest('invitation-required', 'Without a password the generated one can only be delivered by the invitation mail.', [
      { field: 'sendInvitation', message: 'sendInvitation cannot be false when no password is given' },
    ]),
  noOrganizationToMail: (email: string) =>
    conflict('no-organization', `${email} belongs to no organization, so there is no mail to carry a temporary password.`),
  lastAdmin: () => conflict('last-admin', 'An organization keeps at least one admin; add another admin first.'),
  userExists: (email: string) => conflict('user-exists', `A user ${email} already exists; pick another admin e-mail.`),
};
