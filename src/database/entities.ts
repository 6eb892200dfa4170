import { Membership } from '../accounts/membership.entity';
import { User } from '../accounts/user.entity';
import { StaffUser } from '../admin/staff-user.entity';
import { AuditLogEntry } from '../audit/audit-log-entry.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { MailDelivery } from '../mail/mail-delivery.entity';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { Endpoint } from '../platform/endpoint.entity';
import { Host } from '../platform/host.entity';
import { Address, Organization } from '../tenancy/organization.entity';

/** Every entity, listed once; MikroORM does no folder discovery. */
export const ENTITIES = [
  Organization,
  Address,
  User,
  Membership,
  RefreshToken,
  Host,
  Endpoint,
  AuditLogEntry,
  OutboxMessage,
  MailDelivery,
  StaffUser,
];
