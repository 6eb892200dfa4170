/** Handlebars sources of one mail; kept in .ts so a plain tsc build ships them. */
export interface MailTemplateSource {
  subject: string;
  text: string;
  html: string;
}
