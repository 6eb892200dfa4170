import { StaffRepository } from './staff.repository';
import { OrganizationId, asOrganizationId } from '../common/organization-id';
import { RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { CatalogService } from '../billing/catalog/catalog.service';
import { CatalogItemChangesDto, NewCatalogItemDto, PartnerConditionsDto } from '../billing/catalog/dto/catalog-admin.dto';
import { InvoiceDeliveryService, ResentInvoiceMail } from '../billing/invoices/invoice-delivery.service';
import { PartnerAgreement } from '../billing/catalog/partner-agreement.entity';
import { notFound } from '../common/domain-error';
import { createValidationPipe } from '../common/validation';
import { UpdateOrganizationDto } from '../tenancy/dto/organization.dto';
import { TenancyService } from '../tenancy/tenancy.service';
import { NewStaffDto } from './dto/new-staff.dto';
import { CreditInvoiceDto, creditedPositions } from './dto/credit-invoice.dto';
import { InvoiceService } from '../billing/invoices/invoice.service';
import { StaffActor, requireStaff, staffAuditActor } from './staff-actor';
import { StaffService } from './staff.service';
import { inTransaction } from '../database/transaction';
import { MailService } from '../mail/mail.service';

export type CatalogKind = 'plan' | 'addon';

interface StaffChange {
  organizationId?: OrganizationId;
  action: string;
  target: { type: string; id?: string };
  details?: Record<string, unknown>;
}

const validation = createValidationPipe();

/**
 * Every change the back-office makes. Each runs in one transaction with its audit entry naming the
 * staff member, validates its input with the DTOs the API uses, and goes through the services that
 * own the rules (tenancy, accounts, catalog, invoice delivery).
 */
@Injectable()
export class BackofficeChanges {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly tenancy: TenancyService,
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly catalog: CatalogService,
    private readonly invoices: InvoiceDeliveryService,
    private readonly invoiceIssuing: InvoiceService,
    private readonly staff: StaffService,
    private readonly staffRows: StaffRepository,
    private readonly mail: MailService,
  ) {}

  /** A standalone organization becomes a partner with an agreement at list prices (staff set conditions on it). */
  makePartner(organizationId: OrganizationId): Promise<{ name: string; agreementId: string }> {
    return this.change(async () => {
      const { name } = await this.tenancy.makePartner(organizationId);
      const agreement = await this.catalog.ensurePartnerAgreement(organizationId);
      return {
        result: { name, agreementId: agreement.id },
        audit: { organizationId, action: 'organization.make-partner', target: { type: 'organization', id: organizationId } },
      };
    });
  }

  async updateOrganization(organizationId: OrganizationId, input: object): Promise<void> {
    const dto = await validated(UpdateOrganizationDto, input);
    // TenancyService records the change, naming the staff member.
    await this.change(async (actor) => {
      await this.tenancy.update(organizationId, dto, staffAuditActor(actor));
      return { result: undefined, audit: [] };
    });
  }

  /** The audit entry goes to every organization the user belongs to, so their admins see it. */
  setTemporaryPassword(userId: string): Promise<{ email: string }> {
    return this.change(async () => {
      const issued = await this.accounts.issueTemporaryPassword(userId);
      await this.auth.revokeSessions(userId);
      return {
        result: { email: issued.email },
        audit: issued.organizationIds.map((organizationId) => ({
          organizationId,
          action: 'user.temporary-password',
          target: { type: 'user', id: userId },
        })),
      };
    });
  }

  resendInvoiceMail(invoiceId: string): Promise<ResentInvoiceMail> {
    return this.change(async () => {
      const resent = await this.invoices.resendMail(invoiceId);
      return {
        result: resent,
        audit: {
          organizationId: resent.organizationId,
          action: 'invoice.mail.resend',
          target: { type: 'invoice', id: invoiceId },
          details: { number: resent.number, recipient: resent.recipient },
        },
      };
    });
  }

  /** "Credit this invoice": a credit note for the whole invoice or some of its lines, with the reason printed on it. */
  async creditInvoice(invoiceId: string, input: object): Promise<{ number: string; creditNoteNumber: string }> {
    const dto = await validated(CreditInvoiceDto, input);
    const positions = creditedPositions(dto);
    return this.change(async () => {
      const reason = dto.creditNoteReason.trim();
      const creditNote = await this.invoiceIssuing.creditByStaff({ invoiceId, reason, positions });
      const number = creditNote.correctsInvoice!.number;
      return {
        result: { number, creditNoteNumber: creditNote.number },
        audit: {
          organizationId: asOrganizationId(creditNote.organization.id),
          action: 'invoice.credit',
          target: { type: 'invoice', id: invoiceId },
          details: { number, creditNoteId: creditNote.id, creditNoteNumber: creditNote.number, reason, positions: positions.length > 0 ? positions : 'all', net: creditNote.netCents },
        },
      };
    });
  }

  /** "Retry now" on a mail delivery: due at once, with a job of its own. */
  retryMailDelivery(deliveryId: string): Promise<{ template: string; recipient: string }> {
    return this.change(async () => {
      const delivery = await this.mail.retryNow(deliveryId);
      return {
        result: { template: delivery.template, recipient: delivery.recipient },
        audit: {
          ...(delivery.organizationId ? { organizationId: asOrganizationId(delivery.organizationId) } : {}),
          action: 'mail.retry',
          target: { type: 'mail-delivery', id: deliveryId },
          details: { template: delivery.template, recipient: delivery.recipient, attempts: delivery.attempts },
        },
      };
    });
  }

  async createCatalogItem(kind: CatalogKind, input: object): Promise<string> {
    const dto = await validated(NewCatalogItemDto, input);
    return this.change(async () => {
      const item = await this.catalog.createItem(kind, dto);
      return { result: item.code, audit: { action: `${kind}.create`, target: { type: kind }, details: { code: item.code } } };
    });
  }

  async updateCatalogItem(kind: CatalogKind, code: string, input: object): Promise<void> {
    const dto = await validated(CatalogItemChangesDto, input);
    await this.change(async () => {
      await this.catalog.updateItem(kind, code, dto);
      return { result: undefined, audit: { action: `${kind}.update`, target: { type: kind }, details: { code, changed: Object.keys(dto) } } };
    });
  }

  async setPartnerConditions(agreementId: string, input: object): Promise<void> {
    const dto = await validated(PartnerConditionsDto, input);
    await this.change(async () => {
      const agreement = await this.em.getContext().findOne(PartnerAgreement, { id: agreementId });
      if (!agreement) throw notFound('Partner agreement');
      await this.catalog.setPartnerConditions(agreement.partner.id, dto);
      return {
        result: undefined,
        audit: {
          organizationId: agreement.partner.id,
          action: 'partner-agreement.update',
          target: { type: 'partner-agreement', id: agreementId },
          details: { discountPercent: dto.discountPercent, priceOverrides: dto.priceOverrides },
        },
      };
    });
  }

  async createStaff(input: object): Promise<string> {
    const dto = await validated(NewStaffDto, input);
    return this.change(async () => {
      const { staffId } = await this.staff.createStaff(dto.email, dto.password);
      return { result: staffId, audit: { action: 'staff.create', target: { type: 'staff-user', id: staffId }, details: { email: dto.email } } };
    });
  }

  deleteStaff(staffId: string): Promise<void> {
    return this.change(async (actor) => {
      const { email } = await this.staff.deleteStaff(staffId, actor.id);
      await this.staffRows.deleteSessionsOf(staffId);
      return { result: undefined, audit: { action: 'staff.delete', target: { type: 'staff-user', id: staffId }, details: { email } } };
    });
  }

  /** Queue operations happen in Redis; their audit entry is written once Bull Board has answered. */
  recordQueueOperation(actor: StaffActor, details: { method: string; path: string; status: number }): Promise<void> {
    return this.change(async () => ({ result: undefined, audit: { action: 'queue.operation', target: { type: 'queue' }, details } }), actor);
  }

  /** `actor` defaults to the staff member of the current back-office request. */
  private change<T>(
    work: (actor: StaffActor) => Promise<{ result: T; audit: StaffChange | StaffChange[] }>,
    actor: StaffActor = requireStaff(),
  ): Promise<T> {
    return RequestContext.create(this.em, () =>
      inTransaction(this.em, async () => {
        const { result, audit } = await work(actor);
        for (const entry of [audit].flat()) {
          await this.audit.record({ ...entry, actor: staffAuditActor(actor) });
        }
        return result;
      }),
    );
  }
}

/** Back-office input checked exactly like an API body (unknown fields refused, field errors named). */
function validated<T extends object>(type: new () => T, input: object): Promise<T> {
  return validation.transform(input, { type: 'body', metatype: type }) as Promise<T>;
}
