import { LookupAddress, lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Which webhook targets configuration allows beyond public https ones. */
export interface WebhookTargetPolicy {
  /** Plain http targets (for development and tests). */
  allowHttp: boolean;
  /** Networks allowed although not public, e.g. 127.0.0.0/8 for a receiver on the same host. */
  allowedNetworks: ReadonlyArray<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

/** Parses WEBHOOK_ALLOWED_NETWORKS: CIDRs separated by commas. Throws on a malformed entry. */
export function parseAllowedNetworks(list: string): WebhookTargetPolicy['allowedNetworks'] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((cidr) => ipaddr.parseCIDR(cidr));
}

/**
 * Why an address may not be a webhook target, or null when it may: every range but public unicast
 * is refused (private, loopback, link-local including cloud metadata at 169.254.169.254, unique
 * local, carrier-grade NAT, multicast, reserved …), IPv4 inside IPv6 judged as the IPv4 address.
 */
export function refusedAddress(address: string, policy: WebhookTargetPolicy): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const ip = ipaddr.process(address);
  if (policy.allowedNetworks.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits))) return null;
  const range = ip.range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

/** Why a URL may not be a webhook target as written (scheme, credentials, an address literal), or null. DNS names are judged when resolved. */
export function refusedUrl(url: URL, policy: WebhookTargetPolicy): string | null {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp)) return `${url.protocol.replace(':', '')} targets are not allowed, use https`;
  if (url.username || url.password) return 'credentials in the URL are not allowed; verify the signature instead';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? refusedAddress(host, policy) : null;
}

export class RefusedTargetError extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for sockets to webhook targets: resolves the name and refuses to connect when any of
 * its addresses is refused, so a name that resolves (or is rebound) to a private address after it
 * was checked is still not reached. Redirects connect through it too.
 */
export function guardedLookup(policy: WebhookTargetPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true, family: options.family as number | undefined }, (error, addresses) => {
      if (error) return callback(error, []);
      const refusal = addresses.map((entry) => refusedAddress(entry.address, policy)).find((reason) => reason !== null);
      if (refusal) return callback(new RefusedTargetError(`${hostname} resolves to a refused address: ${refusal}`), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Checks a target before it is saved: allowed as written, and every address its name resolves to allowed. */
export async function checkTarget(url: URL, policy: WebhookTargetPolicy): Promise<string | null> {
  const refusal = refusedUrl(url, policy);
  if (refusal) return refusal;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return null;
  return new Promise((resolve) => {
    guardedLookup(policy)(host, { all: true }, (error) => {
      if (!error) return resolve(null);
      resolve(error instanceof RefusedTargetError ? error.message : `${host} cannot be resolved (${error.code ?? error.message})`);
    });
  });
}
