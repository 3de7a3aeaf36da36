/**
 * fast-check generators of wizard forms for the differential test: mostly values a user could type or pick,
 * with invalid ones mixed in (bad names, CIDRs with host bits or garbage, VLANs and MTUs around the bounds), so
 * both the validator's and the API server's "refuse" paths are exercised. Ideas from udn.cel.test.ts.
 */
import fc from 'fast-check';
import type { NADForm } from '../../src/domain/manifests/nad/nad';
import { BOND_MODES, type NNCPForm } from '../../src/domain/manifests/nncp/nncp';
import {
  SRIOV_NAMESPACE,
  type SriovNetworkForm,
  type SriovPolicyForm,
} from '../../src/domain/manifests/sriov/sriov';
import type { UDNForm } from '../../src/domain/manifests/udn/udn';
import { hasHostBits, parseCidr } from '../../src/domain/net/cidr';

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

/**
 * Each kind has a "plausible" generator (only good values, what a careful user enters, so the accept paths are
 * well covered) and a "wild" one (bad values mixed into every field); the exported arbitraries mix both evenly.
 */
type Mode = { wild: boolean };
const chooser =
  ({ wild }: Mode) =>
  <T>(good: readonly T[], bad: readonly T[] = []): fc.Arbitrary<T> =>
    wild ? pick(good, bad) : fc.constantFrom(...good);
const both = <T>(gen: (mode: Mode) => fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof(gen({ wild: false }), gen({ wild: true }));

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
const wildName = fc.oneof({ arbitrary: goodName, weight: 8 }, { arbitrary: badName, weight: 2 });
const nameOf = ({ wild }: Mode) => (wild ? wildName : goodName);

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

const exact = (text: string): boolean => {
  const c = parseCidr(text);
  return c !== undefined && !hasHostBits(c);
};

const wildCidr: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fixedCidr, weight: 4 },
  { arbitrary: v4, weight: 4 },
  { arbitrary: v6, weight: 3 },
  { arbitrary: garbageCidr, weight: 2 },
);
const goodCidr: fc.Arbitrary<string> = fc.oneof(fixedCidr, v4.filter(exact), v6.filter(exact));
const cidrOf = ({ wild }: Mode) => (wild ? wildCidr : goodCidr);

/** 0–max CIDRs (wild), or 1–2 good ones (plausible). */
const cidrList = (mode: Mode, max: number) =>
  fc.array(cidrOf(mode), { minLength: mode.wild ? 0 : 1, maxLength: mode.wild ? max : Math.min(max, 2) });

const vlanOf = ({ wild }: Mode) =>
  wild ? fc.constantFrom(-1, 0, 1, 2, 100, 4093, 4094, 4095, 4096, 1.5) : fc.constantFrom(1, 2, 100, 4094);
const mtuOf = ({ wild }: Mode) =>
  wild
    ? fc.constantFrom(0, 575, 576, 577, 1000, 1279, 1280, 1400, 1500, 9000, 65535, 65536, 65537, 1.5)
    : fc.constantFrom(1280, 1400, 1500, 9000);
const physnetOf = (mode: Mode) =>
  chooser(mode)(
    ['physnet', 'localnet1', 'tenant-blue', 'a'.repeat(253)],
    ['', ' ', 'a:b', 'a,b', 'a'.repeat(254), ' physnet '],
  );

// ---- UDN / CUDN ----

const selectorOf = (mode: Mode) =>
  chooser(mode)<UDNForm['namespaceSelector']>(
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

const udnForm = (scope: UDNForm['scope'], mode: Mode): fc.Arbitrary<UDNForm> => {
  const choose = chooser(mode);
  return fc
    .record({
      name: nameOf(mode),
      namespace: choose([TEST_NAMESPACE], ['', 'Bad_NS', 'no-such-namespace', ` ${TEST_NAMESPACE}`]),
      namespaceSelector: selectorOf(mode),
      topology:
        scope === 'cluster'
          ? fc.constantFrom('Layer2' as const, 'Layer3' as const, 'Localnet' as const)
          : choose(['Layer2' as const, 'Layer3' as const], ['Localnet' as const]),
      role: fc.constantFrom('Primary' as const, 'Secondary' as const),
      subnets: mode.wild
        ? fc.array(
            fc.record({
              cidr: wildCidr,
              hostSubnet: pick([undefined, undefined, 24, 64], [0, 8, 16, 31, 32, 120, 127, 128, 1.5]),
            }),
            { minLength: 0, maxLength: 3 },
          )
        : // One v4 and/or one v6, as the wizard's dual-stack fields give; Layer3 host subnets that fit.
          fc
            .record({
              v4: fc.option(fc.constantFrom('10.200.0.0/16', '10.128.0.0/14', '192.168.0.0/16'), {
                nil: undefined,
              }),
              v6: fc.option(fc.constantFrom('fd20::/48', 'fd21:1::/60', 'fd22::/56'), { nil: undefined }),
              host: fc.boolean(),
              v6first: fc.boolean(),
            })
            .map(({ v4: a, v6: b, host, v6first }) => {
              const list = [
                ...(a ? [{ cidr: a, ...(host ? { hostSubnet: 24 } : {}) }] : []),
                ...(b ? [{ cidr: b, ...(host ? { hostSubnet: 64 } : {}) }] : []),
              ];
              return v6first ? list.reverse() : list;
            }),
      joinSubnets: maybe<string[]>(
        mode.wild
          ? fc.oneof(
              fc.constantFrom<string[]>(['100.70.0.0/16'], ['fd70::/64', 'fd71::/64'], []),
              cidrList(mode, 3),
            )
          : fc.constantFrom<string[]>(['100.70.0.0/16'], ['100.70.0.0/16', 'fd70::/64'], ['fd70::/64']),
        3,
      ),
      excludeSubnets: maybe<string[]>(
        mode.wild
          ? fc.oneof(
              fc.constantFrom<string[]>(['10.200.0.0/30'], ['10.200.0.1/32', 'fd20::/120'], []),
              cidrList(mode, 3),
            )
          : fc.constantFrom<string[]>(['10.200.0.0/30'], ['10.200.0.0/30', 'fd20::/120'], ['192.168.0.0/24']),
        3,
      ),
      ipamMode: fc.constantFrom(undefined, undefined, 'Enabled' as const, 'Disabled' as const),
      persistentIPs: fc.constantFrom(undefined, true, false),
      mtu: maybe(mtuOf(mode), 2),
      physicalNetworkName: physnetOf(mode),
      vlan: maybe(vlanOf(mode), 2),
    })
    .map(({ namespace, namespaceSelector, ...f }) =>
      compact<UDNForm>({
        scope,
        ...f,
        ...(scope === 'namespace' ? { namespace } : { namespaceSelector }),
        ...(f.topology === 'Localnet' ? {} : { physicalNetworkName: undefined, vlan: undefined }),
      }),
    );
};

export const udnForms = both((mode) => udnForm('namespace', mode));
export const cudnForms = both((mode) => udnForm('cluster', mode));

// ---- NAD ----

const nadForm = (mode: Mode): fc.Arbitrary<NADForm> => {
  const choose = chooser(mode);
  return fc
    .record({
      name: nameOf(mode),
      namespace: choose([TEST_NAMESPACE], ['', 'Bad_NS', 'no-such-namespace']),
      description: maybe(fc.constantFrom('blue network', '  ', 'ünïcode ✓'), 4),
      type: fc.constantFrom('layer2' as const, 'localnet' as const, 'bridge' as const),
      networkName: maybe(fc.constantFrom('shared', 'tenant-a.blue', 'a b', '"quoted"', ''), 4),
      subnets: mode.wild ? cidrList(mode, 3) : fc.option(cidrList(mode, 1), { nil: [] }),
      excludeSubnets: maybe<string[]>(
        mode.wild
          ? fc.oneof(fc.constantFrom<string[]>(['10.200.0.0/30'], []), cidrList(mode, 2))
          : fc.constantFrom<string[]>(['10.200.0.0/30'], ['192.168.0.0/30']),
        3,
      ),
      mtu: maybe(mtuOf(mode), 2),
      allowPersistentIPs: fc.constantFrom(undefined, true, false),
      physicalNetworkName: physnetOf(mode),
      vlan: maybe(vlanOf(mode), 2),
      bridge: choose(
        ['br1', 'br-vm', 'bridge0', 'b'.repeat(15)],
        ['', 'br-ex', 'b'.repeat(16), 'br 1', 'br/1'],
      ),
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
};

export const nadForms = both(nadForm);

// ---- NNCP ----

const nicOf = (mode: Mode) =>
  chooser(mode)(['ens4', 'ens5', 'eno1', 'enp1s0f1'], ['', 'ens 4', 'x'.repeat(16), 'a/b', '.']);
const labelMapOf = (mode: Mode) =>
  chooser(mode)<Record<string, string>>(
    [{ 'node-role.kubernetes.io/worker': '' }, { 'kubernetes.io/hostname': 'worker-0' }, {}],
    [{ 'bad key!': '' }, { 'node-role.kubernetes.io/worker': 'bad value!' }, { '': 'x' }],
  );

const nncpForm = (mode: Mode): fc.Arbitrary<NNCPForm> => {
  const choose = chooser(mode);
  return fc
    .record({
      name: fc.oneof(nameOf(mode), fc.constantFrom('dt.bridge.policy')),
      description: maybe(fc.constantFrom('VM bridge', ''), 4),
      nodeSelector: labelMapOf(mode),
      maxUnavailable: maybe(
        choose(['1', '3', '50%', '100%', ''], ['0', '0%', '150%', 'abc', '-1', '1.5', ' 2 ']),
        2,
      ),
      kind: fc.constantFrom(
        'linux-bridge' as const,
        'vlan' as const,
        'bond' as const,
        'ovs-bridge' as const,
        'br-ex-mapping' as const,
      ),
      interfaceName: choose(
        ['br1', 'br-vm', 'vlan100', 'b'.repeat(15)],
        ['', 'b'.repeat(16), 'br 1', 'br/1'],
      ),
      uplinkType: fc.constantFrom('nic' as const, 'bond' as const),
      nic: nicOf(mode),
      bond: fc.record({
        name: choose(['bond0', 'bond1'], ['', 'bond 0', 'b'.repeat(16)]),
        ports: fc.uniqueArray(nicOf(mode), { minLength: mode.wild ? 0 : 1, maxLength: 3 }),
        mode: choose([...BOND_MODES], ['balance-slb' as (typeof BOND_MODES)[number]]),
        options: maybe(
          choose<Record<string, string>>(
            [{ miimon: '100' }, { lacp_rate: 'fast', xmit_hash_policy: 'layer3+4' }, {}],
            [{ miimon: 'fast' }, { bogus: '1' }],
          ),
          2,
        ),
      }),
      vlanId: maybe(vlanOf(mode), 3),
      vlanFiltering: fc.boolean(),
      trunkVlans: choose(['', '100', '100,200-299', '1-4094'], ['0-10', '300-200', 'x', '4095']),
      mtu: maybe(mtuOf(mode), 2),
      physicalNetworkName: physnetOf(mode),
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
};

export const nncpForms = both(nncpForm);

// ---- SR-IOV ----

const resourceNameOf = (mode: Mode) =>
  chooser(mode)(
    ['intelnics', 'mlx_nics', 'sriov1', 'A_1'],
    ['', ' ', 'a-b', 'a.b', 'openshift.io/x', ' intelnics ', 'ü'],
  );

const nicSelectorOf = (mode: Mode) => {
  const choose = chooser(mode);
  return fc
    .record({
      vendor: maybe(choose(['8086', '15b3'], ['zz', '808', ''])),
      deviceID: maybe(choose(['1572', '101d'], ['x', '15722'])),
      pfNames: maybe(
        fc.array(
          choose(['ens1f0', 'ens1f0#0-3', 'ens1f1#2-2'], ['ens1f0#3-1', 'ens1f0#0-200', 'x'.repeat(16), '']),
          { minLength: mode.wild ? 0 : 1, maxLength: 2 },
        ),
      ),
      rootDevices: maybe(
        fc.array(choose(['0000:3b:00.0'], ['bad', '3b:00.0']), {
          minLength: mode.wild ? 0 : 1,
          maxLength: 2,
        }),
      ),
      netFilter: maybe(fc.constantFrom('openstack/NetworkID:abc', ''), 4),
    })
    .map((s) => compact<SriovPolicyForm['nicSelector']>(s));
};

const sriovPolicyForm = (mode: Mode): fc.Arbitrary<SriovPolicyForm> => {
  const choose = chooser(mode);
  return fc
    .record({
      name: fc.oneof(nameOf(mode), fc.constantFrom('dt.policy')),
      namespace: choose([SRIOV_NAMESPACE], ['', 'Bad_NS']),
      resourceName: resourceNameOf(mode),
      nodeSelector: labelMapOf(mode),
      priority: maybe(choose([0, 10, 99], [-1, 100, 1.5])),
      numVfs: choose([1, 2, 8, 64, 127, 128], [-1, 0, 129, 256, 1.5]),
      mtu: maybe(mtuOf(mode)),
      nicSelector: nicSelectorOf(mode),
      deviceType: fc.constantFrom('netdevice' as const, 'vfio-pci' as const),
      isRdma: fc.constantFrom(undefined, true, false),
      linkType: fc.constantFrom(undefined, 'eth' as const, 'ib' as const),
      needVhostNet: fc.constantFrom(undefined, true, false),
    })
    .map((f) => compact<SriovPolicyForm>(f));
};

export const sriovPolicyForms = both(sriovPolicyForm);

const sriovNetworkForm = (mode: Mode): fc.Arbitrary<SriovNetworkForm> => {
  const choose = chooser(mode);
  return fc
    .record({
      name: nameOf(mode),
      namespace: choose([SRIOV_NAMESPACE], ['', 'Bad_NS']),
      resourceName: resourceNameOf(mode),
      networkNamespace: choose([TEST_NAMESPACE, ''], ['Bad_NS', ' differential ']),
      vlan: maybe(mode.wild ? vlanOf(mode) : fc.constantFrom(0, 1, 100, 4094)),
      vlanQoS: maybe(choose([0, 3, 7], [-1, 8, 1.5])),
      spoofChk: fc.constantFrom(undefined, 'on' as const, 'off' as const),
      trust: fc.constantFrom(undefined, 'on' as const, 'off' as const),
      linkState: fc.constantFrom(undefined, 'auto' as const, 'enable' as const, 'disable' as const),
      maxTxRate: maybe(choose([0, 100, 1000], [-1, 1.5])),
      minTxRate: maybe(choose([0, 10], [-1, 2000])),
      ipam: choose(
        [
          '{}',
          '',
          '{"type":"whereabouts","range":"10.56.217.0/24"}',
          '{"type":"host-local","subnet":"10.0.0.0/24"}',
          '{"type":"dhcp"}',
        ],
        ['   ', '{bad', '[]', 'null', '"x"', '42'],
      ),
    })
    .map((f) => compact<SriovNetworkForm>(f));
};

export const sriovNetworkForms = both(sriovNetworkForm);
