import { MailTemplateSource } from './template-source';

const ITEM = '{{t "mail.deliveryFailures.item" template=template recipient=recipient attempts=attempts queuedAt=queuedAt error=lastError}}';

/** To platform staff: mails whose whole retry schedule is spent; they are listed in the back-office too. */
export const deliveryFailures: MailTemplateSource = {
  subject: '{{t "mail.deliveryFailures.subject" count=count}}',
  text: `{{t "mail.greeting" name=recipientName}}

{{t "mail.deliveryFailures.intro"}}

{{#each failures}}
- ${ITEM}
{{/each}}
{{#if more}}
{{t "mail.deliveryFailures.more" count=more}}
{{/if}}

{{t "mail.deliveryFailures.retry" link=(link loginUrl)}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>{{t "mail.greeting" name=recipientName}}</p>
<p>{{t "mail.deliveryFailures.intro"}}</p>
<ul>
{{#each failures}}
<li>${ITEM}</li>
{{/each}}
</ul>
{{#if more}}<p>{{t "mail.deliveryFailures.more" count=more}}</p>{{/if}}
<p>{{t "mail.deliveryFailures.retry" link=(link loginUrl)}}</p>
{{/layout}}`,
};
