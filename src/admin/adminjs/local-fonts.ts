import { dirname, join } from 'node:path';
import type { RequestHandler, Router } from 'express';
import express from 'express';

/** AdminJS's and Bull Board's pages link Google Fonts; a staff browser must not reach a third party (offline, GDPR). */
const THIRD_PARTY_FONT_LINK = /<link\b[^>]*\bhref="https:\/\/fonts\.(?:googleapis|gstatic)\.com\/[^"]*"[^>]*>/g;

export const LOCAL_FONTS_STYLESHEET = '/frontend/assets/local-fonts/roboto.css';
const LOCAL_FONTS_FOLDER = '/frontend/assets/local-fonts/';

/** Roboto as AdminJS uses it (300–700), from the TTFs pdfmake ships for the PDFs; Bull Board falls back to the system sans-serif. */
const ROBOTO_FACES = [
  { weight: '300 400', file: 'Roboto-Regular.ttf' },
  { weight: '500 700', file: 'Roboto-Medium.ttf' },
];

export function robotoStylesheet(basePath: string): string {
  return ROBOTO_FACES.map(
    ({ weight, file }) =>
      `@font-face { font-family: 'Roboto'; font-style: normal; font-weight: ${weight}; font-display: swap; src: url('${basePath}${LOCAL_FONTS_FOLDER}${file}') format('truetype'); }`,
  ).join('\n');
}

/** The page with its third-party font links replaced by one to the local stylesheet. */
export function withLocalFonts(html: string, stylesheetHref: string): string {
  let replaced = false;
  return html.replace(THIRD_PARTY_FONT_LINK, () => {
    if (replaced) return '';
    replaced = true;
    return `<link rel="stylesheet" type="text/css" href="${stylesheetHref}">`;
  });
}

/** Serves the local fonts and rewrites every HTML page the back-office sends (AdminJS's res.send, Bull Board's res.render). */
export function localFonts(router: Router, basePath: string): void {
  const stylesheet = robotoStylesheet(basePath);
  const fontsFolder = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  router.get(LOCAL_FONTS_STYLESHEET, (_req, res) => {
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=86400');
    res.send(stylesheet);
  });
  router.use(LOCAL_FONTS_FOLDER, express.static(fontsFolder, { index: false, maxAge: '1d' }));
  router.use(rewriteThirdPartyFonts(`${basePath}${LOCAL_FONTS_STYLESHEET}`));
}

function rewriteThirdPartyFonts(stylesheetHref: string): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => send(typeof body === 'string' && body.includes('fonts.g') ? withLocalFonts(body, stylesheetHref) : body);
    next();
  };
}
