import { MailTemplateSource } from './template-source';

export const membershipAdded: MailTemplateSource = {
  subject: '{{t "mail.membershipAdded.subject" organizationName=organizationName}}',
  text: `{{t "mail.greeting" name=recipientName}}

{{t "mail.membershipAdded.intro" organizationName=organizationName}}
{{t "mail.membershipAdded.signInWithExistingAccount" link=(link loginUrl) email=recipientEmail}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>{{t "mail.greeting" name=recipientName}}</p>
<p>{{t "mail.membershipAdded.intro" organizationName=organizationName}}</p>
<p>{{t "mail.membershipAdded.signInWithExistingAccount" link=(link loginUrl) email=recipientEmail}}</p>
{{/layout}}`,
};
