import { LOGO_MAX_BYTES, LogoRejection } from '../../libs/branding/logo-image';
import { DomainError, badRequest } from '../common/domain-error';

/** The multipart field the logo is uploaded in. */
export const LOGO_FIELD = 'file';

/** What a logo upload is refused with, each with its problem type. */
export const LogoErrors = {
  /** Also refused by the upload middleware, before the body is read, when the declared length is too large. */
  tooLarge: (maxBytes = LOGO_MAX_BYTES) =>
    new DomainError('too-large', 'logo-too-large', 'Logo too large', `A logo may have at most ${maxBytes} bytes (1 MB).`),
  multipartRequired: () =>
    new DomainError('unsupported-media-type', 'multipart-required', 'Multipart required', `Upload the logo as multipart/form-data in the field "${LOGO_FIELD}".`),
  fileMissing: () => badRequest('file-missing', `The multipart body has no file in the field "${LOGO_FIELD}".`),
  unexpectedField: (field?: string) =>
    badRequest('unexpected-field', `Send exactly one part: the logo in the multipart field "${LOGO_FIELD}"${field ? `, not "${field}"` : ''}.`),
  malformedMultipart: (detail: string) => badRequest('malformed-multipart', detail),
  /** Why libs/branding refused the image. */
  rejected: (rejection: LogoRejection): DomainError => {
    switch (rejection.reason) {
      case 'empty':
        return badRequest('empty-file', 'The uploaded file is empty.');
      case 'too-large':
        return LogoErrors.tooLarge(rejection.maxBytes);
      case 'unsupported-type':
        return new DomainError(
          'unsupported-media-type',
          'unsupported-image-type',
          'Unsupported image type',
          'A logo must be a PNG or JPEG image; the uploaded bytes are neither, whatever the file name or declared type says.',
        );
      case 'unreadable':
        return badRequest('invalid-image', `The image cannot be read: ${rejection.detail}.`);
      case 'too-many-pixels':
        return badRequest('image-too-large', `The image declares ${rejection.width}×${rejection.height} pixels; at most ${rejection.maxPixels} pixels are accepted.`);
      case 'too-small':
        return badRequest('logo-too-small', `The logo is ${rejection.width}×${rejection.height} px; it must be at least ${rejection.minSide}×${rejection.minSide} px.`);
      case 'too-elongated':
        return badRequest(
          'logo-too-small',
          `The logo is ${rejection.width}×${rejection.height} px: scaled to fit ${rejection.maxStoredSide} px, its short side would be below ${rejection.minSide} px. Use a logo less elongated.`,
        );
    }
  },
};
