export { PRODUCT_NAME, mailBrand } from './brand';
export type { CreditNoteMailData, DeliveryFailuresMailData, FailedDeliveryData, InvitationMailData, InvoiceMailData, MailBrand, MailDataByTemplate, MailTemplateName, MembershipAddedMailData, PasswordResetMailData, RenderedMail, SupportContact, TemporaryPasswordMailData, WebhookDisabledMailData } from './mail-data';
export { isMailTemplateName, renderMail } from './render-mail';
