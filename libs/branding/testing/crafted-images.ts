import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** Real image files, and broken or hostile ones, for upload tests. */

export function png(width = 300, height = 200, background = '#0a7d3b'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
}

export function jpeg(width = 300, height = 200, background = '#b4321e'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } }).jpeg().toBuffer();
}

/** A JPEG carrying EXIF (camera, GPS-like comment) that must not survive storage. */
export function jpegWithExif(width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .withExif({ IFD0: { Make: 'LeakyCam', Model: 'Secret Model', ImageDescription: 'home address inside' } })
    .jpeg()
    .toBuffer();
}

export function gif(width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#777777' } }).gif().toBuffer();
}

export const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><script>alert(1)</script><rect width="300" height="300"/></svg>',
);

/** A PNG whose header declares `width`×`height` while its data is that of a tiny image: a decompression bomb's shape. */
export async function pngDeclaring(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await png(160, 160));
  // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height, then the CRC over type + data.
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)) >>> 0, 29);
  return bytes;
}

/** The first half of a real PNG. */
export async function truncatedPng(): Promise<Buffer> {
  const noisy = await sharp(Buffer.from(randomPixels(400, 400)), { raw: { width: 400, height: 400, channels: 3 } }).png().toBuffer();
  return noisy.subarray(0, Math.floor(noisy.length / 2));
}

/** A valid PNG with an HTML/JS document appended: sniffers that look at the end see a web page. */
export async function polyglotPng(): Promise<Buffer> {
  return Buffer.concat([await png(200, 200), Buffer.from('<html><script>document.cookie</script></html>')]);
}

/** A real PNG larger than `bytes` (noise does not compress). */
export async function pngOfAtLeast(bytes: number): Promise<Buffer> {
  const side = Math.ceil(Math.sqrt(bytes / 3)) + 16;
  return sharp(Buffer.from(randomPixels(side, side)), { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
}

function randomPixels(width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  let state = 0x2545f491;
  for (let index = 0; index < pixels.length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    pixels[index] = state & 0xff;
  }
  return pixels;
}
