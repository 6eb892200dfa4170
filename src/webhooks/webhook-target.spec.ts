import { WebhookTargetPolicy, checkTarget, parseAllowedNetworks, refusedAddress, refusedUrl } from './webhook-target';

const STRICT: WebhookTargetPolicy = { allowHttp: false, allowedNetworks: [] };
const LOCAL_DEVELOPMENT: WebhookTargetPolicy = { allowHttp: true, allowedNetworks: parseAllowedNetworks('127.0.0.0/8, ::1/128') };

describe('webhook targets', () => {
  it.each([
    ['93.184.215.14', null],
    ['2606:4700:4700::1111', null],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.178.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['169.254.169.254', 'linkLocal'],
    ['100.100.100.200', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'loopback'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
  ])('%s is refused as %s', (address, range) => {
    expect(refusedAddress(address, STRICT)).toBe(range === null ? null : `${address} is a ${range} address`);
  });

  it('allows configured networks only', () => {
    expect(refusedAddress('127.0.0.1', LOCAL_DEVELOPMENT)).toBeNull();
    expect(refusedAddress('::1', LOCAL_DEVELOPMENT)).toBeNull();
    expect(refusedAddress('10.0.0.1', LOCAL_DEVELOPMENT)).toMatch(/private/);
  });

  it.each([
    ['https://hooks.example.com/x', STRICT, null],
    ['http://hooks.example.com/x', STRICT, /http targets are not allowed/],
    ['http://127.0.0.1:8080/x', LOCAL_DEVELOPMENT, null],
    ['https://[fd00::1]/x', STRICT, /uniqueLocal/],
    ['https://user:pw@hooks.example.com/x', STRICT, /credentials/],
  ] as const)('%s', (url, policy, refusal) => {
    const reason = refusedUrl(new URL(url), policy);
    if (refusal === null) expect(reason).toBeNull();
    else expect(reason).toMatch(refusal);
  });

  it('judges a name by every address it resolves to', async () => {
    expect(await checkTarget(new URL('https://localhost/x'), STRICT)).toMatch(/localhost resolves to a refused address: .* loopback/);
    expect(await checkTarget(new URL('http://localhost:3000/x'), { allowHttp: true, allowedNetworks: parseAllowedNetworks('127.0.0.0/8,::1/128') })).toBeNull();
  });
});
