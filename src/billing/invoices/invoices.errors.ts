import { conflict } from '../../common/domain-error';

export const InvoiceErrors = {
  pdfNotRendered: (number: string) => conflict('invoice-pdf-not-rendered', `The PDF of invoice ${number} is not rendered yet; its mail goes out once it is.`),
};
