import type { ResourceWithOptions } from 'adminjs';
import { Membership } from '../../../accounts/membership.entity';
import { User } from '../../../accounts/user.entity';
import { NAVIGATION, READ_ONLY_ACTIONS, ResourceDeps, defineResource, linkList, recordAction, resourceUrl } from './common';

/** Users are created by partners (invitations) and edit themselves; staff look and can issue a temporary password. */
export function userResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(
    deps,
    User,
    {
      order: { email: 'asc' },
      virtual: [{ path: 'related', type: 'richtext', compute: (user: User) => linkList([['Memberships', resourceUrl('Membership', { user: user.id })]]) }],
    },
    {
      navigation: NAVIGATION.tenancy,
      titleProperty: 'email',
      sort: { sortBy: 'email', direction: 'asc' },
      listProperties: ['email', 'name', 'status', 'mustChangePassword', 'lastLoginAt'],
      filterProperties: ['email', 'name', 'status', 'mustChangePassword', 'createdAt', 'lastLoginAt', 'id'],
      showProperties: ['id', 'email', 'name', 'status', 'mustChangePassword', 'createdAt', 'lastLoginAt', 'related'],
      properties: { related: { type: 'richtext' } },
      actions: {
        ...READ_ONLY_ACTIONS,
        setTemporaryPassword: recordAction({
          icon: 'Key',
          guard: 'Replace this user’s password by a temporary one? It is mailed to the user, who must change it at the next login; all their sessions end.',
          run: async (id) => {
            const { email } = await deps.changes.setTemporaryPassword(id);
            return { message: `A temporary password is on its way to ${email}.` };
          },
        }),
      },
    },
  );
}

/** Memberships are managed by organization admins through the API, with its last-admin rule; staff look. */
export function membershipResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(
    deps,
    Membership,
    { order: { createdAt: 'desc', id: 'desc' } },
    {
      navigation: NAVIGATION.tenancy,
      listProperties: ['organization', 'user', 'role', 'createdAt'],
      filterProperties: ['organization', 'user', 'role', 'createdAt'],
      showProperties: ['id', 'organization', 'user', 'role', 'createdAt'],
      actions: READ_ONLY_ACTIONS,
    },
  );
}
