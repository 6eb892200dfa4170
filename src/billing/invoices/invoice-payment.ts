import type { PaymentInstruction } from '../../../libs/pdf';
import type { PayingMethodRow } from '../payment-methods/payment-method.repository';
import { PaymentMethodType } from '../payment-methods/payment-method.entity';

/**
 * How an invoice is paid, fixed on it at issue: by the billing owner's paying method (its newest)
 * or, without one, by transfer to the seller. Masked details only, as the method is stored.
 */
export type InvoicePayment =
  | { method: 'sepa-direct-debit'; mandateReference: string; account: string }
  | { method: 'card'; card: string; last4: string; network: string }
  | { method: 'credit-transfer' };

export function invoicePaymentBy(method: PayingMethodRow | undefined): InvoicePayment {
  if (method?.type === PaymentMethodType.Sepa && method.mandate_reference) {
    return { method: 'sepa-direct-debit', mandateReference: method.mandate_reference, account: method.label };
  }
  if (method?.type === PaymentMethodType.Card) return { method: 'card', card: method.label, last4: method.last4, network: method.brand ?? 'card' };
  return { method: 'credit-transfer' };
}

/** What the PDF and the e-invoice print: the seller's creditor ID joins a direct debit; invoices from before payments were recorded read as transfers. */
export function paymentInstruction(payment: InvoicePayment | null | undefined, sepaCreditorId: string): PaymentInstruction {
  if (!payment) return { method: 'credit-transfer' };
  return payment.method === 'sepa-direct-debit' ? { ...payment, creditorId: sepaCreditorId } : payment;
}
