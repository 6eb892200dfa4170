import { MailTemplateSource } from './template-source';

const INTRO = `{{#if customerName}}{{t "mail.creditNote.introForCustomer" number=creditNoteNumber date=issuedOn corrected=correctedInvoiceNumber customer=customerName}}{{else}}{{t "mail.creditNote.intro" number=creditNoteNumber date=issuedOn corrected=correctedInvoiceNumber}}{{/if}}`;

export const creditNote: MailTemplateSource = {
  subject: '{{t "mail.creditNote.subject" number=creditNoteNumber sender=brand.name}}',
  text: `{{t "mail.greeting" name=recipientName}}

${INTRO}

{{t "mail.creditNote.period"}}: {{period}}
{{t "mail.invoice.total"}}: {{total}}

{{t "mail.creditNote.findAll" link=(link loginUrl)}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>{{t "mail.greeting" name=recipientName}}</p>
<p>${INTRO}</p>
<p>{{t "mail.creditNote.period"}}: {{period}}<br>
{{t "mail.invoice.total"}}: <strong>{{total}}</strong></p>
<p>{{t "mail.creditNote.findAll" link=(link loginUrl)}}</p>
{{/layout}}`,
};
