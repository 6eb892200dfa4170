import { MailTemplateSource } from './template-source';

export const passwordReset: MailTemplateSource = {
  subject: '{{t "mail.passwordReset.subject"}}',
  text: `{{t "mail.greeting" name=recipientName}}

{{t "mail.passwordReset.intro" email=recipientEmail}}

{{t "mail.passwordReset.link" link=(link resetUrl)}}
{{t "mail.passwordReset.token" token=token}}

{{t "mail.passwordReset.validFor" minutes=validMinutes}}
{{t "mail.passwordReset.ignore"}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>{{t "mail.greeting" name=recipientName}}</p>
<p>{{t "mail.passwordReset.intro" email=recipientEmail}}</p>
<p>{{t "mail.passwordReset.link" link=(link resetUrl)}}</p>
<p>{{t "mail.passwordReset.token" token=token}}</p>
<p>{{t "mail.passwordReset.validFor" minutes=validMinutes}}</p>
<p>{{t "mail.passwordReset.ignore"}}</p>
{{/layout}}`,
};
