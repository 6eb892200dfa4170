import { MailTemplateSource } from './template-source';

export const invitation: MailTemplateSource = {
  subject: '{{t "mail.invitation.subject" organizationName=organizationName}}',
  text: `{{t "mail.greeting" name=recipientName}}

{{t "mail.invitation.intro" organizationName=organizationName}}

{{t "mail.signInAt" link=(link loginUrl)}}
{{t "mail.email"}}: {{recipientEmail}}
{{#if temporaryPassword}}
{{t "mail.temporaryPasswordLabel"}}: {{temporaryPassword}}

{{t "mail.changeOnFirstSignIn"}}
{{else}}

{{t "mail.invitation.passwordFromAdministrator"}}
{{/if}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>{{t "mail.greeting" name=recipientName}}</p>
<p>{{t "mail.invitation.intro" organizationName=organizationName}}</p>
<p>{{t "mail.signInAt" link=(link loginUrl)}}<br>
{{t "mail.email"}}: {{recipientEmail}}
{{#if temporaryPassword}}
<br>{{t "mail.temporaryPasswordLabel"}}: <code style="font-size:16px;">{{temporaryPassword}}</code></p>
<p>{{t "mail.changeOnFirstSignIn"}}</p>
{{else}}
</p>
<p>{{t "mail.invitation.passwordFromAdministrator"}}</p>
{{/if}}
{{/layout}}`,
};
