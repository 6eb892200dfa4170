import { conflict } from '../common/domain-error';

/** What the back-office refuses about staff logins. */
export const StaffErrors = {
  ownLogin: () => conflict('own-staff-login', 'Staff cannot delete their own login.'),
  lastLogin: () => conflict('last-staff-login', 'The last staff login cannot be deleted.'),
  exists: (email: string) => conflict('staff-exists', `A staff login ${email} already exists.`),
};
