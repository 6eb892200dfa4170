import type { Content } from 'pdfmake';
import { buildInvoiceDocument } from './invoice-document';
import { imageDataUrl, pageLabel } from './layout';
import { formatMoney } from './money';
import { findTables, renderDynamic, texts } from './testing/definition-text';
import { sampleInvoice, sampleLines, sampleLogoPng } from './testing/sample-invoice';

describe('buildInvoiceDocument', () => {
  const invoice = sampleInvoice(3);
  const definition = buildInvoiceDocument(invoice);
  const content = texts(definition.content);

  it('titles the document with the invoice number and dates it at issue', () => {
    expect(definition.info).toEqual({
      title: 'Rechnung 2025-000042',
      subject: 'Rechnung 2025-000042',
      author: 'Sentinel Platform GmbH',
      creationDate: invoice.issuedAt,
    });
    expect(content).toContain('Rechnung 2025-000042');
  });

  it('titles a credit note as a Rechnungskorrektur and names the invoice it corrects', () => {
    const creditNote = sampleInvoice(1, {
      number: '2025-000043',
      corrects: { number: '2025-000042', issuedAt: new Date('2025-03-01T10:00:00.000Z') },
      netCents: -1000,
      taxCents: -190,
      grossCents: -1190,
    });
    const shown = texts(buildInvoiceDocument(creditNote).content);
    expect(buildInvoiceDocument(creditNote).info?.title).toBe('Rechnungskorrektur 2025-000043');
    expect(shown).toEqual(
      expect.arrayContaining(['Korrigiert Rechnung', '2025-000042 (01.03.2025)', 'Korrekturbetrag', formatMoney(-1190)]),
    );
    expect(shown.some((text) => text.startsWith('Rechnung '))).toBe(false);
  });

  it('addresses the recipient and names the customer organization', () => {
    expect(content).toEqual(expect.arrayContaining(['Müller IT-Service GmbH', 'Königsallee 7', '40212 Düsseldorf', 'Deutschland']));
    expect(content).toContain('Kunde: Bäckerei Schmitz KG');
  });

  it('leaves the customer line out when the recipient is the customer itself', () => {
    const own = texts(buildInvoiceDocument(sampleInvoice(3, { customerName: undefined })).content);
    expect(own.some((text) => text.startsWith('Kunde'))).toBe(false);
  });

  it('prints the invoice date and the service period with its last day', () => {
    expect(content).toEqual(expect.arrayContaining(['01.03.2025', '01.03.2025 – 31.03.2025']));
  });

  it('lists every line with quantity, unit price and total, and a line period when it has one', () => {
    const [table] = findTables(definition.content, (candidate) => candidate.headerRows === 1);
    expect(table.body).toHaveLength(invoice.lines.length + 1);
    expect(texts(table.body[0] as Content)).toEqual(['Pos.', 'Beschreibung', 'Menge', 'Einzelpreis', 'Gesamt']);
    expect(texts(table.body[3] as Content)).toEqual([
      '3',
      'Add-on: 10 zusätzliche Hosts / additional hosts (anteilig / pro rata)',
      '12.03.2025 – 31.03.2025',
      '3',
      formatMoney(6_990),
      formatMoney(20_970),
    ]);
  });

  it('shows net, VAT with its rate and gross as given, without recomputing them', () => {
    const odd = sampleInvoice(1, { netCents: 1_000, vatRatePercent: 7, taxCents: 70, grossCents: 1_070 });
    const oddTexts = texts(buildInvoiceDocument(odd).content);
    expect(oddTexts).toEqual(
      expect.arrayContaining(['Nettobetrag', '10,00\u00a0€', 'USt. 7\u00a0%', '0,70\u00a0€', 'Rechnungsbetrag', '10,70\u00a0€']),
    );
    expect(content).toContain(formatMoney(invoice.grossCents));
  });

  it('repeats the table header on every page of a long invoice', () => {
    const long = buildInvoiceDocument(sampleInvoice(250));
    const [table] = findTables(long.content, (candidate) => candidate.headerRows === 1);
    expect(table.body).toHaveLength(251);
  });

  it('puts page numbers and the seller details in the footer', () => {
    const footer = renderDynamic(definition.footer, 2, 3);
    expect(footer).toContain(pageLabel(2, 3, 'de'));
    expect(pageLabel(2, 3, 'de')).toBe('Seite 2 von 3');
    expect(footer).toEqual(expect.arrayContaining(['Sentinel Platform GmbH', 'USt-IdNr.: DE123456789', 'Hamburger Sparkasse', 'IBAN DE02 2005 0550 1015 8713 93', 'BIC HASPDEHHXXX']));
  });

  it('heads continuation pages with the invoice number', () => {
    expect(renderDynamic(definition.header, 1, 2)).toEqual([]);
    expect(renderDynamic(definition.header, 2, 2).join(' ')).toContain('2025-000042');
  });

  it('omits optional seller details that are not configured', () => {
    const bare = sampleInvoice(1, { seller: { name: 'Vendor', street: 'Street 1', postalCode: '12345', city: 'City', country: 'DE' } });
    const all = [...texts(buildInvoiceDocument(bare).content), ...renderDynamic(buildInvoiceDocument(bare).footer, 1, 1)];
    expect(all.some((text) => text.includes('VAT ID'))).toBe(false);
    expect(all).not.toContain('undefined');
  });

  describe('logo', () => {
    it('prints the seller name in the header without one', () => {
      expect(definition.images).toBeUndefined();
      expect(JSON.stringify(definition.content)).not.toContain('"image"');
    });

    it('embeds a PNG as a data URL shown in the header', () => {
      const withLogo = buildInvoiceDocument(sampleInvoice(1, { logo: sampleLogoPng() }));
      expect(withLogo.images?.logo).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
      expect(JSON.stringify(withLogo.content)).toContain('"image":"logo"');
    });

    it('recognizes JPEG by its content', () => {
      expect(imageDataUrl(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatch(/^data:image\/jpeg;base64,/);
    });

    it('refuses anything else', () => {
      expect(() => buildInvoiceDocument(sampleInvoice(1, { logo: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') }))).toThrow(
        'PNG or JPEG',
      );
    });
  });

  it('is a pure function of its input', () => {
    const lines = sampleLines(3);
    const copy = structuredClone(lines);
    buildInvoiceDocument(sampleInvoice(3, { lines }));
    expect(lines).toEqual(copy);
  });

  it('is written wholly in English for an English-speaking recipient: labels, dates, amounts, page numbers', () => {
    const english = sampleInvoice(3, { locale: 'en', netCents: 123_456, vatRatePercent: 19, taxCents: 23_457, grossCents: 146_913 });
    const definition = buildInvoiceDocument(english);
    const shown = texts(definition.content);
    expect(definition.info?.title).toBe('Invoice 2025-000042');
    expect(definition.language).toBe('en-GB');
    expect(shown).toEqual(expect.arrayContaining(['Invoice no.', 'Invoice date', 'Service period', 'Net amount', '€1,234.56', 'VAT 19%', 'Total due', '€1,469.13']));
    expect(shown).toEqual(expect.arrayContaining(['Customer: Bäckerei Schmitz KG']));
    expect(shown.join(' ')).not.toMatch(/Rechnung|Nettobetrag|Leistungszeitraum|\d{2}\.\d{2}\.\d{4}/);
    expect(renderDynamic(definition.footer, 2, 3)).toEqual(expect.arrayContaining(['Page 2 of 3', 'VAT ID: DE123456789']));
  });

  it('states when an invoice is due and how it is paid: transfer, SEPA direct debit with its mandate, card; a credit note is refunded', () => {
    const shown = texts(buildInvoiceDocument(sampleInvoice(1)).content);
    expect(shown).toEqual(
      expect.arrayContaining([
        'Fällig am',
        '15.03.2025',
        'Bitte überweisen Sie den Betrag ohne Abzug bis 15.03.2025 unter Angabe der Rechnungsnummer 2025-000042 auf unser Konto IBAN DE02 2005 0550 1015 8713 93.',
      ]),
    );
    const english = texts(buildInvoiceDocument(sampleInvoice(1, { locale: 'en' })).content);
    expect(english).toEqual(expect.arrayContaining(['Due date', '15 Mar 2025', 'Please transfer the amount without deduction by 15 Mar 2025 to our account IBAN DE02 2005 0550 1015 8713 93, quoting invoice number 2025-000042.']));
    const mandate = { method: 'sepa-direct-debit', mandateReference: 'PH0193A4C2E1B87D4F', creditorId: 'DE98ZZZ09999999999', account: 'DE89 •••• •••• •••• •••• 3000' } as const;
    expect(texts(buildInvoiceDocument(sampleInvoice(1, { payment: mandate })).content)).toEqual(
      expect.arrayContaining([
        'Der Betrag wird am 15.03.2025 per SEPA-Lastschrift von Ihrem Konto DE89 •••• •••• •••• •••• 3000 eingezogen (Mandatsreferenz PH0193A4C2E1B87D4F, Gläubiger-ID DE98ZZZ09999999999).',
      ]),
    );
    expect(texts(buildInvoiceDocument(sampleInvoice(1, { locale: 'en', payment: { method: 'card', card: 'Visa •••• 4242', last4: '4242', network: 'visa' } })).content)).toEqual(
      expect.arrayContaining(['The amount will be charged to your card Visa •••• 4242 on 15 Mar 2025.']),
    );
    const creditNote = sampleInvoice(1, { dueAt: null, payment: mandate, corrects: { number: '2025-000042', issuedAt: new Date('2025-03-01T00:00:00Z') } });
    const credited = texts(buildInvoiceDocument(creditNote).content);
    expect(credited).toEqual(expect.arrayContaining(['Der Betrag wird auf dem Zahlungsweg der Rechnung 2025-000042 erstattet.']));
    expect(credited.join(' ')).not.toMatch(/Fällig|überweisen|eingezogen|Grund der Korrektur/);
    const withReason = texts(buildInvoiceDocument({ ...creditNote, creditReason: 'Doppelt gebucht & storniert' }).content);
    expect(withReason).toEqual(expect.arrayContaining(['Grund der Korrektur: Doppelt gebucht & storniert']));
  });

  it('prints the seller\'s tax number when it has no VAT ID', () => {
    const seller = { ...sampleInvoice(1).seller, vatId: undefined, taxNumber: '143/123/45678' };
    const definition = buildInvoiceDocument(sampleInvoice(1, { seller }));
    expect(renderDynamic(definition.footer, 1, 1)).toEqual(expect.arrayContaining(['Steuernummer: 143/123/45678']));
    expect(renderDynamic(definition.footer, 1, 1).join(' ')).not.toContain('USt-IdNr.');
  });

  it('prints the recipient\'s VAT ID under its address when it has one', () => {
    const invoice = sampleInvoice(1, { recipient: { ...sampleInvoice(1).recipient, vatId: 'ATU12345678' } });
    expect(texts(buildInvoiceDocument(invoice).content)).toEqual(expect.arrayContaining(['Ihre USt-IdNr.: ATU12345678']));
    expect(texts(buildInvoiceDocument(sampleInvoice(1)).content).join(' ')).not.toContain('Ihre USt-IdNr.');
  });

  it('says why there is no German VAT: reverse charge, or a recipient outside the EU', () => {
    const reverse = texts(buildInvoiceDocument(sampleInvoice(1, { vatNote: 'reverse-charge' })).content);
    expect(reverse).toEqual(expect.arrayContaining(['Steuerschuldnerschaft des Leistungsempfängers (Reverse charge).']));
    const abroad = texts(buildInvoiceDocument(sampleInvoice(1, { locale: 'en', vatNote: 'outside-eu' })).content);
    expect(abroad).toEqual(expect.arrayContaining(['Not taxable in Germany: the service is supplied to a recipient outside the EU.']));
    expect(texts(buildInvoiceDocument(sampleInvoice(1)).content).join(' ')).not.toMatch(/Steuerschuldnerschaft|Nicht im Inland/);
  });
});
