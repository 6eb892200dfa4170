import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { type LogoContentType, sniffLogoType } from './image-type';

export { sniffLogoType } from './image-type';
export type { LogoContentType } from './image-type';

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_MIN_SIDE = 150;
/** Decoding stops before this many pixels: a tiny file can declare a gigapixel image. */
export const LOGO_MAX_PIXELS = 25_000_000;
/** Stored logos are scaled into this box; reports and mails never show them larger. */
export const LOGO_MAX_STORED_SIDE = 1024;

export interface NormalizedLogo {
  contentType: LogoContentType;
  width: number;
  height: number;
  data: Buffer;
  /** Hex SHA-256 of `data`; the ETag. */
  sha256: string;
}

export type LogoRejection =
  | { reason: 'empty' }
  | { reason: 'too-large'; maxBytes: number }
  | { reason: 'unsupported-type' }
  | { reason: 'unreadable'; detail: string }
  | { reason: 'too-many-pixels'; width: number; height: number; maxPixels: number }
  | { reason: 'too-small'; width: number; height: number; minSide: number }
  /** Scaled into LOGO_MAX_STORED_SIDE, its short side would end below LOGO_MIN_SIDE. */
  | { reason: 'too-elongated'; width: number; height: number; minSide: number; maxStoredSide: number };

export type LogoResult = { ok: true; logo: NormalizedLogo } | { ok: false; rejection: LogoRejection };

const SHARP_FORMAT: Record<LogoContentType, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg' };

/**
 * Checks an uploaded logo and re-encodes it: the type comes from the bytes, the header's
 * dimensions are checked before any pixel is decoded, the image is decoded completely (a
 * truncated or corrupt file is rejected), and what is stored is a fresh encoding without
 * metadata, so nothing appended to or hidden in the upload (EXIF, a second file) survives.
 */
export async function normalizeLogo(bytes: Buffer): Promise<LogoResult> {
  if (bytes.length === 0) return reject({ reason: 'empty' });
  if (bytes.length > LOGO_MAX_BYTES) return reject({ reason: 'too-large', maxBytes: LOGO_MAX_BYTES });
  const contentType = sniffLogoType(bytes);
  if (!contentType) return reject({ reason: 'unsupported-type' });

  const options = { limitInputPixels: LOGO_MAX_PIXELS, failOn: 'truncated' as const, sequentialRead: true };
  let width: number;
  let height: number;
  try {
    const metadata = await sharp(bytes, { ...options, limitInputPixels: false }).metadata();
    if (metadata.format !== SHARP_FORMAT[contentType]) return reject({ reason: 'unsupported-type' });
    // EXIF orientations 5–8 swap the sides as displayed.
    const swapped = (metadata.orientation ?? 1) >= 5;
    width = swapped ? metadata.height : metadata.width;
    height = swapped ? metadata.width : metadata.height;
  } catch (error) {
    return reject({ reason: 'unreadable', detail: describe(error) });
  }
  if (width * height > LOGO_MAX_PIXELS) return reject({ reason: 'too-many-pixels', width, height, maxPixels: LOGO_MAX_PIXELS });
  if (width < LOGO_MIN_SIDE || height < LOGO_MIN_SIDE) return reject({ reason: 'too-small', width, height, minSide: LOGO_MIN_SIDE });
  const scale = Math.min(1, LOGO_MAX_STORED_SIDE / Math.max(width, height));
  if (Math.round(Math.min(width, height) * scale) < LOGO_MIN_SIDE) {
    return reject({ reason: 'too-elongated', width, height, minSide: LOGO_MIN_SIDE, maxStoredSide: LOGO_MAX_STORED_SIDE });
  }

  try {
    const pipeline = sharp(bytes, options)
      .rotate()
      .resize({ width: LOGO_MAX_STORED_SIDE, height: LOGO_MAX_STORED_SIDE, fit: 'inside', withoutEnlargement: true })
      .toColorspace('srgb');
    const encoded = contentType === 'image/png' ? pipeline.png({ compressionLevel: 9 }) : pipeline.jpeg({ quality: 90, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { ok: true, logo: { contentType, width: info.width, height: info.height, data, sha256: createHash('sha256').update(data).digest('hex') } };
  } catch (error) {
    return reject({ reason: 'unreadable', detail: describe(error) });
  }
}

function reject(rejection: LogoRejection): LogoResult {
  return { ok: false, rejection };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // libvips prefixes messages with the loader name and appends internal detail; the first line is what helps.
  return message.split('\n')[0].replace(/^\w+load(_buffer)?: /, '').trim() || 'the image cannot be decoded';
}
