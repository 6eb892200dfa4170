import { MailTemplateSource } from './template-source';

const INTRO = `{{#if customerName}}{{t "mail.invoice.introForCustomer" number=invoiceNumber date=issuedOn customer=customerName}}{{else}}{{t "mail.invoice.intro" number=invoiceNumber date=issuedOn}}{{/if}}`;

export const invoice: MailTemplateSource = {
  subject: '{{t "mail.invoice.subject" number=invoiceNumber sender=brand.name}}',
  text: `{{t "mail.greeting" name=recipientName}}

${INTRO}

{{t "mail.invoice.period"}}: {{period}}
{{t "mail.invoice.total"}}: {{total}}
{{#if dueOn}}
{{t "mail.invoice.dueOn"}}: {{dueOn}}
{{/if}}

{{t "mail.invoice.findAll" link=(link loginUrl)}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>{{t "mail.greeting" name=recipientName}}</p>
<p>${INTRO}</p>
<p>{{t "mail.invoice.period"}}: {{period}}<br>
{{t "mail.invoice.total"}}: <strong>{{total}}</strong>{{#if dueOn}}<br>
{{t "mail.invoice.dueOn"}}: {{dueOn}}{{/if}}</p>
<p>{{t "mail.invoice.findAll" link=(link loginUrl)}}</p>
{{/layout}}`,
};
