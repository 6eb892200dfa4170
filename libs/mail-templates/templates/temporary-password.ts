import { MailTemplateSource } from './template-source';

export const temporaryPassword: MailTemplateSource = {
  subject: '{{t "mail.temporaryPassword.subject"}}',
  text: `{{t "mail.greeting" name=recipientName}}

{{t "mail.temporaryPassword.intro" email=recipientEmail}}

{{t "mail.signInAt" link=(link loginUrl)}}
{{t "mail.temporaryPasswordLabel"}}: {{temporaryPassword}}

{{t "mail.changeOnFirstSignIn"}} {{t "mail.temporaryPassword.otherSessionsEnded"}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>{{t "mail.greeting" name=recipientName}}</p>
<p>{{t "mail.temporaryPassword.intro" email=recipientEmail}}</p>
<p>{{t "mail.signInAt" link=(link loginUrl)}}<br>
{{t "mail.temporaryPasswordLabel"}}: <code style="font-size:16px;">{{temporaryPassword}}</code></p>
<p>{{t "mail.changeOnFirstSignIn"}} {{t "mail.temporaryPassword.otherSessionsEnded"}}</p>
{{/layout}}`,
};
