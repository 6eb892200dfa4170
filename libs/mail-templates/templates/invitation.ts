import { MailTemplateSource } from './template-source';

export const invitation: MailTemplateSource = {
  subject: 'You have been invited to {{organizationName}}',
  text: `Hello {{recipientName}},

you have been invited to the organization "{{organizationName}}".

Sign in at {{loginUrl}}
E-mail: {{recipientEmail}}
{{#if temporaryPassword}}
Temporary password: {{temporaryPassword}}

You will be asked to change this password when you first sign in.
{{else}}

Your administrator will give you your password.
{{/if}}

{{> signature}}
`,
  html: `{{#> layout}}
<p>Hello {{recipientName}},</p>
<p>you have been invited to the organization <strong>{{organizationName}}</strong>.</p>
<p>Sign in at <a href="{{loginUrl}}">{{loginUrl}}</a><br>
E-mail: {{recipientEmail}}
{{#if temporaryPassword}}
<br>Temporary password: <code style="font-size:16px;">{{temporaryPassword}}</code></p>
<p>You will be asked to change this password when you first sign in.</p>
{{else}}
</p>
<p>Your administrator will give you your password.</p>
{{/if}}
{{/layout}}`,
};
