import type { Catalogue } from './catalogue-shape';

/** The German catalogue (the default language); formal "Sie", as German business mail is written. */
export const de: Catalogue = {
  mail: {
    greeting: 'Hallo {{name}},',
    questions: 'Fragen?',
    email: 'E-Mail',
    signInAt: 'Anmelden unter {{- link}}',
    temporaryPasswordLabel: 'Vorläufiges Passwort',
    changeOnFirstSignIn: 'Bei der ersten Anmeldung werden Sie gebeten, dieses Passwort zu ändern.',
    invitation: {
      subject: 'Einladung in die Organisation {{organizationName}}',
      intro: 'Sie wurden in die Organisation „{{organizationName}}“ eingeladen.',
      passwordFromAdministrator: 'Ihr Passwort erhalten Sie von Ihrer Administration.',
    },
    membershipAdded: {
      subject: 'Sie haben jetzt Zugriff auf {{organizationName}}',
      intro: 'Sie wurden der Organisation „{{organizationName}}“ hinzugefügt.',
      signInWithExistingAccount: 'Melden Sie sich unter {{- link}} mit Ihrem bestehenden Konto ({{email}}) an.',
    },
    temporaryPassword: {
      subject: 'Ihr neues vorläufiges Passwort',
      intro: 'der Support hat ein neues vorläufiges Passwort für Ihr Konto ({{email}}) gesetzt.',
      otherSessionsEnded: 'Ihre anderen Sitzungen wurden abgemeldet. Falls Sie das nicht veranlasst haben, wenden Sie sich an den Support.',
    },
    invoice: {
      subject: 'Rechnung {{number}} von {{sender}}',
      intro: 'anbei erhalten Sie die Rechnung {{number}} vom {{date}}.',
      introForCustomer: 'anbei erhalten Sie die Rechnung {{number}} vom {{date}} für „{{customer}}“.',
      period: 'Leistungszeitraum',
      total: 'Gesamtbetrag',
      findAll: 'Alle Rechnungen finden Sie auch unter {{- link}}',
    },
    creditNote: {
      subject: 'Rechnungskorrektur {{number}} von {{sender}}',
      intro: 'anbei erhalten Sie die Rechnungskorrektur {{number}} vom {{date}} zur Rechnung {{corrected}}.',
      introForCustomer: 'anbei erhalten Sie die Rechnungskorrektur {{number}} vom {{date}} zur Rechnung {{corrected}} für „{{customer}}“.',
      period: 'Korrigierter Zeitraum',
      findAll: 'Alle Rechnungen und Rechnungskorrekturen finden Sie auch unter {{- link}}',
    },
    deliveryFailures: {
      subject_one: '{{count}} Mail konnte nicht zugestellt werden',
      subject_other: '{{count}} Mails konnten nicht zugestellt werden',
      intro: 'diese Mails sind nach ihrem ganzen Wiederholungsplan endgültig gescheitert:',
      item: '{{template}} an {{recipient}}, Versuche: {{attempts}}, eingereiht {{queuedAt}}: {{error}}',
      more: '… und {{count}} weitere.',
      retry: 'Mit „Retry now“ erneut senden unter {{- link}}',
    },
  },
};
