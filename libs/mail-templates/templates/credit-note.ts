import { MailTemplateSource } from './template-source';

export const creditNote: MailTemplateSource = {
  subject: 'Credit note {{creditNoteNumber}} from {{brand.name}}',
  text: `Hello {{recipientName}},

please find attached credit note {{creditNoteNumber}} of {{issuedOn}}, correcting invoice {{correctedInvoiceNumber}}{{#if customerName}} for "{{customerName}}"{{/if}}.

Period credited: {{period}}
Total: {{total}}

You can also find all invoices and credit notes at {{loginUrl}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>Hello {{recipientName}},</p>
<p>please find attached credit note <strong>{{creditNoteNumber}}</strong> of {{issuedOn}}, correcting invoice <strong>{{correctedInvoiceNumber}}</strong>{{#if customerName}} for <strong>{{customerName}}</strong>{{/if}}.</p>
<p>Period credited: {{period}}<br>
Total: <strong>{{total}}</strong></p>
<p>You can also find all invoices and credit notes at <a href="{{loginUrl}}">{{loginUrl}}</a></p>
{{/layout}}`,
};
