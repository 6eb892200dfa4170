/** The English catalogue; messages.de.ts has the same keys (checked by catalogue.spec.ts). */
export const en = {
  mail: {
    greeting: 'Hello {{name}},',
    questions: 'Questions?',
    email: 'E-mail',
    signInAt: 'Sign in at {{- link}}',
    temporaryPasswordLabel: 'Temporary password',
    changeOnFirstSignIn: 'You will be asked to change this password when you first sign in.',
    invitation: {
      subject: 'You have been invited to {{organizationName}}',
      intro: 'you have been invited to the organization "{{organizationName}}".',
      passwordFromAdministrator: 'Your administrator will give you your password.',
    },
    membershipAdded: {
      subject: 'You now have access to {{organizationName}}',
      intro: 'you have been added to the organization "{{organizationName}}".',
      signInWithExistingAccount: 'Sign in at {{- link}} with your existing account ({{email}}).',
    },
    temporaryPassword: {
      subject: 'Your new temporary password',
      intro: 'support has set a new temporary password for your account ({{email}}).',
      otherSessionsEnded: 'Your other sessions have been signed out. If you did not ask for this, contact support.',
    },
    invoice: {
      subject: 'Invoice {{number}} from {{sender}}',
      intro: 'please find attached invoice {{number}} of {{date}}.',
      introForCustomer: 'please find attached invoice {{number}} of {{date}} for "{{customer}}".',
      period: 'Period',
      total: 'Total',
      findAll: 'You can also find all invoices at {{- link}}',
    },
    creditNote: {
      subject: 'Credit note {{number}} from {{sender}}',
      intro: 'please find attached credit note {{number}} of {{date}}, correcting invoice {{corrected}}.',
      introForCustomer: 'please find attached credit note {{number}} of {{date}}, correcting invoice {{corrected}} for "{{customer}}".',
      period: 'Period corrected',
      findAll: 'You can also find all invoices and credit notes at {{- link}}',
    },
    deliveryFailures: {
      subject_one: '{{count}} mail could not be delivered',
      subject_other: '{{count}} mails could not be delivered',
      intro: 'these mails failed for good after their whole retry schedule:',
      item: '{{template}} to {{recipient}}, attempts: {{attempts}}, queued {{queuedAt}}: {{error}}',
      more: '… and {{count}} more.',
      retry: 'Send one again with "Retry now" at {{- link}}',
    },
  },
};
