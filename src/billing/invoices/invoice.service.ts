import { EntityManager } from '@mikro-orm/postgresql';
import { WebhookEvents } from '../../webhook-events/webhook-events.service';
import { Inject, Injectable } from '@nestjs/common';
import { OrganizationId } from '../../common/organization-id';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Page } from '../../common/pagination';
import { notFound, validationFailed } from '../../common/domain-error';
import { InvoiceErrors } from './invoices.errors';
import { InvoiceRepository } from './invoice.repository';
import { OutboxService } from '../../outbox/outbox.service';
import { PDF_QUEUE } from '../../queue/queue-names';
import { Organization } from '../../tenancy/organization.entity';
import { CustomerInvoiceDto, InvoiceDetailDto, InvoiceDto } from './dto/invoice.dto';
import { Invoice, InvoiceLine, InvoiceType } from './invoice.entity';
import { InvoiceDocument } from './invoice-document.entity';
import { INVOICE_PDF_JOB, InvoicePdfJob } from './invoice-pdf.job';
import { InvoiceRecipient } from '../billing-address/invoice-recipient';
import { creditTotals, dueDate, invoiceTotals } from '../catalog/pricing';
import { vatRateFor, vatTreatment } from '../catalog/vat-treatment';
import { keysetPage, newestFirst } from '../../database/keyset-page';
import { requireTransaction } from '../../database/transaction';
import { PaymentMethodRepository } from '../payment-methods/payment-method.repository';
import { invoicePaymentBy } from './invoice-payment';
import { clipToWhatIsLeft, exceedsWhatIsLeft, leftToCredit, netLeft } from './credit-left';

export interface NewInvoiceLine {
  code: string;
  description: string;
  quantity: number;
  unitPriceCents: number;
  /** Where the line covers a period other than the invoice's (a pro-rated addon); end exclusive. */
  periodStart?: Date;
  periodEnd?: Date;
}

export interface NewInvoice {
  organizationId: OrganizationId;
  billingOwnerId: OrganizationId;
  subscriptionId?: string;
  recipient: InvoiceRecipient;
  periodStart: Date;
  periodEnd: Date;
  lines: NewInvoiceLine[];
  issuedAt?: Date;
}

/** One credited line: a positive amount, shown and booked negated. */
export interface CreditedLine {
  code: string;
  description: string;
  creditedCents: number;
  periodStart: Date;
  periodEnd: Date;
}

export interface NewCreditNote {
  /** The invoice it corrects, its lines loaded; addressee, organization and VAT rate are that invoice's. */
  corrected: Invoice;
  periodStart: Date;
  periodEnd: Date;
  lines: CreditedLine[];
  /** Why, when staff credit it; printed on the credit note. */
  reason?: string;
  /**
   * When the lines ask for more than is left to credit (see `leftToCredit`): `refuse` answers 409
   * (staff choosing lines), `clip` credits what is left and nothing when nothing is (a deletion,
   * which must go ahead whatever staff credited before).
   */
  beyondWhatIsLeft: 'refuse' | 'clip';
}

/** Staff crediting an invoice in the back-office: lines by position (all of them when none are named), and why. */
export interface StaffCredit {
  invoiceId: string;
  reason: string;
  positions: number[];
}

type StoredLine = NewInvoiceLine & { totalCents: number };
type InvoiceHeader = Omit<NewInvoice, 'lines'> &
  Pick<Invoice, 'type' | 'vatRatePercent' | 'vatTreatment' | 'payment' | 'netCents' | 'taxCents' | 'grossCents'> & { correctsInvoice?: Invoice; creditReason?: string };

const BY_ISSUE = newestFirst<Invoice>('issuedAt', 'issued_at');

@Injectable()
export class InvoiceService {
  constructor(
    private readonly em: EntityManager,
    private readonly invoices: InvoiceRepository,
    private readonly outbox: OutboxService,
    private readonly paymentMethods: PaymentMethodRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: WebhookEvents,
  ) {}

  /**
   * Issues an invoice in the caller's transaction. The number comes from a
   * per-year counter row that stays locked until that transaction ends, so
   * numbers are unique and gapless across API processes (a rollback gives the
   * number back). Its PDF is rendered and mailed by the `pdf` queue after
   * commit, through the outbox, so ordering never waits for Redis or SMTP.
   */
  async issue(data: NewInvoice): Promise<Invoice> {
    const [invoice] = await this.issueAll([data]);
    return invoice;
  }

  /** Issues several invoices as `issue` does, numbered in the given order, with one counter update per year and one flush. */
  async issueAll(invoices: NewInvoice[]): Promise<Invoice[]> {
    const payingMethods = await this.paymentMethods.payingMethods(invoices.map((data) => data.billingOwnerId));
    return this.storeAll(
      invoices.map((data) => {
        const payment = invoicePaymentBy(payingMethods.get(data.billingOwnerId));
        const lines = data.lines.map((line) => ({ ...line, totalCents: line.quantity * line.unitPriceCents }));
        const treatment = vatTreatment(this.config.vendor.address.country, data.recipient);
        const vatRatePercent = vatRateFor(treatment, this.config.vatRate);
        const totals = invoiceTotals(lines.map((line) => line.totalCents), vatRatePercent);
        return { header: { ...data, type: InvoiceType.Invoice, vatRatePercent, vatTreatment: treatment, payment, ...totals }, lines };
      }),
    );
  }

  /**
   * Issues a credit note (Rechnungskorrektur) for part of an invoice, in the caller's transaction:
   * a number from the same sequence, the corrected invoice's addressee and VAT rate, negative
   * amounts; PDF and mail go the invoice's way. The invoice stays locked until the transaction
   * ends, so all its credit notes together never credit more of an item than it billed. Null when
   * clipping left nothing to credit.
   */
  async issueCreditNote({ corrected, periodStart, periodEnd, lines, reason, beyondWhatIsLeft }: NewCreditNote): Promise<Invoice | null> {
    const left = leftToCredit(corrected.lines.getItems(), await this.invoices.lockForCrediting(corrected.id));
    if (beyondWhatIsLeft === 'refuse' && exceedsWhatIsLeft(lines, left)) throw InvoiceErrors.creditExceedsInvoice(corrected.number, netLeft(left));
    const credited = clipToWhatIsLeft(lines, left);
    if (credited.length === 0) return null;
    const vatRatePercent = Number(corrected.vatRatePercent);
    const stored = credited.map(({ creditedCents, ...line }) => ({ ...line, quantity: 1, unitPriceCents: 0 - creditedCents, totalCents: 0 - creditedCents }));
    const totals = creditTotals(credited.map((line) => line.creditedCents), vatRatePercent);
    const [creditNote] = await this.storeAll([
      {
        header: {
          organizationId: corrected.organization.id,
          billingOwnerId: corrected.billingOwner.id,
          subscriptionId: corrected.subscriptionId,
          recipient: corrected.recipient,
          periodStart,
          periodEnd,
          type: InvoiceType.CreditNote,
          correctsInvoice: corrected,
          creditReason: reason,
          vatRatePercent,
          vatTreatment: corrected.vatTreatment,
          payment: corrected.payment,
          ...totals,
        },
        lines: stored,
      },
    ]);
    return creditNote;
  }

  /** Credits an invoice, wholly or the lines at `positions`, each line in full, with a reason, in the caller's transaction; never beyond what is left. */
  async creditByStaff({ invoiceId, reason, positions }: StaffCredit): Promise<Invoice> {
    requireTransaction(this.em, 'Crediting an invoice');
    const invoice = await this.em.findOne(Invoice, { id: invoiceId }, { populate: ['lines', 'organization', 'billingOwner'] });
    if (!invoice) throw notFound('Invoice');
    if (invoice.type !== InvoiceType.Invoice) throw InvoiceErrors.notAnInvoice(invoice.number);
    const lines = invoice.lines.getItems();
    const unknown = positions.filter((position) => !lines.some((line) => line.position === position));
    if (unknown.length > 0) {
      throw validationFailed([{ field: 'creditNotePositions', message: `invoice ${invoice.number} has no line ${unknown.join(', ')} (it has ${lines.map((line) => line.position).join(', ')})` }]);
    }
    const credited = positions.length === 0 ? lines : lines.filter((line) => positions.includes(line.position));
    const creditNote = await this.issueCreditNote({
      corrected: invoice,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      reason,
      beyondWhatIsLeft: 'refuse',
      lines: credited.map((line) => ({
        code: line.code,
        description: line.description,
        creditedCents: line.totalCents,
        periodStart: line.periodStart ?? invoice.periodStart,
        periodEnd: line.periodEnd ?? invoice.periodEnd,
      })),
    });
    // Only lines of 0.00 EUR chosen: nothing to credit.
    if (!creditNote) throw InvoiceErrors.creditExceedsInvoice(invoice.number, 0);
    return creditNote;
  }

  private async storeAll(drafts: { header: InvoiceHeader; lines: StoredLine[] }[]): Promise<Invoice[]> {
    const em = requireTransaction(this.em, 'Issuing an invoice');
    const now = new Date();
    const dated = drafts.map((draft) => ({ ...draft, issuedAt: draft.header.issuedAt ?? now }));
    const nextNumberOf = new Map<number, number>();
    for (const year of new Set(dated.map((draft) => draft.issuedAt.getUTCFullYear()))) {
      const count = dated.filter((draft) => draft.issuedAt.getUTCFullYear() === year).length;
      nextNumberOf.set(year, (await this.invoices.takeNumbers(year, count)) - count + 1);
    }
    const invoices = dated.map(({ header, lines, issuedAt }) => {
      const year = issuedAt.getUTCFullYear();
      const number = nextNumberOf.get(year)!;
      nextNumberOf.set(year, number + 1);
      const invoice = em.create(Invoice, {
        number: `${year}-${String(number).padStart(6, '0')}`,
        type: header.type,
        correctsInvoice: header.correctsInvoice,
        creditReason: header.creditReason,
        organization: em.getReference(Organization, header.organizationId),
        billingOwner: em.getReference(Organization, header.billingOwnerId),
        subscriptionId: header.subscriptionId,
        recipient: header.recipient,
        issuedAt,
        dueAt: header.type === InvoiceType.Invoice ? dueDate(issuedAt, this.config.paymentTermsDays) : null,
        periodStart: header.periodStart,
        periodEnd: header.periodEnd,
        vatRatePercent: header.vatRatePercent,
        vatTreatment: header.vatTreatment,
        payment: header.payment,
        netCents: header.netCents,
        taxCents: header.taxCents,
        grossCents: header.grossCents,
        currency: 'EUR',
      });
      lines.forEach((line, index) => em.create(InvoiceLine, { invoice, position: index + 1, ...line }));
      em.create(InvoiceDocument, { invoice });
      this.outbox.enqueue({
        queue: PDF_QUEUE,
        jobName: INVOICE_PDF_JOB,
        jobId: `invoice-pdf:${invoice.id}`,
        payload: { invoiceId: invoice.id } satisfies InvoicePdfJob,
      });
      return invoice;
    });
    await em.flush();
    for (const invoice of invoices) {
      await this.events.publish(
        invoice.type === InvoiceType.CreditNote
          ? { type: 'invoice.credited', organizationId: invoice.organization.id, data: { invoiceId: invoice.correctsInvoice!.id, creditNoteId: invoice.id } }
          : { type: 'invoice.issued', organizationId: invoice.organization.id, data: { invoiceId: invoice.id, subscriptionId: invoice.subscriptionId ?? null } },
      );
    }
    return invoices;
  }

  async list(organizationId: OrganizationId, limit: number, cursor?: string): Promise<Page<InvoiceDto>> {
    const qb = this.em.createQueryBuilder(Invoice, 'i').where({ organization: organizationId });
    return keysetPage(qb, BY_ISSUE, limit, cursor, toInvoiceDto);
  }

  async get(organizationId: OrganizationId, invoiceId: string): Promise<InvoiceDetailDto> {
    const invoice = await this.em.findOne(Invoice, { id: invoiceId, organization: organizationId }, { populate: ['lines'] });
    if (!invoice) throw notFound('Invoice');
    return {
      ...toInvoiceDto(invoice),
      lines: invoice.lines.getItems().map((line) => ({
        position: line.position,
        code: line.code,
        description: line.description,
        quantity: line.quantity,
        unitPrice: line.unitPriceCents,
        total: line.totalCents,
        periodStart: line.periodStart?.toISOString() ?? null,
        periodEnd: line.periodEnd?.toISOString() ?? null,
      })),
    };
  }

  /** Invoices addressed to a partner for its customers, deleted customer organizations included. */
  async listForCustomers(partnerId: OrganizationId, limit: number, cursor?: string): Promise<Page<CustomerInvoiceDto>> {
    const qb = this.em
      .createQueryBuilder(Invoice, 'i')
      .joinAndSelect('i.organization', 'o')
      .where({ billingOwner: partnerId, organization: { $ne: partnerId } });
    return keysetPage(qb, BY_ISSUE, limit, cursor, (row) => ({
      ...toInvoiceDto(row),
      customer: { id: row.organization.id, name: row.organization.name, deleted: row.organization.deletedAt != null },
    }));
  }
}

export function toInvoiceDto(invoice: Invoice): InvoiceDto {
  return {
    id: invoice.id,
    number: invoice.number,
    type: invoice.type,
    correctsInvoiceId: invoice.correctsInvoice?.id ?? null,
    issuedAt: invoice.issuedAt.toISOString(),
    dueAt: invoice.dueAt?.toISOString() ?? null,
    periodStart: invoice.periodStart.toISOString(),
    periodEnd: invoice.periodEnd.toISOString(),
    net: invoice.netCents,
    tax: invoice.taxCents,
    gross: invoice.grossCents,
    vatRate: Number(invoice.vatRatePercent),
    vatTreatment: invoice.vatTreatment,
    creditReason: invoice.creditReason ?? null,
    currency: invoice.currency,
    recipient: invoice.recipient,
    status: 'issued',
  };
}
