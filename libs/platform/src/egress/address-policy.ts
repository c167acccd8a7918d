import { BlockList, isIP } from 'node:net';

/**
 * Which IP addresses Regula may send requests to on a tenant's behalf (webhooks):
 * public internet addresses only. Everything in the IANA special-purpose registries
 * (RFC 6890 and successors) is refused, so a tenant's URL cannot make our servers
 * talk to themselves, to the cloud's metadata service or to the private network
 * they sit in. Ranges are matched by Node's own BlockList, not by hand.
 */
export type AddressClass =
  | 'metadata' | 'loopback' | 'unspecified' | 'link-local' | 'private' | 'shared' | 'multicast' | 'broadcast' | 'reserved';

/** Words for each class, after "…is " / "…resolves to ". */
export const ADDRESS_CLASS_TEXT: Record<AddressClass, string> = {
  metadata: 'a cloud metadata address',
  loopback: 'a loopback address',
  unspecified: 'an unspecified ("this network") address',
  'link-local': 'a link-local address',
  private: 'a private network address',
  shared: 'a shared (CGNAT) address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved or special-purpose address',
};

type Range = [prefix: string, bits: number];

/** Checked in this order: the first class that matches names the address (metadata lies inside link-local and fc00::/7). */
const RANGES: [AddressClass, Range[], Range[]][] = [
  // AWS, GCP, Azure, OpenStack: 169.254.169.254; AWS over IPv6 (Nitro): fd00:ec2::254.
  ['metadata', [['169.254.169.254', 32]], [['fd00:ec2::254', 128]]],
  ['loopback', [['127.0.0.0', 8]], [['::1', 128]]],
  ['unspecified', [['0.0.0.0', 8]], [['::', 128]]],
  ['link-local', [['169.254.0.0', 16]], [['fe80::', 10]]],
  // RFC 1918; unique local fc00::/7 (RFC 4193) and the deprecated site-local fec0::/10.
  ['private', [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]], [['fc00::', 7], ['fec0::', 10]]],
  // RFC 6598: carrier-grade NAT, and the address space of some clouds' internal services.
  ['shared', [['100.64.0.0', 10]], []],
  ['multicast', [['224.0.0.0', 4]], [['ff00::', 8]]],
  ['broadcast', [['255.255.255.255', 32]], []],
  [
    'reserved',
    // IETF protocol assignments, documentation (TEST-NET-1/2/3), 6to4 relay, benchmarking, class E.
    [['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['240.0.0.0', 4]],
    // IPv4-compatible (deprecated, ::a.b.c.d), NAT64 (reaches IPv4 behind a translator, so any IPv4 range),
    // discard, IETF protocol assignments incl. Teredo, documentation, 6to4 (embeds an IPv4 address).
    [['::', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['2002::', 16], ['3fff::', 20]],
  ],
];

const LISTS: [AddressClass, BlockList][] = RANGES.map(([cls, v4, v6]) => {
  const list = new BlockList();
  for (const [prefix, bits] of v4) list.addSubnet(prefix, bits, 'ipv4');
  for (const [prefix, bits] of v6) list.addSubnet(prefix, bits, 'ipv6');
  return [cls, list];
});

/** IPv6 global unicast (RFC 4291): any other IPv6 address is not assigned for the internet. */
const GLOBAL_UNICAST_V6 = new BlockList();
GLOBAL_UNICAST_V6.addSubnet('2000::', 3, 'ipv6');

/**
 * An address in canonical text, with an IPv4-mapped IPv6 address (::ffff:a.b.c.d,
 * ::ffff:7f00:1) turned into the IPv4 address it stands for: a socket to it reaches
 * that IPv4 address, so it is judged as one. Null when `ip` is not an IP address.
 */
export function canonicalAddress(ip: string): { address: string; family: 4 | 6 } | null {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const family = isIP(bare);
  if (family === 4) return { address: bare, family: 4 };
  if (family !== 6) return null;
  let canonical: string;
  try {
    // The URL parser writes IPv6 in its shortest canonical form (RFC 5952).
    canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return null; // e.g. a zone id (fe80::1%eth0)
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return { address: canonical, family: 6 };
  const hi = parseInt(mapped[1], 16);
  const lo = parseInt(mapped[2], 16);
  return { address: [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.'), family: 4 };
}

/** Why Regula must not connect to `ip`, or null when it is a public internet address. */
export function addressClass(ip: string): AddressClass | null {
  const c = canonicalAddress(ip);
  if (!c) return 'reserved';
  const type = c.family === 4 ? 'ipv4' : 'ipv6';
  for (const [cls, list] of LISTS) if (list.check(c.address, type)) return cls;
  if (c.family === 6 && !GLOBAL_UNICAST_V6.check(c.address, 'ipv6')) return 'reserved';
  return null;
}
