import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLocalFonts } from './local-fonts';

// The installed templates themselves (their packages' exports hide these files from require.resolve).
const installed = (path: string) => join(__dirname, '..', '..', '..', 'node_modules', path);
const LOCAL = '/admin/frontend/assets/local-fonts/roboto.css';

describe('withLocalFonts', () => {
  it.each([
    ['AdminJS layout', installed('adminjs/lib/frontend/layout-template.js')],
    ['AdminJS login', installed('adminjs/lib/frontend/login-template.js')],
    ['Bull Board', installed('@bull-board/ui/dist/index.ejs')],
  ])('leaves no third-party font link in the %s page', (_name, template) => {
    const page = readFileSync(template, 'utf8');
    expect(page).toContain('fonts.googleapis.com');
    const rewritten = withLocalFonts(page, LOCAL);
    expect(rewritten).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
    expect(rewritten.split(LOCAL)).toHaveLength(2);
  });

  it('leaves a page without such links as it is', () => {
    const page = '<html><head><link rel="stylesheet" href="/admin/x.css"></head></html>';
    expect(withLocalFonts(page, LOCAL)).toBe(page);
  });
});
