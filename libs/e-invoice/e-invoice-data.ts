import type { Invoice } from '@e-invoice-eu/core';
import type { InvoiceDocumentData, PartyAddress, PaymentInstruction } from '../pdf/invoice-data';
import { translator } from '../i18n';
import { paymentSentence } from '../pdf/invoice-document';

type UblInvoice = Invoice['ubl:Invoice'];
type Party = UblInvoice['cac:AccountingSupplierParty']['cac:Party'];
type PaymentMeans = NonNullable<UblInvoice['cac:PaymentMeans']>[number];
type TaxCategory = UblInvoice['cac:TaxTotal'][number]['cac:TaxSubtotal'] extends (infer S)[] | undefined ? S extends { 'cac:TaxCategory': infer C } ? C : never : never;

/** EN 16931 VAT category (UNTDID 5305): standard rate, reverse charge (AE), not subject to German VAT (O). */
const VAT_CATEGORY = { domestic: 'S', 'reverse-charge': 'AE', 'outside-eu': 'O' } as const;
/** VATEX codes (CEF list) for the categories that need an exemption reason. */
const EXEMPTION_CODE = { 'reverse-charge': 'VATEX-EU-AE', 'outside-eu': 'VATEX-EU-O' } as const;
/** UNTDID 4461: credit transfer, SEPA direct debit, bank card. */
const PAYMENT_MEANS_CODE = { 'credit-transfer': '58', 'sepa-direct-debit': '59', card: '54' } as const;
/** UNTDID 1001: commercial invoice, credit note. */
const INVOICE_TYPE_CODE = { invoice: '380', creditNote: '381' } as const;
/** UN/ECE Recommendation 20: one (piece). */
const UNIT_CODE = 'C62';

const amount = (cents: number) => (cents / 100).toFixed(2);
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
/** Our periods end exclusively (the next period's first day); EN 16931 names the last day. */
const lastDay = (exclusiveEnd: Date) => isoDate(new Date(exclusiveEnd.getTime() - 1));

/**
 * The invoice's EN 16931 data in @e-invoice-eu/core's UBL-shaped format, from the same snapshot the
 * PDF is drawn from. Both e-invoices (XRechnung CII at `…/xml`, Factur-X EN 16931 in the PDF) are
 * generated from it, so they carry the same data.
 *
 * A credit note is type 381 with positive amounts and the corrected invoice as BT-25: in EN 16931
 * the document type carries the sign (the API and the PDF show its amounts negative).
 */
export function eInvoiceData(invoice: InvoiceDocumentData): Invoice {
  const isCreditNote = invoice.corrects !== undefined;
  const sign = isCreditNote ? -1 : 1;
  const net = sign * invoice.netCents;
  const tax = sign * invoice.taxCents;
  const gross = sign * invoice.grossCents;
  const treatment = invoice.vatNote ?? 'domestic';
  const category: TaxCategory = {
    'cbc:ID': VAT_CATEGORY[treatment],
    // BR-O-05/-06: "not subject to VAT" has no rate at all; reverse charge is 0 %.
    ...(treatment === 'outside-eu' ? {} : { 'cbc:Percent': treatment === 'domestic' ? String(invoice.vatRatePercent) : '0' }),
    ...(treatment === 'domestic'
      ? {}
      : { 'cbc:TaxExemptionReasonCode': EXEMPTION_CODE[treatment], 'cbc:TaxExemptionReason': vatNoteText(invoice) }),
    'cac:TaxScheme': { 'cbc:ID': 'VAT' },
  };
  // BR-O-02: an invoice not subject to VAT carries neither party's VAT ID.
  const withVatIds = treatment !== 'outside-eu';
  const currency = invoice.currency;

  return {
    'ubl:Invoice': {
      'cbc:ID': invoice.number,
      'cbc:IssueDate': isoDate(invoice.issuedAt),
      ...(invoice.dueAt ? { 'cbc:DueDate': isoDate(invoice.dueAt) } : {}),
      'cbc:InvoiceTypeCode': isCreditNote ? INVOICE_TYPE_CODE.creditNote : INVOICE_TYPE_CODE.invoice,
      // One note: the library writes several into one CII IncludedNote, which the schema refuses.
      ...(notes(invoice).length > 0 ? { 'cbc:Note': [notes(invoice).join('\n')] } : {}),
      'cbc:DocumentCurrencyCode': currency,
      'cbc:BuyerReference': invoice.buyerReference,
      'cac:InvoicePeriod': { 'cbc:StartDate': isoDate(invoice.periodStart), 'cbc:EndDate': lastDay(invoice.periodEnd) },
      ...(invoice.corrects
        ? { 'cac:BillingReference': [{ 'cac:InvoiceDocumentReference': { 'cbc:ID': invoice.corrects.number, 'cbc:IssueDate': isoDate(invoice.corrects.issuedAt) } }] }
        : {}),
      'cac:AccountingSupplierParty': { 'cac:Party': sellerParty(invoice, withVatIds) },
      'cac:AccountingCustomerParty': { 'cac:Party': buyerParty(invoice.recipient, withVatIds) },
      // BT-90, the creditor identifier of a direct debit: the library takes it from the payee (the seller itself here), not from the seller's identifiers.
      ...(invoice.payment.method === 'sepa-direct-debit'
        ? { 'cac:PayeeParty': { 'cac:PartyIdentification': { 'cbc:ID': invoice.payment.creditorId, 'cbc:ID@schemeID': 'SEPA' }, 'cac:PartyName': { 'cbc:Name': invoice.seller.name } } }
        : {}),
      // CII requires the delivery group (the library leaves an empty one out): the service is delivered where the recipient is (BG-15).
      'cac:Delivery': { 'cac:DeliveryLocation': { 'cac:Address': { 'cac:Country': { 'cbc:IdentificationCode': invoice.recipient.country } } } },
      'cac:PaymentMeans': [paymentMeans(invoice.payment, invoice)],
      // BT-20 in the recipient's language: the PDF's sentence on how it is paid.
      'cac:PaymentTerms': { 'cbc:Note': paymentSentence(invoice) },
      'cac:TaxTotal': [
        {
          'cbc:TaxAmount': amount(tax),
          'cbc:TaxAmount@currencyID': currency,
          'cac:TaxSubtotal': [
            {
              'cbc:TaxableAmount': amount(net),
              'cbc:TaxableAmount@currencyID': currency,
              'cbc:TaxAmount': amount(tax),
              'cbc:TaxAmount@currencyID': currency,
              'cac:TaxCategory': category,
            },
          ],
        },
      ],
      'cac:LegalMonetaryTotal': {
        'cbc:LineExtensionAmount': amount(net),
        'cbc:LineExtensionAmount@currencyID': currency,
        'cbc:TaxExclusiveAmount': amount(net),
        'cbc:TaxExclusiveAmount@currencyID': currency,
        'cbc:TaxInclusiveAmount': amount(gross),
        'cbc:TaxInclusiveAmount@currencyID': currency,
        'cbc:PayableAmount': amount(gross),
        'cbc:PayableAmount@currencyID': currency,
      },
      'cac:InvoiceLine': invoice.lines.map((line, index) => ({
        'cbc:ID': String(index + 1),
        'cbc:InvoicedQuantity': String(line.quantity),
        'cbc:InvoicedQuantity@unitCode': UNIT_CODE,
        'cbc:LineExtensionAmount': amount(sign * line.totalCents),
        'cbc:LineExtensionAmount@currencyID': currency,
        ...(line.periodStart && line.periodEnd
          ? { 'cac:InvoicePeriod': { 'cbc:StartDate': isoDate(line.periodStart), 'cbc:EndDate': lastDay(line.periodEnd) } }
          : {}),
        'cac:Item': {
          'cbc:Name': line.description,
          'cac:ClassifiedTaxCategory': {
            'cbc:ID': category['cbc:ID'],
            ...(category['cbc:Percent'] === undefined ? {} : { 'cbc:Percent': category['cbc:Percent'] }),
            'cac:TaxScheme': { 'cbc:ID': 'VAT' },
          },
        },
        'cac:Price': { 'cbc:PriceAmount': amount(sign * line.unitPriceCents), 'cbc:PriceAmount@currencyID': currency },
      })),
    },
  } as Invoice;
}

function sellerParty(invoice: InvoiceDocumentData, withVatIds: boolean): Party {
  const { seller } = invoice;
  const taxSchemes = [
    ...(withVatIds && seller.vatId ? [{ 'cbc:CompanyID': seller.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }] : []),
    // BT-32, the seller's tax number (Steuernummer), when it is the one it has.
    ...(seller.taxNumber && !(withVatIds && seller.vatId) ? [{ 'cbc:CompanyID': seller.taxNumber, 'cac:TaxScheme': { 'cbc:ID': 'FC' } }] : []),
  ];
  return {
    ...(seller.email ? { 'cbc:EndpointID': seller.email, 'cbc:EndpointID@schemeID': 'EM' } : {}),
    'cac:PartyName': { 'cbc:Name': seller.name },
    'cac:PostalAddress': postalAddress(seller),
    ...(taxSchemes.length > 0 ? { 'cac:PartyTaxScheme': taxSchemes } : {}),
    'cac:PartyLegalEntity': { 'cbc:RegistrationName': seller.name },
    // XRechnung wants a seller contact with name, telephone and e-mail (BR-DE-2, -5, -6, -7).
    'cac:Contact': {
      'cbc:Name': seller.name,
      ...(seller.phone ? { 'cbc:Telephone': seller.phone } : {}),
      ...(seller.email ? { 'cbc:ElectronicMail': seller.email } : {}),
    },
  } as Party;
}

function buyerParty(recipient: PartyAddress, withVatIds: boolean): Party {
  return {
    ...(recipient.email ? { 'cbc:EndpointID': recipient.email, 'cbc:EndpointID@schemeID': 'EM' } : {}),
    'cac:PostalAddress': postalAddress(recipient),
    ...(withVatIds && recipient.vatId ? { 'cac:PartyTaxScheme': { 'cbc:CompanyID': recipient.vatId, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } } } : {}),
    'cac:PartyLegalEntity': { 'cbc:RegistrationName': recipient.name },
  } as Party;
}

function postalAddress(party: PartyAddress): Party['cac:PostalAddress'] {
  return {
    'cbc:StreetName': party.street,
    'cbc:CityName': party.city,
    'cbc:PostalZone': party.postalCode,
    'cac:Country': { 'cbc:IdentificationCode': party.country },
  } as Party['cac:PostalAddress'];
}

function paymentMeans(payment: PaymentInstruction, invoice: InvoiceDocumentData): PaymentMeans {
  const code = PAYMENT_MEANS_CODE[payment.method];
  const base = { 'cbc:PaymentMeansCode': code, 'cbc:PaymentID': invoice.number };
  switch (payment.method) {
    case 'sepa-direct-debit':
      return { ...base, 'cac:PaymentMandate': { 'cbc:ID': payment.mandateReference, 'cac:PayerFinancialAccount': { 'cbc:ID': payment.account } } } as PaymentMeans;
    case 'card':
      return { ...base, 'cac:CardAccount': { 'cbc:PrimaryAccountNumberID': payment.last4, 'cbc:NetworkID': payment.network } } as PaymentMeans;
    case 'credit-transfer':
      return {
        ...base,
        ...(invoice.seller.bank
          ? {
              'cac:PayeeFinancialAccount': {
                'cbc:ID': invoice.seller.bank.iban,
                'cbc:Name': invoice.seller.name,
                ...(invoice.seller.bank.bic ? { 'cac:FinancialInstitutionBranch': { 'cbc:ID': invoice.seller.bank.bic } } : {}),
              },
            }
          : {}),
      } as PaymentMeans;
  }
}

/** BT-22: the customer an invoice to a partner is for, why a credit note corrects its invoice, and why there is no German VAT. */
function notes(invoice: InvoiceDocumentData): string[] {
  const t = translator(invoice.locale);
  return [
    ...(invoice.customerName ? [`${t('pdf.invoice.customer')}: ${invoice.customerName}`] : []),
    ...(invoice.corrects && invoice.creditReason ? [t('pdf.invoice.creditReason', { reason: invoice.creditReason })] : []),
    ...(invoice.vatNote ? [vatNoteText(invoice)] : []),
  ];
}

function vatNoteText(invoice: InvoiceDocumentData): string {
  const t = translator(invoice.locale);
  return t(invoice.vatNote === 'reverse-charge' ? 'pdf.invoice.reverseCharge' : 'pdf.invoice.outsideEu');
}
