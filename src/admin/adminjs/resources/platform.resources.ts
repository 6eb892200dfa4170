import type { ActionResponse, ResourceWithOptions } from 'adminjs';
import { StaffUser } from '../../staff-user.entity';
import { AuditLogEntry } from '../../../audit/audit-log-entry.entity';
import { Invoice, InvoiceType } from '../../../billing/invoices/invoice.entity';
import { InvoiceDocumentStatus } from '../../../billing/invoices/invoice-document.entity';
import { invoicePdfFileName } from '../../../billing/invoices/invoice-pdf.job';
import { requireStaff } from '../../staff-actor';
import { MailDelivery, MailDeliveryStatus } from '../../../mail/mail-delivery.entity';
import { DISABLED, NAVIGATION, READ_ONLY_ACTIONS, ROOT_PATH, ResourceDeps, defineResource, escapeHtml, recordAction, showUrl } from './common';

const RECIPIENT_FIELDS = ['recipient.name', 'recipient.email', 'recipient.street', 'recipient.postalCode', 'recipient.city', 'recipient.country'];

/** Served by the back-office router (backoffice.loader.ts) behind the staff session. */
export const invoicePdfUrl = (invoiceId: string) => `${ROOT_PATH}/invoices/${invoiceId}/pdf`;

/**
 * Invoices never change after issue (a trigger refuses it too): staff look, download the PDF, send
 * the mail again, and correct an invoice with a credit note. "Credit this invoice" is AdminJS's edit
 * form (the one form it has without a custom component): its two fields are the credit note's reason
 * and the lines to credit, and saving issues the credit note; nothing on the invoice changes.
 */
export function invoiceResource(deps: ResourceDeps): ResourceWithOptions {
  const pdfState = async (invoiceId: string, invoice: Pick<Invoice, 'number' | 'type'>) => {
    const document = await deps.invoices.documentStatus(invoiceId);
    const status = document?.status ?? InvoiceDocumentStatus.Pending;
    return {
      status,
      lastError: document?.lastError ?? null,
      link:
        status === InvoiceDocumentStatus.Rendered
          ? `<a href="${escapeHtml(invoicePdfUrl(invoiceId))}">Download PDF (${escapeHtml(invoicePdfFileName(invoice))})</a>`
          : status === InvoiceDocumentStatus.Failed
            ? `Rendering failed (${escapeHtml(document?.lastError ?? 'unknown error')}); the pdf queue retries it, see <a href="${ROOT_PATH}/queues">Queues</a>.`
            : 'The pdf queue is rendering it.',
    };
  };

  return defineResource(
    deps,
    Invoice,
    {
      order: { issuedAt: 'desc', id: 'desc' },
      virtual: [
        { path: 'creditNoteReason', type: 'textarea', compute: () => '' },
        { path: 'creditNotePositions', type: 'string', compute: () => '' },
      ],
      writer: {
        update: {
          fields: ['creditNoteReason', 'creditNotePositions'],
          run: async (id, params) => {
            await deps.changes.creditInvoice(id, params);
          },
        },
      },
    },
    {
      navigation: NAVIGATION.billing,
      titleProperty: 'number',
      listProperties: ['number', 'type', 'organization', 'billingOwner', 'issuedAt', 'grossCents'],
      filterProperties: ['number', 'type', 'organization', 'billingOwner', 'issuedAt', 'subscriptionId'],
      showProperties: [
        'number', 'type', 'correctsInvoice', 'organization', 'billingOwner', ...RECIPIENT_FIELDS, 'issuedAt', 'periodStart', 'periodEnd',
        'netCents', 'vatRatePercent', 'taxCents', 'grossCents', 'currency', 'creditReason', 'subscriptionId', 'pdfStatus', 'pdf',
      ],
      editProperties: ['creditNoteReason', 'creditNotePositions'],
      properties: {
        ...Object.fromEntries(RECIPIENT_FIELDS.map((path) => [path, { type: 'string' as const }])),
        vatRatePercent: { type: 'number' },
        pdfStatus: { type: 'string' },
        pdf: { type: 'richtext' },
        creditNoteReason: { type: 'textarea', isRequired: true, description: 'Printed on the credit note (Rechnungskorrektur) and kept in the audit log.' },
        creditNotePositions: { description: 'Line positions to credit in full, e.g. "1, 3"; empty credits the whole invoice.' },
      },
      actions: {
        ...READ_ONLY_ACTIONS,
        edit: {
          icon: 'RotateCcw',
          // Credit notes correct invoices, not each other.
          isAccessible: ({ record }) => !!record && record.params.type === InvoiceType.Invoice,
          after: async (response: ActionResponse, request: { method?: string }) => {
            if (request.method === 'post' && response.notice?.type === 'success' && typeof response.record?.params?.id === 'string') {
              response.notice = { message: `Credit note issued for invoice ${String(response.record.params.number)}; its PDF and mail go out through the pdf queue. It is listed under Invoices.`, type: 'success' };
            }
            return response;
          },
        },
        show: {
          after: async (response: ActionResponse) => {
            const params = response.record?.params as Record<string, unknown> | undefined;
            if (params && typeof params.id === 'string') {
              const state = await pdfState(params.id, { number: String(params.number), type: params.type as InvoiceType });
              params.pdfStatus = state.status;
              params.pdf = state.link;
            }
            return response;
          },
        },
        downloadPdf: recordAction({
          icon: 'Download',
          run: async (id, { record }) => {
            const state = await pdfState(id, { number: String(record?.params.number), type: record?.params.type as InvoiceType });
            if (state.status === InvoiceDocumentStatus.Rendered) {
              return { message: 'The PDF is ready; download it with the link on the invoice.', redirectUrl: showUrl('Invoice', id) };
            }
            if (state.status === InvoiceDocumentStatus.Failed) {
              return { message: `Rendering the PDF failed (${state.lastError ?? 'unknown error'}); retry its job under Queues.`, type: 'error' };
            }
            return { message: 'The pdf queue is still rendering this PDF; try again in a moment.', type: 'info' };
          },
        }),
        resendMail: recordAction({
          icon: 'Send',
          guard: 'Send the invoice mail with its PDF once more, to the recipient on the invoice?',
          run: async (id) => {
            const resent = await deps.changes.resendInvoiceMail(id);
            return { message: `The mail of invoice ${resent.number} is queued again, to ${resent.recipient}.` };
          },
        }),
      },
    },
  );
}

/** Staff logins: created here or with `staff:create`; a staff member cannot delete their own or the last one. */
export function staffUserResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(
    deps,
    StaffUser,
    {
      order: { email: 'asc' },
      writer: {
        create: { fields: ['email', 'password'], run: (params) => deps.changes.createStaff(params) },
        delete: (id) => deps.changes.deleteStaff(id),
      },
    },
    {
      navigation: NAVIGATION.platform,
      titleProperty: 'email',
      listProperties: ['email', 'createdAt', 'lastLoginAt'],
      filterProperties: ['email', 'createdAt', 'lastLoginAt'],
      showProperties: ['id', 'email', 'createdAt', 'lastLoginAt'],
      editProperties: ['email', 'password'],
      properties: {
        // Only in the "new" form; it never comes back (the hash is hidden in the entity).
        password: { type: 'password', isVisible: { list: false, show: false, edit: true, filter: false } },
      },
      actions: {
        // AdminJS echoes the posted params back with the created record; the password must not travel back.
        new: {
          after: async (response: ActionResponse) => {
            if (response.record?.params) delete response.record.params.password;
            return response;
          },
        },
        edit: DISABLED,
        bulkDelete: DISABLED,
        delete: { isAccessible: ({ record }) => !!record && record.params.id !== safeStaffId() },
      },
    },
  );
}

/** Outside a back-office request (AdminJS building JSON elsewhere) nobody is "self". */
function safeStaffId(): string | undefined {
  try {
    return requireStaff().id;
  } catch {
    return undefined;
  }
}

/** Append-only: no action changes an entry. */
export function auditLogResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(
    deps,
    AuditLogEntry,
    {
      order: { createdAt: 'desc', id: 'desc' },
      virtual: [{ path: 'detail', type: 'textarea', compute: (entry: AuditLogEntry) => (entry.details ? JSON.stringify(entry.details, null, 2) : '') }],
    },
    {
      navigation: NAVIGATION.platform,
      sort: { sortBy: 'createdAt', direction: 'desc' },
      listProperties: ['createdAt', 'action', 'actorEmail', 'actorType', 'organizationId', 'targetType'],
      filterProperties: ['action', 'actorType', 'actorEmail', 'actorName', 'organizationId', 'targetType', 'targetId', 'createdAt'],
      showProperties: ['id', 'createdAt', 'action', 'actorType', 'actorEmail', 'actorName', 'actorId', 'viaPartner', 'organizationId', 'targetType', 'targetId', 'ip', 'detail'],
      actions: READ_ONLY_ACTIONS,
    },
  );
}

/** Every mail and where it stands; "retry now" makes a pending or failed one due at once. The secret a mail may carry is never shown. */
export function mailDeliveryResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(
    deps,
    MailDelivery,
    { order: { createdAt: 'desc', id: 'desc' } },
    {
      navigation: NAVIGATION.platform,
      titleProperty: 'recipient',
      listProperties: ['createdAt', 'template', 'recipient', 'status', 'attempts', 'nextAttemptAt', 'lastError'],
      filterProperties: ['status', 'template', 'recipient', 'createdAt'],
      showProperties: [
        'createdAt', 'template', 'recipient', 'organizationId', 'status', 'attempts', 'nextAttemptAt', 'claimedAt', 'smtpStartedAt', 'sentAt', 'lastError', 'dedupeKey',
      ],
      actions: {
        ...READ_ONLY_ACTIONS,
        retryNow: recordAction({
          icon: 'Redo',
          guard: 'Send this mail now? A failed one gets one more attempt.',
          isAccessible: (params) => params.status !== MailDeliveryStatus.Sent,
          run: async (id) => {
            const retried = await deps.changes.retryMailDelivery(id);
            return { message: `The ${retried.template} mail to ${retried.recipient} is queued now.` };
          },
        }),
      },
    },
  );
}
