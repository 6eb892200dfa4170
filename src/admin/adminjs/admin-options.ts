import type { AdminJSOptions } from 'adminjs';
import { ROOT_PATH, ResourceDeps } from './resources/common';
import { addonResource, partnerAgreementResource, planResource, subscriptionResource } from './resources/billing.resources';
import { organizationResource } from './resources/organization.resource';
import { auditLogResource, invoiceResource, mailDeliveryResource, staffUserResource } from './resources/platform.resources';
import { apiKeyResource, webhookDeliveryResource, webhookEndpointResource } from './resources/integration.resources';
import { membershipResource, userResource } from './resources/user.resources';

export const LOGIN_PATH = `${ROOT_PATH}/login`;
export const LOGOUT_PATH = `${ROOT_PATH}/logout`;

/** The back-office: partnerhub branding, English labels for the custom actions, one resource per entity class. */
export function adminJsOptions(deps: ResourceDeps): AdminJSOptions {
  return {
    rootPath: ROOT_PATH,
    loginPath: LOGIN_PATH,
    logoutPath: LOGOUT_PATH,
    branding: { companyName: 'partnerhub back-office', logo: false, withMadeWithLove: false },
    settings: { defaultPerPage: 20 },
    locale: {
      language: 'en',
      availableLanguages: ['en'],
      translations: {
        en: {
          actions: {
            makePartner: 'Make partner',
            customers: 'Customers',
            setTemporaryPassword: 'Set temporary password',
            downloadPdf: 'Download PDF',
            resendMail: 'Resend mail',
          },
          messages: {
            invalidCredentials: 'Wrong e-mail or password',
            tooManyRequests: 'Too many failed logins; try again later',
            welcomeOnBoard_title: 'partnerhub back-office',
            welcomeOnBoard_subtitle: 'Organizations, partners, catalog, subscriptions and invoices. The queues are under /admin/queues.',
          },
          components: {
            Login: {
              welcomeHeader: 'partnerhub',
              welcomeMessage: 'Back-office for platform staff. Partner and customer logins do not work here.',
            },
          },
          labels: { AuditLogEntry: 'Audit log', StaffUser: 'Staff logins', PartnerAgreement: 'Partner agreements', ApiKey: 'API keys', WebhookEndpoint: 'Webhooks', WebhookDelivery: 'Webhook deliveries' },
          resources: {
            Invoice: {
              actions: { edit: 'Credit this invoice' },
              properties: { creditNoteReason: 'Reason for the credit note', creditNotePositions: 'Lines to credit (empty: all)', creditReason: 'Credit reason' },
            },
          },
        },
      },
    },
    resources: [
      organizationResource(deps),
      userResource(deps),
      membershipResource(deps),
      planResource(deps),
      addonResource(deps),
      partnerAgreementResource(deps),
      subscriptionResource(deps),
      invoiceResource(deps),
      staffUserResource(deps),
      auditLogResource(deps),
      mailDeliveryResource(deps),
      apiKeyResource(deps),
      webhookEndpointResource(deps),
      webhookDeliveryResource(deps),
    ],
  };
}
