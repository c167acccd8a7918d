import { addressClass, canonicalAddress } from './address-policy';

describe('egress address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback'], ['::1', 'loopback'], ['[::1]', 'loopback'], ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['0:0:0:0:0:ffff:7f00:0001', 'loopback'],
    ['0.0.0.0', 'unspecified'], ['0.1.2.3', 'unspecified'], ['::', 'unspecified'], ['::ffff:0.0.0.0', 'unspecified'],
    ['169.254.169.254', 'metadata'], ['fd00:ec2::254', 'metadata'], ['::ffff:169.254.169.254', 'metadata'],
    ['169.254.0.1', 'link-local'], ['fe80::1', 'link-local'], ['febf::1', 'link-local'],
    ['10.0.0.1', 'private'], ['10.255.255.255', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.0.1', 'private'],
    ['::ffff:10.1.2.3', 'private'], ['::ffff:c0a8:101', 'private'], ['fc00::1', 'private'], ['fd12:3456::1', 'private'], ['fec0::1', 'private'],
    ['100.64.0.1', 'shared'], ['100.127.255.254', 'shared'],
    ['224.0.0.1', 'multicast'], ['239.255.255.250', 'multicast'], ['ff02::1', 'multicast'], ['::ffff:224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'], ['192.0.2.1', 'reserved'], ['198.18.0.1', 'reserved'], ['203.0.113.5', 'reserved'],
    ['::127.0.0.1', 'reserved'], ['64:ff9b::7f00:1', 'reserved'], ['2002:7f00:1::', 'reserved'], ['2001:db8::1', 'reserved'], ['2001::1', 'reserved'],
    ['100::1', 'reserved'], ['4000::1', 'reserved'], ['fe80::1%eth0', 'reserved'], ['not-an-ip', 'reserved'],
  ])('refuses %s as %s', (ip, cls) => {
    expect(addressClass(ip)).toBe(cls);
  });

  it.each(['93.184.216.34', '1.1.1.1', '172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '169.253.255.255', '2a00:1450:4001:82a::200e', '::ffff:93.184.216.34'])(
    'lets the public address %s through',
    (ip) => {
      expect(addressClass(ip)).toBeNull();
    },
  );

  it('judges an IPv4-mapped IPv6 address as the IPv4 address it reaches', () => {
    expect(canonicalAddress('::ffff:127.0.0.1')).toEqual({ address: '127.0.0.1', family: 4 });
    expect(canonicalAddress('[::FFFF:7F00:1]')).toEqual({ address: '127.0.0.1', family: 4 });
    expect(canonicalAddress('::ffff:93.184.216.34')).toEqual({ address: '93.184.216.34', family: 4 });
    expect(canonicalAddress('2A00:1450:0:0::1')).toEqual({ address: '2a00:1450::1', family: 6 });
    expect(canonicalAddress('crm.example.lv')).toBeNull();
  });
});
