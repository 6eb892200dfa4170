import Handlebars from 'handlebars';
import { DEFAULT_LOCALE, isLocale, translator } from '../i18n';
import { MailDataByTemplate, MailTemplateName, RenderedMail } from './mail-data';
import { creditNote } from './templates/credit-note';
import { deliveryFailures } from './templates/delivery-failures';
import { invitation } from './templates/invitation';
import { invoice } from './templates/invoice';
import { htmlLayout, textSignature } from './templates/layout';
import { membershipAdded } from './templates/membership-added';
import { passwordReset } from './templates/password-reset';
import { temporaryPassword } from './templates/temporary-password';
import { MailTemplateSource } from './templates/template-source';
import { webhookDisabled } from './templates/webhook-disabled';

const SOURCES: Record<MailTemplateName, MailTemplateSource> = {
  invitation,
  'membership-added': membershipAdded,
  'temporary-password': temporaryPassword,
  'password-reset': passwordReset,
  invoice,
  'credit-note': creditNote,
  'delivery-failures': deliveryFailures,
  'webhook-disabled': webhookDisabled,
};

const HTML_OPTIONS = { strict: true };
const TEXT_OPTIONS = { strict: true, noEscape: true };

// One environment per output kind: Handlebars compiles a partial once and caches it,
// so a partial shared by escaped HTML and unescaped text would leak one mode into the other.
const htmlEnvironment = Handlebars.create();
htmlEnvironment.registerPartial('layout', htmlEnvironment.compile(htmlLayout, HTML_OPTIONS));
const textEnvironment = Handlebars.create();
textEnvironment.registerPartial('signature', textEnvironment.compile(textSignature, TEXT_OPTIONS));

/**
 * `{{t "key" name=value}}`: the sentence of the catalogue (libs/i18n) in the mail's `locale`, whole
 * sentences with their values interpolated, never concatenated. In HTML i18next escapes the values;
 * a `{{- link}}` value is markup made by the `link` helper. `{{link url}}`: an anchor in HTML, the
 * bare URL in text.
 */
function registerTranslation(environment: typeof Handlebars, html: boolean): void {
  environment.registerHelper('t', function (key: string, options: Handlebars.HelperOptions) {
    const root = options.data?.root as { locale?: unknown } | undefined;
    const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
    const values = Object.fromEntries(
      Object.entries(options.hash as Record<string, unknown>).map(([name, value]) => [name, value instanceof environment.SafeString ? value.toString() : value]),
    );
    const sentence = translator(locale)(key, { ...values, interpolation: { escapeValue: html, escape: environment.escapeExpression } }) as string;
    return html ? new environment.SafeString(sentence) : sentence;
  });
  environment.registerHelper('link', (url: string) =>
    html ? new environment.SafeString(`<a href="${environment.escapeExpression(url)}">${environment.escapeExpression(url)}</a>`) : url,
  );
}
registerTranslation(htmlEnvironment, true);
registerTranslation(textEnvironment, false);

const COMPILED = Object.fromEntries(
  Object.entries(SOURCES).map(([name, source]) => [
    name,
    {
      subject: textEnvironment.compile(source.subject, TEXT_OPTIONS),
      text: textEnvironment.compile(source.text, TEXT_OPTIONS),
      html: htmlEnvironment.compile(source.html, HTML_OPTIONS),
    },
  ]),
) as Record<MailTemplateName, Record<keyof MailTemplateSource, HandlebarsTemplateDelegate>>;

export function isMailTemplateName(name: string): name is MailTemplateName {
  return Object.hasOwn(SOURCES, name);
}

/** Renders a mail; HTML output escapes every value, subject and text are plain text. */
export function renderMail<T extends MailTemplateName>(template: T, data: MailDataByTemplate[T]): RenderedMail {
  const compiled = COMPILED[template];
  // A line break in a subject would start a new header line.
  const subject = compiled.subject(data).replace(/\s+/g, ' ').trim();
  return {
    subject,
    text: compiled.text(data).replace(/\n{3,}/g, '\n\n'),
    html: compiled.html({ ...data, subject }),
  };
}
