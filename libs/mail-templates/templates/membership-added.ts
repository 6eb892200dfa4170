import { MailTemplateSource } from './template-source';

export const membershipAdded: MailTemplateSource = {
  subject: 'You now have access to {{organizationName}}',
  text: `Hello {{recipientName}},

you have been added to the organization "{{organizationName}}".
Sign in at {{loginUrl}} with your existing account ({{recipientEmail}}).

{{> signature}}
`,
  html: `{{#> layout}}
<p>Hello {{recipientName}},</p>
<p>you have been added to the organization <strong>{{organizationName}}</strong>.</p>
<p>Sign in at <a href="{{loginUrl}}">{{loginUrl}}</a> with your existing account ({{recipientEmail}}).</p>
{{/layout}}`,
};
