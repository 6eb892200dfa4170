import sharp from 'sharp';
import { LOGO_MAX_BYTES, LogoResult, normalizeLogo, sniffLogoType } from './logo-image';
import { SVG, gif, jpeg, jpegWithExif, png, pngDeclaring, pngOfAtLeast, polyglotPng, truncatedPng } from './testing/crafted-images';

function rejectionOf(result: LogoResult): string {
  if (result.ok) throw new Error('expected a rejection');
  return result.rejection.reason;
}

describe('normalizeLogo', () => {
  it('accepts PNG and JPEG, re-encoded in their own format', async () => {
    const fromPng = await normalizeLogo(await png(300, 200));
    const fromJpeg = await normalizeLogo(await jpeg(150, 150));

    expect(fromPng).toMatchObject({ ok: true, logo: { contentType: 'image/png', width: 300, height: 200 } });
    expect(fromJpeg).toMatchObject({ ok: true, logo: { contentType: 'image/jpeg', width: 150, height: 150 } });
    if (!fromPng.ok) return;
    expect(sniffLogoType(fromPng.logo.data)).toBe('image/png');
    expect(fromPng.logo.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['an empty file', async () => Buffer.alloc(0), 'empty'],
    ['an SVG (scripts inside)', async () => SVG, 'unsupported-type'],
    ['a GIF', () => gif(), 'unsupported-type'],
    ['plain text named .png', async () => Buffer.from('definitely not an image'), 'unsupported-type'],
    ['an image smaller than 150 px on one side', () => png(400, 149), 'too-small'],
    ['an image whose short side would end below 150 px when scaled into 1024 px (150 × 5000)', () => png(150, 5000), 'too-elongated'],
    ['a truncated PNG', () => truncatedPng(), 'unreadable'],
    ['a PNG declaring 60 000 × 60 000 px', () => pngDeclaring(60_000, 60_000), 'too-many-pixels'],
    ['a file over 1 MB', () => pngOfAtLeast(LOGO_MAX_BYTES + 1), 'too-large'],
  ])('rejects %s', async (_name, file, reason) => {
    expect(rejectionOf(await normalizeLogo(await file()))).toBe(reason);
  });

  it('decides by the bytes: a JPEG header followed by PNG data is not a JPEG', async () => {
    const mislabelled = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), await png()]);
    expect(rejectionOf(await normalizeLogo(mislabelled))).toBe('unreadable');
  });

  it('drops whatever rides along: appended documents and EXIF', async () => {
    const polyglot = await normalizeLogo(await polyglotPng());
    const withExif = await normalizeLogo(await jpegWithExif());

    if (!polyglot.ok || !withExif.ok) throw new Error('both are valid images');
    expect(polyglot.logo.data.includes('<script>')).toBe(false);
    expect((await sharp(withExif.logo.data).metadata()).exif).toBeUndefined();
    expect(withExif.logo.data.includes('LeakyCam')).toBe(false);
  });

  it('scales large logos into 1024 px, keeping the aspect ratio', async () => {
    const result = await normalizeLogo(await png(3000, 1500));
    expect(result).toMatchObject({ ok: true, logo: { width: 1024, height: 512 } });
  });

  it('keeps both sides at 150 px or more after scaling, up to the widest ratio that allows', async () => {
    const widest = await normalizeLogo(await png(6826, 1000));
    expect(widest).toMatchObject({ ok: true, logo: { width: 1024 } });
    if (widest.ok) expect(widest.logo.height).toBeGreaterThanOrEqual(150);
  });
});
