import type { Content } from 'pdfmake';
import { buildInventoryReportDocument, formatInterval, licenseUsageLines } from './inventory-report-document';
import { pageLabel } from './layout';
import { findTables, renderDynamic, texts } from './testing/definition-text';
import { sampleEndpoints, sampleHosts, sampleInventory } from './testing/sample-inventory';

describe('buildInventoryReportDocument', () => {
  const report = sampleInventory(12);
  const definition = buildInventoryReportDocument(report);
  const content = texts(definition.content);

  it('titles the document with the organization and dates it at generation', () => {
    expect(definition.info).toEqual({
      title: 'Inventarbericht: Bäckerei Schmitz KG',
      subject: 'Inventarbericht',
      creationDate: report.generatedAt,
    });
    expect(content).toEqual(
      expect.arrayContaining([
        'Inventarbericht',
        'Bäckerei Schmitz KG',
        'Stand: 14.03.2025',
        'Betreut von: Müller IT-Service GmbH',
      ]),
    );
  });

  it('leaves the partner line out for an organization without one', () => {
    const own = texts(buildInventoryReportDocument(sampleInventory(1, { partnerName: null })).content);
    expect(own.some((text) => text.includes('Managed by'))).toBe(false);
    expect(own).not.toContain('null');
  });

  describe('logo', () => {
    it('shows the logo fitted into the header box', () => {
      expect(definition.images?.logo).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
      expect(JSON.stringify(definition.content)).toContain('"image":"logo","fit":[120,50]');
    });

    it('takes a JPEG by its content', () => {
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
      expect(buildInventoryReportDocument(sampleInventory(1, { logo: jpeg })).images?.logo).toMatch(/^data:image\/jpeg;base64,/);
    });

    it('heads the report with the organization name alone without one', () => {
      const plain = buildInventoryReportDocument(sampleInventory(1, { logo: null }));
      expect(plain.images).toBeUndefined();
      expect(JSON.stringify(plain.content)).not.toContain('"image"');
      expect(texts(plain.content)).toContain('Bäckerei Schmitz KG');
    });

    it('refuses anything but PNG and JPEG', () => {
      expect(() => buildInventoryReportDocument(sampleInventory(1, { logo: Buffer.from('GIF89a') }))).toThrow('PNG or JPEG');
    });
  });

  describe('licence usage', () => {
    it('shows used and booked licences of a subscription', () => {
      expect(licenseUsageLines({ used: 12, limit: 50, source: 'subscription', trialEndsAt: null }, 'de')).toEqual([
        '12 von 50 belegt',
        'Abonnement',
      ]);
      expect(content).toContain('12 von 50 belegt');
    });

    it('shows when a running trial ends', () => {
      const [, source] = licenseUsageLines({ used: 3, limit: 10, source: 'trial', trialEndsAt: new Date('2025-03-31T00:00:00Z') }, 'de');
      expect(source).toBe('Testphase bis 31.03.2025');
    });

    it('explains a limit of none, with or without an ended trial', () => {
      expect(licenseUsageLines({ used: 4, limit: 0, source: 'none', trialEndsAt: new Date('2025-02-01T00:00:00Z') }, 'de')).toEqual([
        '4 von 0 belegt',
        'Testphase am 01.02.2025 beendet, kein Abonnement',
      ]);
      expect(licenseUsageLines({ used: 0, limit: 0, source: 'none', trialEndsAt: null }, 'de')[1]).toBe('Kein Abonnement');
    });

    it('groups thousands', () => {
      expect(licenseUsageLines({ used: 1000, limit: 1250, source: 'subscription', trialEndsAt: null }, 'de')[0]).toBe('1.000 von 1.250 belegt');
    });
  });

  describe('hosts and endpoints', () => {
    const [hosts, endpoints] = findTables(definition.content, (table) => table.headerRows !== undefined);

    it('lists every host with its OS and creation day, in the order given', () => {
      expect(texts(hosts.body[0] as Content)).toEqual(['Hosts (12)']);
      expect(texts(hosts.body[1] as Content)).toEqual(['Nr.', 'Name', 'Betriebssystem', 'Angelegt']);
      expect(hosts.body).toHaveLength(2 + 12);
      expect(texts(hosts.body[2] as Content)).toEqual(['1', 'srv-0001.mueller-it.example', 'Windows Server 2022', '03.06.2024']);
      expect(texts(hosts.body[5] as Content)).toEqual(['4', 'srv-0004.mueller-it.example', '–', '03.06.2024']);
    });

    it('lists every endpoint with URL and check interval', () => {
      expect(texts(endpoints.body[0] as Content)).toEqual(['Endpunkte (3)']);
      expect(texts(endpoints.body[1] as Content)).toEqual(['Nr.', 'Name', 'URL', 'Intervall', 'Angelegt']);
      expect(texts(endpoints.body[2] as Content)).toEqual([
        '1',
        'Webshop check 1',
        'https://shop-1.baeckerei-schmitz.example/health?region=eu-central&probe=1',
        '1\u00a0min',
        '03.06.2024',
      ]);
    });

    it('repeats title and column headers on every page and never leaves them alone at the bottom of one', () => {
      for (const table of [hosts, endpoints]) {
        expect(table.headerRows).toBe(2);
        expect(table.keepWithHeaderRows).toBe(1);
      }
    });

    it('fixes every column width, names and URLs taking what the others leave of the page', () => {
      const contentWidth = 595.28 - 2 * 56;
      const padding = 4 * 2;
      expect(hosts.widths).toEqual([28, expect.any(Number), 130, 56]);
      expect(endpoints.widths).toEqual([28, 100, expect.any(Number), 44, 56]);
      for (const table of [hosts, endpoints]) {
        const widths = table.widths as number[];
        expect(widths.reduce((sum, width) => sum + width + padding, 0)).toBeCloseTo(contentWidth, 6);
      }
    });

    it('prints a line instead of an empty table', () => {
      const empty = buildInventoryReportDocument(sampleInventory(0, { hosts: [], endpoints: [] }));
      expect(findTables(empty.content, (table) => table.headerRows !== undefined)).toEqual([]);
      expect(texts(empty.content)).toEqual(
        expect.arrayContaining(['Hosts (0)', 'Keine Hosts', 'Endpunkte (0)', 'Keine Endpunkte']),
      );
    });

    it('handles 1 000 hosts as one table', () => {
      const [large] = findTables(buildInventoryReportDocument(sampleInventory(1000)).content, (table) => table.headerRows !== undefined);
      expect(large.body).toHaveLength(2 + 1000);
      expect(texts(large.body[0] as Content)).toEqual(['Hosts (1.000)']);
    });
  });

  it('formats check intervals in the largest whole unit', () => {
    const expected = ['45 s', '1 min', '5 min', '90 s', '1 h', '2 h', '90 min'].map((text) => text.replace(' ', '\u00a0'));
    expect([45, 60, 300, 90, 3600, 7200, 5400].map((seconds) => formatInterval(seconds))).toEqual(expected);
  });

  it('puts the organization, the date and page numbers in the footer', () => {
    const footer = renderDynamic(definition.footer, 2, 7);
    expect(footer).toEqual(['Bäckerei Schmitz KG · Inventarbericht · 14.03.2025', pageLabel(2, 7, 'de')]);
  });

  it('heads continuation pages with the title', () => {
    expect(renderDynamic(definition.header, 1, 2)).toEqual([]);
    expect(renderDynamic(definition.header, 2, 2)).toEqual(['Inventarbericht: Bäckerei Schmitz KG · Fortsetzung']);
  });

  it('is a pure function of its input', () => {
    const hosts = sampleHosts(3);
    const endpoints = sampleEndpoints(2);
    const copy = structuredClone({ hosts, endpoints });
    buildInventoryReportDocument(sampleInventory(3, { hosts, endpoints }));
    expect({ hosts, endpoints }).toEqual(copy);
  });

  it('is written wholly in English for an English-speaking organization', () => {
    const english = buildInventoryReportDocument(sampleInventory(3, { locale: 'en' }));
    expect(english.info).toMatchObject({ title: 'Inventory report: Bäckerei Schmitz KG' });
    expect(english.language).toBe('en-GB');
    const shown = texts(english.content);
    expect(shown).toEqual(expect.arrayContaining(['Inventory report', 'As of: 14 Mar 2025', 'Managed by: Müller IT-Service GmbH', '3 of 50 in use', 'Subscription']));
    expect(shown.join(' ')).not.toMatch(/Inventarbericht|belegt|Angelegt|\d{2}\.\d{2}\.\d{4}/);
    expect(renderDynamic(english.footer, 2, 7)).toEqual(['Bäckerei Schmitz KG · Inventory report · 14 Mar 2025', 'Page 2 of 7']);
    expect(licenseUsageLines({ used: 3, limit: 10, source: 'trial', trialEndsAt: new Date('2025-03-31T00:00:00Z') }, 'en')).toEqual(['3 of 10 in use', 'Trial until 31 Mar 2025']);
  });
});
