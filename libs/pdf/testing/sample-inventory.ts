// Sample inventory reports for specs, the render benchmark and eyeballing the layout. Not exported
// from libs/pdf/index.ts: import it by path.
import type { InventoryEndpoint, InventoryHost, InventoryReportData } from '../inventory-report-data';
import { sampleLogoPng } from './sample-invoice';

const OPERATING_SYSTEMS = ['Windows Server 2022', 'Ubuntu 24.04 LTS', 'Debian 12 (bookworm)', null, 'Red Hat Enterprise Linux 9.4'];
const FIRST_CREATED = Date.parse('2024-06-03T08:00:00Z');
const HOUR = 3_600_000;

/** Every 50th host has a long name without spaces, to show that names wrap inside their column. */
export function sampleHostName(index: number): string {
  const number = String(index + 1).padStart(4, '0');
  return index % 50 === 7 ? `srv-${number}-backup-replica-frankfurt-rz2.mueller-it-service.customers.internal.example.com` : `srv-${number}.mueller-it.example`;
}

export function sampleHosts(count: number): InventoryHost[] {
  return Array.from({ length: count }, (_, index) => ({
    name: sampleHostName(index),
    os: OPERATING_SYSTEMS[index % OPERATING_SYSTEMS.length],
    createdAt: new Date(FIRST_CREATED + index * 5 * HOUR),
  }));
}

export function sampleEndpoints(count: number): InventoryEndpoint[] {
  return Array.from({ length: count }, (_, index) => ({
    name: `Webshop check ${index + 1}`,
    url: `https://shop-${index + 1}.baeckerei-schmitz.example/health?region=eu-central&probe=${index + 1}`,
    intervalSeconds: [60, 300, 45, 3600][index % 4],
    createdAt: new Date(FIRST_CREATED + index * 7 * HOUR),
  }));
}

/** `hostCount` hosts, a quarter as many endpoints, a subscription that covers them all and a PNG logo. */
export function sampleInventory(hostCount = 20, overrides: Partial<InventoryReportData> = {}): InventoryReportData {
  const hosts = overrides.hosts ?? sampleHosts(hostCount);
  return {
    locale: 'de',
    organizationName: 'Bäckerei Schmitz KG',
    partnerName: 'Müller IT-Service GmbH',
    generatedAt: new Date('2025-03-14T10:15:00Z'),
    logo: sampleLogoPng(),
    licenses: { used: hosts.length, limit: Math.max(50, Math.ceil(hosts.length / 50) * 50), source: 'subscription', trialEndsAt: null },
    hosts,
    endpoints: sampleEndpoints(Math.ceil(hostCount / 4)),
    ...overrides,
  };
}
