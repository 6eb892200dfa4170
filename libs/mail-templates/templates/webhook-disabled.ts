import { MailTemplateSource } from './template-source';

export const webhookDisabled: MailTemplateSource = {
  subject: '{{t "mail.webhookDisabled.subject" organizationName=organizationName}}',
  text: `{{t "mail.greeting" name=recipientName}}

{{t "mail.webhookDisabled.intro" url=url organizationName=organizationName since=failingSince}}
{{#if lastError}}{{t "mail.webhookDisabled.lastError" error=lastError}}
{{/if}}
{{t "mail.webhookDisabled.howToEnable" link=(link deliveriesUrl)}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>{{t "mail.greeting" name=recipientName}}</p>
<p>{{t "mail.webhookDisabled.intro" url=url organizationName=organizationName since=failingSince}}</p>
{{#if lastError}}<p>{{t "mail.webhookDisabled.lastError" error=lastError}}</p>{{/if}}
<p>{{t "mail.webhookDisabled.howToEnable" link=(link deliveriesUrl)}}</p>
{{/layout}}`,
};
