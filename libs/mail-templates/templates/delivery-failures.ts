import { MailTemplateSource } from './template-source';

/** To platform staff: mails whose whole retry schedule is spent; they are listed in the back-office too. */
export const deliveryFailures: MailTemplateSource = {
  subject: '{{count}} mail(s) could not be delivered',
  text: `Hello {{recipientName}},

these mails failed for good after their whole retry schedule:

{{#each failures}}
- {{template}} to {{recipient}}, {{attempts}} attempt(s), queued {{queuedAt}}: {{lastError}}
{{/each}}
{{#if more}}
... and {{more}} more.
{{/if}}

Send one again with "Retry now" at {{loginUrl}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>Hello {{recipientName}},</p>
<p>these mails failed for good after their whole retry schedule:</p>
<ul>
{{#each failures}}
<li><strong>{{template}}</strong> to {{recipient}}, {{attempts}} attempt(s), queued {{queuedAt}}: {{lastError}}</li>
{{/each}}
</ul>
{{#if more}}<p>... and {{more}} more.</p>{{/if}}
<p>Send one again with "Retry now" at <a href="{{loginUrl}}">{{loginUrl}}</a></p>
{{/layout}}`,
};
