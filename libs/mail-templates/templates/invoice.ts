import { MailTemplateSource } from './template-source';

export const invoice: MailTemplateSource = {
  subject: 'Invoice {{invoiceNumber}} from {{brand.name}}',
  text: `Hello {{recipientName}},

please find attached invoice {{invoiceNumber}} of {{issuedOn}}{{#if customerName}} for "{{customerName}}"{{/if}}.

Period: {{period}}
Total: {{total}}

You can also find all invoices at {{loginUrl}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>Hello {{recipientName}},</p>
<p>please find attached invoice <strong>{{invoiceNumber}}</strong> of {{issuedOn}}{{#if customerName}} for <strong>{{customerName}}</strong>{{/if}}.</p>
<p>Period: {{period}}<br>
Total: <strong>{{total}}</strong></p>
<p>You can also find all invoices at <a href="{{loginUrl}}">{{loginUrl}}</a></p>
{{/layout}}`,
};
