// What kind of image some bytes are, from their signature: no image library, so PDF rendering and
// test fixtures can use it without loading sharp.

export type LogoContentType = 'image/png' | 'image/jpeg';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The type the bytes say, whatever the file is called or declared as. */
export function sniffLogoType(bytes: Buffer): LogoContentType | null {
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  if (bytes.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}
