import { MailTemplateSource } from './template-source';

export const temporaryPassword: MailTemplateSource = {
  subject: 'Your new temporary password',
  text: `Hello {{recipientName}},

support has set a new temporary password for your account ({{recipientEmail}}).

Sign in at {{loginUrl}}
Temporary password: {{temporaryPassword}}

You will be asked to change this password when you first sign in. Your other
sessions have been signed out. If you did not ask for this, contact support.

{{> signature}}
`,
  html: `{{#> layout}}
<p>Hello {{recipientName}},</p>
<p>support has set a new temporary password for your account ({{recipientEmail}}).</p>
<p>Sign in at <a href="{{loginUrl}}">{{loginUrl}}</a><br>
Temporary password: <code style="font-size:16px;">{{temporaryPassword}}</code></p>
<p>You will be asked to change this password when you first sign in. Your other sessions have been signed out.
If you did not ask for this, contact support.</p>
{{/layout}}`,
};
