/**
 * fast-check generators of wizard forms for the differential test: mostly values a user could type or pick,
 * with invalid ones mixed in (bad names, CIDRs with host bits or garbage, VLANs and MTUs around the bounds), so
 * both the validator's and the API server's "refuse" paths are exercised. Ideas from udn.cel.test.ts.
 */
import fc from 'fast-check';
import type { NADForm } from '../../src/domain/manifests/nad';
import { BOND_MODES, type NNCPForm } from '../../src/domain/manifests/nncp';
import {
  SRIOV_NAMESPACE,
  type SriovNetworkForm,
  type SriovPolicyForm,
} from '../../src/domain/manifests/sriov';
import type { UDNForm } from '../../src/domain/manifests/udn';

/** The namespace the namespaced kinds (except SR-IOV) are dry-run in; the test creates it. */
export const TEST_NAMESPACE = 'differential';

/** `good` six times as often as `bad`. */
export const pick = <T>(good: readonly T[], bad: readonly T[] = []): fc.Arbitrary<T> =>
  bad.length
    ? fc.oneof(
        { arbitrary: fc.constantFrom(...good), weight: 6 },
        { arbitrary: fc.constantFrom(...bad), weight: 1 },
      )
    : fc.constantFrom(...good);

const maybe = <T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined, freq });

/** Drops undefined entries, so optional form fields are really absent. */
const compact = <T>(form: object): T =>
  Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined)) as T;

// A "dt" prefix keeps generated names clear of the seeded objects (a dry run still answers 409 on a clash).
const goodName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/).map((s) => `dt${s}`.slice(0, 63));
const badName = fc.constantFrom(
  '',
  ' ',
  'Blue',
  'a_b',
  '-a',
  'a-',
  'a.b',
  'dt.x.y',
  ` dt-pad `,
  `dt${'x'.repeat(61)}`, // 63: still a label
  `dt${'x'.repeat(62)}`, // 64
  `dt${'x'.repeat(252)}`, // 254
  'dt-ü',
);
export const name = fc.oneof({ arbitrary: goodName, weight: 8 }, { arbitrary: badName, weight: 2 });

const byte = fc.integer({ min: 0, max: 255 });

/** IPv4 CIDRs, mostly private; 8 in 10 have the host bits masked off. */
const v4 = fc
  .record({
    a: fc.constantFrom(10, 10, 172, 192, 100, 169),
    b: byte,
    c: byte,
    d: byte,
    prefix: fc.integer({ min: 8, max: 32 }),
    clean: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ a, b, c, d, prefix, clean }) => {
    const n = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    const masked = clean < 8 && prefix > 0 ? (n & (~0 << (32 - prefix))) >>> 0 : n;
    const ip = [24, 16, 8, 0].map((s) => (masked >>> s) & 255).join('.');
    return `${ip}/${prefix}`;
  });

/** IPv6 CIDRs under fd00::/8 (ULA); mostly without host bits. */
const v6 = fc
  .record({
    g1: fc.integer({ min: 0xfd00, max: 0xfdff }),
    g2: fc.integer({ min: 0, max: 0xffff }),
    g3: fc.integer({ min: 0, max: 0xffff }),
    host: fc.integer({ min: 0, max: 9 }),
    prefix: fc.constantFrom(32, 48, 56, 60, 64, 64, 64, 80, 96, 112, 120, 127, 128),
  })
  .map(({ g1, g2, g3, host, prefix }) => {
    const hex = (n: number) => n.toString(16);
    const groups = prefix >= 48 ? `${hex(g1)}:${hex(g2)}:${hex(g3)}` : `${hex(g1)}:${hex(g2)}`;
    const base = prefix < 48 ? `${hex(g1)}::` : `${groups}::`;
    return host < 8 ? `${base}/${prefix}` : `${groups}::1/${prefix}`;
  });

const garbageCidr = fc.constantFrom(
  '',
  'x',
  '10.0.0.0',
  '10.0.0.0/',
  '10.0.0.0/33',
  '300.1.1.0/24',
  '10.01.0.0/16',
  ' 10.210.0.0/16 ',
  '10.210.0.0/16,10.211.0.0/16',
  '::ffff:10.0.0.0/104',
  'fd00::/129',
  'fd00:::/64',
  '1.2.3.4/24/5',
  '100.64.0.0/16', // OVN join
  '100.65.0.0/16', // primary UDN join
  '169.254.0.0/17', // masquerade
  '0.0.0.0/0',
  '::/0',
);

const fixedCidr = fc.constantFrom(
  '10.200.0.0/16',
  '10.201.0.0/24',
  '192.168.0.0/16',
  '172.16.0.0/12',
  'fd20::/64',
  'fd21::/48',
  '10.200.5.0/24',
);

export const cidr: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fixedCidr, weight: 4 },
  { arbitrary: v4, weight: 4 },
  { arbitrary: v6, weight: 3 },
  { arbitrary: garbageCidr, weight: 2 },
);

const cidrList = (max: number) => fc.array(cidr, { minLength: 0, maxLength: max });

export const vlan = fc.constantFrom(-1, 0, 1, 2, 100, 4093, 4094, 4095, 4096, 1.5);
export const mtu = fc.constantFrom(
  0,
  575,
  576,
  577,
  1000,
  1279,
  1280,
  1400,
  1500,
  9000,
  65535,
  65536,
  65537,
  1.5,
);

const physnet = pick(
  ['physnet', 'localnet1', 'tenant-blue', 'a'.repeat(253)],
  ['', ' ', 'a:b', 'a,b', 'a'.repeat(254), ' physnet '],
);

// ---- UDN / CUDN ----

const selector = pick<UDNForm['namespaceSelector']>(
  [
    { matchLabels: { team: 'a' } },
    { matchLabels: { 'kubernetes.io/metadata.name': 'tenant-a' } },
    { matchExpressions: [{ key: 'team', operator: 'In', values: ['a', 'b'] }] },
    { matchExpressions: [{ key: 'team', operator: 'Exists' }] },
  ],
  [
    undefined,
    {},
    { matchLabels: {} },
    { matchLabels: { 'bad key!': 'x' } },
    { matchLabels: { team: 'bad value!' } },
    { matchExpressions: [{ key: 'team', operator: 'In', values: [] }] },
    { matchExpressions: [{ key: 'team', operator: 'Exists', values: ['x'] }] },
  ],
);

const udnForm = (scope: UDNForm['scope']): fc.Arbitrary<UDNForm> =>
  fc
    .record({
      name,
      namespace: pick([TEST_NAMESPACE], ['', 'Bad_NS', 'no-such-namespace', ` ${TEST_NAMESPACE}`]),
      namespaceSelector: selector,
      topology:
        scope === 'cluster'
          ? fc.constantFrom('Layer2' as const, 'Layer3' as const, 'Localnet' as const)
          : pick(['Layer2' as const, 'Layer3' as const], ['Localnet' as const]),
      role: fc.constantFrom('Primary' as const, 'Secondary' as const),
      subnets: fc.array(
        fc.record({
          cidr,
          hostSubnet: pick([undefined, undefined, undefined, 24, 64], [0, 8, 16, 31, 32, 120, 127, 128, 1.5]),
        }),
        { minLength: 0, maxLength: 3 },
      ),
      joinSubnets: maybe(
        fc.oneof(
          fc.constantFrom(['100.70.0.0/16'], ['100.70.0.0/16', 'fd70::/64'], ['fd70::/64', 'fd71::/64'], []),
          cidrList(3),
        ),
        3,
      ),
      excludeSubnets: maybe(
        fc.oneof(fc.constantFrom(['10.200.0.0/30'], ['10.200.0.1/32', 'fd20::/120'], []), cidrList(3)),
        3,
      ),
      ipamMode: fc.constantFrom(undefined, undefined, 'Enabled' as const, 'Disabled' as const),
      persistentIPs: fc.constantFrom(undefined, true, false),
      mtu: maybe(mtu, 2),
      physicalNetworkName: physnet,
      vlan: maybe(vlan, 2),
    })
    .map(({ namespace, namespaceSelector, ...f }) =>
      compact<UDNForm>({
        scope,
        ...f,
        ...(scope === 'namespace' ? { namespace } : { namespaceSelector }),
        ...(f.topology === 'Localnet' ? {} : { physicalNetworkName: undefined, vlan: undefined }),
      }),
    );

export const udnForms = udnForm('namespace');
export const cudnForms = udnForm('cluster');

// ---- NAD ----

export const nadForms: fc.Arbitrary<NADForm> = fc
  .record({
    name,
    namespace: pick([TEST_NAMESPACE], ['', 'Bad_NS', 'no-such-namespace']),
    description: maybe(fc.constantFrom('blue network', '  ', 'ünïcode ✓'), 4),
    type: fc.constantFrom('layer2' as const, 'localnet' as const, 'bridge' as const),
    networkName: maybe(fc.constantFrom('shared', 'tenant-a.blue', 'a b', '"quoted"', ''), 4),
    subnets: cidrList(3),
    excludeSubnets: maybe(fc.oneof(fc.constantFrom(['10.200.0.0/30'], []), cidrList(2)), 3),
    mtu: maybe(mtu, 2),
    allowPersistentIPs: fc.constantFrom(undefined, true, false),
    physicalNetworkName: physnet,
    vlan: maybe(vlan, 2),
    bridge: pick(['br1', 'br-vm', 'bridge0', 'b'.repeat(15)], ['', 'br-ex', 'b'.repeat(16), 'br 1', 'br/1']),
    macSpoofChk: fc.boolean(),
  })
  .map((f) =>
    compact<NADForm>({
      ...f,
      ...(f.type === 'bridge'
        ? { subnets: undefined, excludeSubnets: undefined, allowPersistentIPs: undefined }
        : { bridge: undefined, macSpoofChk: undefined }),
      ...(f.type === 'localnet' ? {} : { physicalNetworkName: undefined }),
      ...(f.type === 'layer2' ? { vlan: undefined } : {}),
    }),
  );

// ---- NNCP ----

const nic = pick(['ens4', 'ens5', 'eno1', 'enp1s0f1'], ['', 'ens 4', 'x'.repeat(16), 'a/b', '.']);
const labelMap = pick<Record<string, string>>(
  [{ 'node-role.kubernetes.io/worker': '' }, { 'kubernetes.io/hostname': 'worker-0' }, {}],
  [{ 'bad key!': '' }, { 'node-role.kubernetes.io/worker': 'bad value!' }, { '': 'x' }],
);

export const nncpForms: fc.Arbitrary<NNCPForm> = fc
  .record({
    name: fc.oneof(name, fc.constantFrom('dt.bridge.policy')),
    description: maybe(fc.constantFrom('VM bridge', ''), 4),
    nodeSelector: labelMap,
    maxUnavailable: maybe(
      fc.constantFrom('1', '3', '50%', '100%', '', '0', '0%', '150%', 'abc', '-1', '1.5'),
      2,
    ),
    kind: fc.constantFrom(
      'linux-bridge' as const,
      'vlan' as const,
      'bond' as const,
      'ovs-bridge' as const,
      'br-ex-mapping' as const,
    ),
    interfaceName: pick(['br1', 'br-vm', 'vlan100', 'b'.repeat(15), ''], ['b'.repeat(16), 'br 1', 'br/1']),
    uplinkType: fc.constantFrom('nic' as const, 'bond' as const),
    nic,
    bond: fc.record({
      name: pick(['bond0', 'bond1'], ['', 'bond 0', 'b'.repeat(16)]),
      ports: fc.array(nic, { minLength: 0, maxLength: 3 }),
      mode: pick([...BOND_MODES], ['balance-slb' as (typeof BOND_MODES)[number]]),
      options: maybe(
        fc.constantFrom<Record<string, string>>(
          { miimon: '100' },
          { miimon: 'fast' },
          { lacp_rate: 'fast', xmit_hash_policy: 'layer3+4' },
          { bogus: '1' },
          {},
        ),
        2,
      ),
    }),
    vlanId: maybe(vlan, 3),
    vlanFiltering: fc.boolean(),
    trunkVlans: fc.constantFrom('', '100', '100,200-299', '1-4094', '0-10', '300-200', 'x', '4095'),
    mtu: maybe(mtu, 2),
    physicalNetworkName: physnet,
  })
  .map(({ bond, ...f }) =>
    compact<NNCPForm>({
      ...f,
      interfaceName: f.kind === 'br-ex-mapping' ? 'br-ex' : f.interfaceName,
      ...(f.kind === 'bond' || f.uplinkType === 'bond'
        ? { bond: compact<NonNullable<NNCPForm['bond']>>(bond) }
        : {}),
      ...(f.kind === 'ovs-bridge' || f.kind === 'br-ex-mapping' ? {} : { physicalNetworkName: undefined }),
    }),
  );

// ---- SR-IOV ----

export const resourceName = pick(
  ['intelnics', 'mlx_nics', 'sriov1', 'A_1'],
  ['', ' ', 'a-b', 'a.b', 'openshift.io/x', ' intelnics ', 'ü'],
);

const nicSelector = fc
  .record({
    vendor: maybe(pick(['8086', '15b3'], ['zz', '808', ''])),
    deviceID: maybe(pick(['1572', '101d'], ['x', '15722'])),
    pfNames: maybe(
      fc.array(
        pick(['ens1f0', 'ens1f0#0-3', 'ens1f1#2-2'], ['ens1f0#3-1', 'ens1f0#0-200', 'x'.repeat(16), '']),
        {
          minLength: 0,
          maxLength: 2,
        },
      ),
    ),
    rootDevices: maybe(fc.array(pick(['0000:3b:00.0'], ['bad', '3b:00.0']), { minLength: 0, maxLength: 2 })),
    netFilter: maybe(fc.constantFrom('openstack/NetworkID:abc', ''), 4),
  })
  .map((s) => compact<SriovPolicyForm['nicSelector']>(s));

export const sriovPolicyForms: fc.Arbitrary<SriovPolicyForm> = fc
  .record({
    name: fc.oneof(name, fc.constantFrom('dt.policy')),
    namespace: pick([SRIOV_NAMESPACE], ['', 'Bad_NS']),
    resourceName,
    nodeSelector: labelMap,
    priority: maybe(fc.constantFrom(-1, 0, 10, 99, 100, 1.5)),
    numVfs: fc.constantFrom(-1, 0, 1, 2, 8, 64, 127, 128, 129, 256, 1.5),
    mtu: maybe(mtu),
    nicSelector,
    deviceType: fc.constantFrom('netdevice' as const, 'vfio-pci' as const),
    isRdma: fc.constantFrom(undefined, true, false),
    linkType: fc.constantFrom(undefined, 'eth' as const, 'ib' as const),
    needVhostNet: fc.constantFrom(undefined, true, false),
  })
  .map((f) => compact<SriovPolicyForm>(f));

export const sriovNetworkForms: fc.Arbitrary<SriovNetworkForm> = fc
  .record({
    name,
    namespace: pick([SRIOV_NAMESPACE], ['', 'Bad_NS']),
    resourceName,
    networkNamespace: pick([TEST_NAMESPACE, ''], ['Bad_NS', ' differential ']),
    vlan: maybe(vlan),
    vlanQoS: maybe(fc.constantFrom(-1, 0, 3, 7, 8, 1.5)),
    spoofChk: fc.constantFrom(undefined, 'on' as const, 'off' as const),
    trust: fc.constantFrom(undefined, 'on' as const, 'off' as const),
    linkState: fc.constantFrom(undefined, 'auto' as const, 'enable' as const, 'disable' as const),
    maxTxRate: maybe(fc.constantFrom(-1, 0, 100, 1000, 1.5)),
    minTxRate: maybe(fc.constantFrom(-1, 0, 10, 2000)),
    ipam: fc.constantFrom(
      '{}',
      '',
      '   ',
      '{"type":"whereabouts","range":"10.56.217.0/24"}',
      '{"type":"host-local","subnet":"10.0.0.0/24"}',
      '{"type":"dhcp"}',
      '{bad',
      '[]',
      'null',
      '"x"',
      '42',
    ),
  })
  .map((f) => compact<SriovNetworkForm>(f));
