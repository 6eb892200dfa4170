// Sample invoices for specs, the render benchmark and eyeballing the layout. Not exported from
// libs/pdf/index.ts: import it by path.
import { crc32, deflateSync } from 'node:zlib';
import { PNG_SIGNATURE } from '../../branding/image-type';
import type { InvoiceDocumentData, InvoiceLineData } from '../invoice-data';

const DESCRIPTIONS = ['Monitoring Business (25 Lizenzen / licences)', 'Add-on: Erweiterte Berichte / Extended reports', 'Add-on: 10 zusätzliche Hosts / additional hosts'];

export function sampleLines(count: number): InvoiceLineData[] {
  return Array.from({ length: count }, (_, index) => {
    const quantity = (index % 3) + 1;
    const unitPriceCents = 4_990 + index * 1_000;
    const prorated = index % 4 === 2;
    return {
      description: `${DESCRIPTIONS[index % DESCRIPTIONS.length]}${prorated ? ' (anteilig / pro rata)' : ''}`,
      quantity,
      unitPriceCents,
      totalCents: quantity * unitPriceCents,
      ...(prorated ? { periodStart: new Date('2025-03-12T00:00:00Z'), periodEnd: new Date('2025-04-01T00:00:00Z') } : {}),
    };
  });
}

export function sampleInvoice(lineCount = 3, overrides: Partial<InvoiceDocumentData> = {}): InvoiceDocumentData {
  const lines = overrides.lines ?? sampleLines(lineCount);
  const netCents = lines.reduce((sum, line) => sum + line.totalCents, 0);
  const vatRatePercent = overrides.vatRatePercent ?? 19;
  const taxCents = Math.round((netCents * vatRatePercent) / 100);
  return {
    locale: 'de',
    seller: {
      name: 'Sentinel Platform GmbH',
      street: 'Hafenstraße 12',
      postalCode: '20457',
      city: 'Hamburg',
      country: 'DE',
      email: 'billing@sentinel.example',
      vatId: 'DE123456789',
      phone: '+49 40 1234567',
      bank: { name: 'Hamburger Sparkasse', iban: 'DE02200505501015871393', bic: 'HASPDEHHXXX' },
    },
    recipient: {
      name: 'Müller IT-Service GmbH',
      street: 'Königsallee 7',
      postalCode: '40212',
      city: 'Düsseldorf',
      country: 'DE',
      email: 'buchhaltung@mueller-it.example',
    },
    number: '2025-000042',
    issuedAt: new Date('2025-03-01T09:30:00Z'),
    dueAt: new Date('2025-03-15T09:30:00Z'),
    payment: { method: 'credit-transfer' },
    buyerReference: '0193a4c2-e1b8-7d4f-a9c3-e2b1d0f7a58e',
    periodStart: new Date('2025-03-01T00:00:00Z'),
    periodEnd: new Date('2025-04-01T00:00:00Z'),
    customerName: 'Bäckerei Schmitz KG',
    lines,
    netCents,
    vatRatePercent,
    taxCents,
    grossCents: netCents + taxCents,
    currency: 'EUR',
    ...overrides,
  };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG logo without an image library: a coloured bar with a lighter stripe, 8-bit RGB. */
export function sampleLogoPng(width = 240, height = 80): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = (y: number) => {
    const pixels = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const stripe = y > height * 0.4 && y < height * 0.6 && x > width * 0.1;
      pixels.set(stripe ? [120, 190, 255] : [20, 70, 140], 1 + x * 3);
    }
    return pixels;
  };
  const raw = Buffer.concat(Array.from({ length: height }, (_, y) => row(y)));
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
