import { AbilityBuilder, MongoAbility, createMongoAbility } from '@casl/ability';
import { Action, CAPABILITIES, CAPABILITY_GRANTS, OrgAccess, Subject, hasCapability } from './permission-table';

export type AppAbility = MongoAbility<[Action, Subject]>;

export function buildAbility(access: OrgAccess): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const capability of CAPABILITIES) {
    if (!hasCapability(access, capability)) continue;
    for (const [action, subject] of CAPABILITY_GRANTS[capability]) can(action, subject);
  }
  return build();
}
