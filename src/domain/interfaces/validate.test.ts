import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../issues';
import { aNAD, aVM, aVMI } from '../testing/fixtures';
import type { InterfaceForm, NetworkOption } from './form';
import { allowedBindings, nadSubnets, networkOptionsFor, supportsLinkState } from './networkOptions';
import { buildInterfaceRows } from './rows';
import type { InterfaceValidationContext } from './validate';
import { macsInUseFrom, validateInterfaceForm } from './validate';

const nads = [
  aNAD('br', 'ns1', { type: 'cnv-bridge', bridge: 'br1' }),
  aNAD('l2', 'ns1', { type: 'ovn-k8s-cni-overlay', topology: 'layer2' }),
  aNAD('local', 'default', { type: 'ovn-k8s-cni-overlay', topology: 'localnet' }),
  aNAD('l3', 'ns1', { type: 'ovn-k8s-cni-overlay', topology: 'layer3' }),
  aNAD('udn', 'ns1', { type: 'ovn-k8s-cni-overlay', topology: 'layer2', role: 'primary' }),
  aNAD('sr', 'ns1', { type: 'sriov' }),
  aNAD('mv', 'ns1', { type: 'macvlan' }),
  aNAD('elsewhere', 'ns2', { type: 'bridge' }),
  aNAD('broken', 'ns1', '{not json'),
];
const options = networkOptionsFor('ns1', nads, false);

describe('networkOptionsFor', () => {
  it('pod first, then the VM namespace NADs by name, then default; skips other namespaces and primary NADs', () => {
    expect(options.map((o) => `${o.id}:${o.nadType ?? o.kind}`)).toEqual([
      'pod:pod',
      'ns1/br:bridge',
      'ns1/broken:other',
      'ns1/l2:ovn-layer2',
      'ns1/l3:ovn-layer3',
      'ns1/mv:other',
      'ns1/sr:sriov',
      'default/local:ovn-localnet',
    ]);
  });

  it('a namespace with a primary UDN offers it instead of the pod network', () => {
    expect(networkOptionsFor('ns1', [], true)).toEqual([{ id: 'primary-udn', kind: 'primary-udn' }]);
  });
});

describe('allowedBindings', () => {
  const opt = (id: string) => options.find((o) => o.id === id);
  it.each([
    ['pod', ['masquerade', 'passt']],
    ['ns1/br', ['bridge']],
    ['ns1/l2', ['bridge']],
    ['default/local', ['bridge']],
    ['ns1/sr', ['sriov']],
    ['ns1/l3', []],
    ['ns1/mv', ['bridge']],
  ])('%s -> %j', (id, bindings) => {
    expect(allowedBindings(opt(id))).toEqual(bindings);
  });

  it('primary UDN -> l2bridge', () => {
    expect(allowedBindings({ id: 'primary-udn', kind: 'primary-udn' })).toEqual(['l2bridge']);
  });

  it.each([
    ['sriov', false],
    ['bridge', true],
    ['masquerade', true],
  ])('link state on %s: %s', (b, ok) => {
    expect(supportsLinkState(b)).toBe(ok);
  });
});

const form = (f: Partial<InterfaceForm> = {}): InterfaceForm => ({
  name: 'nic2',
  networkId: 'ns1/br',
  binding: 'bridge',
  model: 'virtio',
  ...f,
});
const vm = aVM({ nics: ['default', { name: 'nic1', network: 'l2', binding: 'bridge' }] });
const ctx = (c: Partial<InterfaceValidationContext> = {}): InterfaceValidationContext => ({
  vm,
  options,
  ...c,
});
const codes = (issues: FieldIssue[]) => issues.map((i) => `${i.field}:${i.code}:${i.severity}`);

describe('validateInterfaceForm', () => {
  it('a valid bridge NIC has no issues', () => {
    expect(validateInterfaceForm(form(), ctx())).toEqual([]);
  });

  it.each<[string, Partial<InterfaceForm>, string[]]>([
    ['name required', { name: '  ' }, ['name:required:error']],
    ['name upper case', { name: 'Nic2' }, ['name:dns-label:error']],
    ['name with underscore', { name: 'nic_2' }, ['name:dns-label:error']],
    ['name ending with dash', { name: 'nic-' }, ['name:dns-label:error']],
    ['name 63 chars ok', { name: 'a'.repeat(63) }, []],
    ['name 64 chars', { name: 'a'.repeat(64) }, ['name:too-long:error']],
    ['name taken', { name: 'nic1' }, ['name:name-taken:error']],
    ['network required', { networkId: '' }, ['network:required:error']],
    [
      'network not readable / not offered',
      { networkId: 'ns2/elsewhere' },
      ['network:network-unavailable:error'],
    ],
    ['pod network used twice', { networkId: 'pod', binding: 'masquerade' }, ['network:network-in-use:error']],
    ['OVN layer2 NAD used twice', { networkId: 'ns1/l2' }, ['network:network-in-use:error']],
    ['layer3 has no VM binding', { networkId: 'ns1/l3' }, ['network:network-unsupported:error']],
    ['binding required', { binding: '' }, ['binding:required:error']],
    ['masquerade on a bridge NAD', { binding: 'masquerade' }, ['binding:binding-not-allowed:error']],
    ['bridge on SR-IOV NAD', { networkId: 'ns1/sr' }, ['binding:binding-not-allowed:error']],
    ['sriov on SR-IOV NAD', { networkId: 'ns1/sr', binding: 'sriov' }, []],
    ['unknown model', { model: 'virtio-net' }, ['model:model-unknown:error']],
    ['e1000e model', { model: 'e1000e' }, []],
    ['MAC ok', { macAddress: '02:00:00:00:00:09' }, []],
    ['MAC dotted ok', { macAddress: '0200.0000.0009' }, []],
    ['MAC bad format', { macAddress: '0123.4567x89ab' }, ['macAddress:mac-format:error']],
    ['MAC EUI-64', { macAddress: '02:00:00:00:00:00:00:09' }, ['macAddress:mac-length:error']],
    ['MAC multicast', { macAddress: '01:00:5e:00:00:01' }, ['macAddress:mac-multicast:error']],
    ['MAC zero (KubeVirt accepts it)', { macAddress: '00:00:00:00:00:00' }, ['macAddress:mac-zero:warning']],
    ['link down on bridge', { linkState: 'down' }, []],
    [
      'link down on SR-IOV',
      { networkId: 'ns1/sr', binding: 'sriov', linkState: 'down' },
      ['linkState:link-state-unsupported:error'],
    ],
  ])('%s', (_, f, expected) => {
    expect(codes(validateInterfaceForm(form(f), ctx()))).toEqual(expected);
  });

  it('binding error lists what is allowed', () => {
    const issues = validateInterfaceForm(
      form({ networkId: 'pod', binding: 'bridge' }),
      ctx({ vm: aVM({ nics: ['nic1'] }) }),
    );
    expect(issues).toEqual([
      {
        field: 'binding',
        code: 'binding-not-allowed',
        severity: 'error',
        params: { allowed: 'masquerade, passt' },
      },
    ]);
  });

  // KubeVirt (pkg/network/admitter/binding.go) refuses the in-pod bridge's MAC on a masquerade interface.
  it('refuses the masquerade in-pod bridge MAC', () => {
    const issues = validateInterfaceForm(
      form({ networkId: 'pod', binding: 'masquerade', macAddress: '02:00:00:00:00:00' }),
      ctx({ vm: aVM({ nics: ['nic1'] }) }),
    );
    expect(codes(issues)).toEqual(['macAddress:mac-reserved:error']);
  });

  it('implicit pod interface counts for the name and the pod network', () => {
    const implicit = aVM({ noNetworkArrays: true });
    expect(codes(validateInterfaceForm(form({ name: 'default' }), ctx({ vm: implicit })))).toEqual([
      'name:name-taken:error',
    ]);
    expect(
      codes(validateInterfaceForm(form({ networkId: 'pod', binding: 'passt' }), ctx({ vm: implicit }))),
    ).toEqual(['network:network-in-use:error']);
  });

  describe('editing', () => {
    it.each<[string, Partial<InterfaceForm>, string[]]>([
      ['own name is not "taken"', { name: 'nic1', networkId: 'ns1/l2' }, []],
      ['own OVN network is not "in use"', { name: 'nic1', networkId: 'ns1/l2', model: 'e1000e' }, []],
      [
        'current NAD the user cannot read: warning only',
        { name: 'nic1', networkId: 'ns1/l2' },
        ['network:network-unreadable:warning'],
      ],
    ])('%s', (title, f, expected) => {
      const opts = title.includes('cannot read') ? options.filter((o) => o.id !== 'ns1/l2') : options;
      expect(codes(validateInterfaceForm(form(f), ctx({ editing: 'nic1', options: opts })))).toEqual(
        expected,
      );
    });
  });

  describe('MAC in use', () => {
    const other = buildInterfaceRows(
      aVM({ name: 'other', nics: [{ name: 'eth', network: 'n', mac: '02:00:00:00:00:aa' }], running: true }),
      aVMI({ name: 'other', nics: [{ name: 'eth', mac: '02:00:00:00:00:bb' }] }),
    );
    const mine = buildInterfaceRows(
      aVM({ nics: [{ name: 'nic1', network: 'l2', mac: '02:00:00:00:00:cc' }] }),
    );
    const macsInUse = macsInUseFrom([...other, ...mine]);

    it.each<[string, Partial<InterfaceForm>, string | undefined, string[]]>([
      [
        'spec MAC of another VM: warning',
        { macAddress: '02-00-00-00-00-AA' },
        undefined,
        ['macAddress:mac-in-use:warning'],
      ],
      [
        'reported MAC of another VM: warning',
        { macAddress: '02:00:00:00:00:bb' },
        undefined,
        ['macAddress:mac-in-use:warning'],
      ],
      ['free MAC', { macAddress: '02:00:00:00:00:dd' }, undefined, []],
      [
        'own MAC while editing',
        { name: 'nic1', networkId: 'ns1/l2', macAddress: '02:00:00:00:00:cc' },
        'nic1',
        [],
      ],
    ])('%s', (_, f, editing, expected) => {
      expect(
        codes(
          validateInterfaceForm(
            form(f),
            ctx({
              vm: editing ? aVM({ nics: [{ name: 'nic1', network: 'l2', mac: '02:00:00:00:00:cc' }] }) : vm,
              editing,
              macsInUse,
            }),
          ),
        ),
      ).toEqual(expected);
    });

    it('names the VM using it', () => {
      const [w] = validateInterfaceForm(form({ macAddress: '02:00:00:00:00:aa' }), ctx({ macsInUse }));
      expect(w?.params).toEqual({ vm: 'ns1/other' });
    });
  });

  describe('static IP', () => {
    const withCloudInit = (networkData?: string) =>
      aVM({ nics: ['default'], volumes: [{ name: 'ci', cloudInitNoCloud: { userData: '', networkData } }] });
    const mac = '02:00:00:00:00:09';

    it.each<[string, Partial<InterfaceForm>, ReturnType<typeof aVM>, boolean, string[]]>([
      ['v4 with MAC', { staticIp: '10.0.0.5/24', macAddress: mac }, withCloudInit(), false, []],
      ['v6 with guest name', { staticIp: 'fd00::5/64', guestName: 'eth1' }, withCloudInit(), false, []],
      ['/32 host route is a host', { staticIp: '10.0.0.0/32', macAddress: mac }, withCloudInit(), false, []],
      [
        'running VM: applied at next boot',
        { staticIp: '10.0.0.5/24', macAddress: mac },
        withCloudInit(),
        true,
        ['staticIp:static-ip-next-boot:warning'],
      ],
      [
        'no prefix',
        { staticIp: '10.0.0.5', macAddress: mac },
        withCloudInit(),
        false,
        ['staticIp:cidr-format:error'],
      ],
      [
        'bad address',
        { staticIp: '10.0.0.256/24', macAddress: mac },
        withCloudInit(),
        false,
        ['staticIp:cidr-format:error'],
      ],
      [
        'network address',
        { staticIp: '10.0.0.0/24', macAddress: mac },
        withCloudInit(),
        false,
        ['staticIp:static-ip-network-address:error'],
      ],
      [
        'pod network',
        { staticIp: '10.0.0.5/24', networkId: 'pod', binding: 'masquerade', name: 'x' },
        aVM({ nics: ['nic1'], volumes: [{ name: 'ci', cloudInitNoCloud: {} }] }),
        false,
        ['staticIp:static-ip-secondary-only:error'],
      ],
      [
        'neither MAC nor guest name',
        { staticIp: '10.0.0.5/24' },
        withCloudInit(),
        false,
        ['guestName:static-ip-needs-match:error'],
      ],
      [
        'bad guest name',
        { staticIp: '10.0.0.5/24', guestName: 'eth 1' },
        withCloudInit(),
        false,
        ['guestName:guest-name-format:error'],
      ],
      [
        'no cloud-init volume',
        { staticIp: '10.0.0.5/24', macAddress: mac },
        aVM({ nics: ['default'] }),
        false,
        ['staticIp:static-ip-no-cloud-init:error'],
      ],
      [
        'networkData in a Secret',
        { staticIp: '10.0.0.5/24', macAddress: mac },
        aVM({
          nics: ['default'],
          volumes: [{ name: 'ci', cloudInitNoCloud: { networkDataSecretRef: { name: 's' } } }],
        }),
        false,
        ['staticIp:static-ip-unmanaged:error'],
      ],
      [
        'networkData v1',
        { staticIp: '10.0.0.5/24', macAddress: mac },
        withCloudInit('version: 1\nconfig: []\n'),
        false,
        ['staticIp:network-data-v1:error'],
      ],
      [
        'networkData not YAML',
        { staticIp: '10.0.0.5/24', macAddress: mac },
        withCloudInit('version: [2\n'),
        false,
        ['staticIp:network-data-invalid:error'],
      ],
      [
        'entry already there',
        { staticIp: '10.0.0.5/24', macAddress: mac },
        withCloudInit('version: 2\nethernets:\n  nic2: {dhcp4: true}\n'),
        false,
        ['staticIp:network-data-taken:error'],
      ],
    ])('%s', (_, f, theVm, running, expected) => {
      expect(codes(validateInterfaceForm(form(f), ctx({ vm: theVm, running })))).toEqual(expected);
    });

    it("an address outside the network's subnets is refused, naming them", () => {
      const withSubnets = options.map((o) =>
        o.id === 'ns1/br' ? { ...o, subnets: ['10.200.0.0/16', 'fd20::/64'] } : o,
      );
      const check = (staticIp: string) =>
        validateInterfaceForm(
          form({ staticIp, macAddress: mac }),
          ctx({ vm: withCloudInit(), options: withSubnets }),
        );
      expect(codes(check('192.168.1.5/24'))).toEqual(['staticIp:static-ip-outside-subnet:error']);
      expect(check('192.168.1.5/24')[0]?.params).toEqual({ subnets: '10.200.0.0/16, fd20::/64' });
      expect(codes(check('10.200.3.4/16'))).toEqual([]);
      expect(codes(check('fd20::9/64'))).toEqual([]);
      expect(codes(check('fd21::9/64'))).toEqual(['staticIp:static-ip-outside-subnet:error']);
    });
  });
});

describe('options for a typed network id', () => {
  it('an option list without the NAD makes it unavailable, whatever the id looks like', () => {
    const only: NetworkOption[] = [{ id: 'pod', kind: 'pod' }];
    expect(codes(validateInterfaceForm(form({ networkId: 'ns1/br' }), ctx({ options: only })))).toEqual([
      'network:network-unavailable:error',
    ]);
  });
});

describe('nadSubnets', () => {
  const withConfig = (config: object) =>
    ({
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: 'n', namespace: 'ns1' },
      spec: { config: JSON.stringify(config) },
    }) as const;
  it('reads OVN-K subnets (layer3 host subnets dropped) and a bridge IPAM subnet', () => {
    expect(nadSubnets(withConfig({ subnets: '10.200.0.0/16, fd20::/64' }))).toEqual([
      '10.200.0.0/16',
      'fd20::/64',
    ]);
    expect(nadSubnets(withConfig({ subnets: '10.1.0.0/16/24' }))).toEqual(['10.1.0.0/16']);
    expect(nadSubnets(withConfig({ ipam: { type: 'whereabouts', subnet: '192.168.5.0/24' } }))).toEqual([
      '192.168.5.0/24',
    ]);
    expect(nadSubnets(withConfig({ type: 'cnv-bridge', ipam: {} }))).toEqual([]);
  });
});
