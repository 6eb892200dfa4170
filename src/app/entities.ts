import { Membership } from '../accounts/membership.entity';
import { User } from '../accounts/user.entity';
import { AdminSession } from '../admin/admin-session.entity';
import { StaffUser } from '../admin/staff-user.entity';
import { AuditLogEntry } from '../audit/audit-log-entry.entity';
import { BillingAddress } from '../billing/billing-address/billing-address.entity';
import { Addon, Plan } from '../billing/catalog/catalog.entity';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { InvoiceDocument } from '../billing/invoices/invoice-document.entity';
import { InvoiceNumberCounter } from '../billing/invoices/invoice-number-counter.entity';
import { Invoice, InvoiceLine } from '../billing/invoices/invoice.entity';
import { PartnerAgreement } from '../billing/catalog/partner-agreement.entity';
import { PaymentMethod } from '../billing/payment-methods/payment-method.entity';
import { Subscription, SubscriptionAddon } from '../billing/subscriptions/subscription.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { ApiKey } from '../auth/api-keys/api-key.entity';
import { PasswordResetToken } from '../auth/password-reset/password-reset-token.entity';
import { RecoveryCode } from '../auth/mfa/recovery-code.entity';
import { MailDelivery } from '../mail/mail-delivery.entity';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { Endpoint } from '../platform/endpoint.entity';
import { Host } from '../platform/host.entity';
import { Report } from '../reports/report.entity';
import { SupportSettings } from '../support/support-settings.entity';
import { Address, Organization } from '../tenancy/organization.entity';
import { OrganizationLogo } from '../whitelabel/organization-logo.entity';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity';
import { LicenseUsageSnapshot } from '../licensing/license-usage-snapshot.entity';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity';

/** Every entity, listed once; MikroORM does no folder discovery. */
export const ENTITIES = [
  Organization,
  Address,
  User,
  Membership,
  RefreshToken,
  ApiKey,
  PasswordResetToken,
  RecoveryCode,
  WebhookEndpoint,
  WebhookDelivery,
  LicenseUsageSnapshot,
  Host,
  Endpoint,
  AuditLogEntry,
  OutboxMessage,
  MailDelivery,
  StaffUser,
  AdminSession,
  Plan,
  Addon,
  PartnerAgreement,
  Subscription,
  SubscriptionAddon,
  Invoice,
  InvoiceLine,
  InvoiceNumberCounter,
  InvoiceDocument,
  IdempotencyKey,
  BillingAddress,
  PaymentMethod,
  OrganizationLogo,
  SupportSettings,
  Report,
];
