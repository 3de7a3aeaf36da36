import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIO, main, parseArgs } from './vm-network-lint';
import { readCluster, readKubeconfig } from './cluster';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vm-network-lint-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = async (name: string, text: string): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

/** Runs main in-process, capturing output; cluster reads go through the real kubeconfig/HTTP code. */
const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readFile: (p) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')),
    readCluster: async (k, c, o) => readCluster(await readKubeconfig(k, c), undefined, o),
  };
  const code = await main(argv, io);
  return { code, out, err };
};

const VALID_UDN = `apiVersion: k8s.ovn.org/v1
kind: UserDefinedNetwork
metadata:
  name: blue
  namespace: tenant-a
spec:
  topology: Layer2
  layer2:
    role: Secondary
    subnets:
    - 10.200.0.0/24
`;

const NAD = (name: string, config: string) => `apiVersion: k8s.cni.cncf.io/v1
kind: NetworkAttachmentDefinition
metadata:
  name: ${name}
  namespace: tenant-a
spec:
  config: '${config}'
`;

describe('vm-network-lint', () => {
  it.each([
    [['--help'], { files: [], help: true }],
    [['a.yaml', '--kubeconfig', 'k'], { files: ['a.yaml'], help: false, kubeconfig: 'k' }],
    [
      ['--kubeconfig=k', '--context=c', 'a', 'b'],
      { files: ['a', 'b'], help: false, kubeconfig: 'k', context: 'c' },
    ],
    [['--kubeconfig'], { files: [], help: false, error: '--kubeconfig needs a value' }],
    [['--fix'], { files: [], help: false, error: 'unknown option --fix' }],
  ])('parses %j', (argv, args) => {
    expect(parseArgs(argv)).toEqual(args);
  });

  it('exits 0 on valid manifests and says cluster checks were skipped', async () => {
    const path = await file('valid.yaml', VALID_UDN);
    const { code, out, err } = await run([path]);
    expect([code, out, err[0]]).toEqual([
      0,
      [],
      'vm-network-lint: Cluster checks skipped: no --kubeconfig (overlaps with existing networks, NICs, PFs)',
    ]);
  });

  it('exits 1 and prints file:line field: message for each problem', async () => {
    const path = await file(
      'bad.yaml',
      `${VALID_UDN.replace('10.200.0.0/24', '10.200.0.1/24')}---\n${NAD('br', '{"type":"bridge","bridge":"br1","vlan":0}')}`,
    );
    const { code, out } = await run([path]);
    expect([code, out]).toEqual([
      1,
      [
        `${path}:11 spec.layer2.subnets[0]: Host bits are set; did you mean 10.200.0.0/24?`,
        `${path}:19 spec.config.vlan: VLAN ID must be 1–4094`,
      ],
    ]);
  });

  it('reports unknown kinds as warnings without failing, and YAML errors as failures', async () => {
    const unknown = await file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    const broken = await file('broken.yaml', 'kind: [\n');
    const { code, out } = await run([unknown, broken]);
    expect([
      code,
      out.map((l) => l.replace(dir, '<dir>').replace(/(yaml\): YAML syntax error).*/, '$1')),
    ]).toEqual([
      1,
      [
        '<dir>/broken.yaml:2 (yaml): YAML syntax error',
        '<dir>/cm.yaml:2 kind: warning: ConfigMap (v1) is not checked by vm-network-lint',
      ],
    ]);
  });

  it('checks overlaps between manifests in the same files', async () => {
    const path = await file('two.yaml', `${VALID_UDN}---\n${VALID_UDN.replace('name: blue', 'name: red')}`);
    const { code, out } = await run([path]);
    expect([code, out]).toEqual([
      0,
      [
        `${path}:11 spec.layer2.subnets[0]: warning: Overlaps 10.200.0.0/24 of UserDefinedNetwork tenant-a/red`,
        `${path}:23 spec.layer2.subnets[0]: warning: Overlaps 10.200.0.0/24 of UserDefinedNetwork tenant-a/blue`,
      ],
    ]);
  });

  it('checks items of a List and VM bindings against NADs in the files', async () => {
    const list = `apiVersion: v1
kind: List
items:
- apiVersion: k8s.cni.cncf.io/v1
  kind: NetworkAttachmentDefinition
  metadata: {name: sriov, namespace: tenant-a}
  spec: {config: '{"type":"sriov"}'}
- apiVersion: kubevirt.io/v1
  kind: VirtualMachine
  metadata: {name: vm1, namespace: tenant-a}
  spec:
    template:
      spec:
        domain:
          devices:
            interfaces:
            - {name: n1, bridge: {}}
        networks:
        - {name: n1, multus: {networkName: sriov}}
`;
    const path = await file('list.yaml', list);
    const { code, out } = await run([path]);
    expect([code, out]).toEqual([
      1,
      [
        `${path}:7 items[0].spec.config.type: warning: CNI type "sriov" is not checked`,
        `${path}:17 items[1].spec.template.spec.domain.devices.interfaces[0]: Binding bridge cannot be used with NAD sriov`,
      ],
    ]);
  });

  // Issue #14 point 3: the rules read from KubeVirt's admitters, the SR-IOV operator's webhook and
  // kubernetes-nmstate's admission policy, each at its line.
  it('reports the admission rules of KubeVirt, the SR-IOV operator and kubernetes-nmstate', async () => {
    const docs = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata: {name: vm1, namespace: tenant-a}
spec:
  template:
    spec:
      domain:
        devices:
          interfaces:
          - name: default
            masquerade: {}
            model: vmxnet3
            ports:
            - {name: web, port: 0}
      networks:
      - {name: default, pod: {}}
---
apiVersion: sriovnetwork.openshift.io/v1
kind: SriovNetworkNodePolicy
metadata: {name: p1, namespace: openshift-sriov-network-operator}
spec:
  resourceName: intel_vfio
  nodeSelector: {}
  numVfs: 4
  nicSelector: {vendor: '8086', pfNames: [ens1f0]}
  deviceType: vfio-pci
  vdpaType: virtio
---
apiVersion: nmstate.io/v1
kind: NodeNetworkConfigurationPolicy
metadata: {name: ${'n'.repeat(64)}}
spec:
  desiredState: {interfaces: []}
`;
    const path = await file('admission.yaml', docs);
    const { code, out } = await run([path]);
    expect([code, out]).toEqual([
      1,
      [
        `${path}:12 spec.template.spec.domain.devices.interfaces[0].model: Model must be one of: e1000, e1000e, igb, ne2k_pci, pcnet, rtl8139, virtio`,
        `${path}:14 spec.template.spec.domain.devices.interfaces[0].ports[0].port: Required`,
        `${path}:27 spec.vdpaType: vdpaType needs deviceType netdevice`,
        `${path}:27 spec.vdpaType: vdpaType needs eSwitchMode: switchdev`,
        `${path}:31 metadata.name: A policy name is also a label value: at most 63 characters`,
      ],
    ]);
  });

  it('exits 2 without files or on an unreadable kubeconfig', async () => {
    const path = await file('ok.yaml', VALID_UDN);
    const [none, badConfig] = await Promise.all([run([]), run([path, '--kubeconfig', join(dir, 'missing')])]);
    expect([none.code, badConfig.code]).toEqual([2, 2]);
  });

  it('exits 1 when a file cannot be read', async () => {
    const { code, out } = await run([join(dir, 'nope.yaml')]);
    expect([code, out.length, out[0]?.includes('cannot read')]).toEqual([1, 1, true]);
  });
});

describe('vm-network-lint on hostile or broken input (issue #14 point 6)', () => {
  it('reports every broken document at its line and goes on to the next one', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh']) {
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const path = await file(
      'broken.yaml',
      [
        'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: vm1, namespace: a}\nspec:\n  template:\n    spec:\n      networks: [null]\n      domain: {devices: {interfaces: [{name: 3}]}}\n',
        `${bomb.join('\n')}\n`,
        'apiVersion: k8s.ovn.org/v1\nkind: UserDefinedNetwork\nmetadata: {name: 12, namespace: a}\nspec: {topology: Layer2, layer2: {role: Secondary, subnets: [10.1.0.0/24]}}\n',
        VALID_UDN.replace('Secondary', 'Tertiary'),
      ].join('---\n'),
    );
    const { code, out, err } = await run([path]);
    expect(code).toBe(1);
    expect(out).toEqual([
      `${path}:10 (yaml): YAML syntax error: document contains excessive aliasing`,
      `${path}:7 spec.template.spec.networks[0]: Must be a mapping (key: value pairs)`,
      `${path}:8 spec.template.spec.domain.devices.interfaces[0].name: Must be a string`,
      `${path}:21 metadata.name: Must be a string`,
      `${path}:21 metadata.name: Required`,
      `${path}:32 spec.layer2.role: Must be one of: Primary, Secondary`,
    ]);
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('reports list items that are not objects, and checks the documents after them', async () => {
    const path = await file('weird.yaml', `apiVersion: v1\nkind: List\nitems: [7, null]\n---\n${VALID_UDN}`);
    const { code, out } = await run([path]);
    expect(code).toBe(1);
    expect(out).toEqual([
      `${path}:3 items[0]: Must be a mapping (key: value pairs)`,
      `${path}:3 items[1]: Must be a mapping (key: value pairs)`,
    ]);
  });

  it('escapes control characters and never lets a line start a CI workflow command', async () => {
    const evil = await file(
      'evil.yaml',
      'apiVersion: "x/v1"\nkind: "Thing\\n::error file=a::pwned\\u001b[2J"\nmetadata: {name: a}\n',
    );
    const named = await file('::warning::x.yaml', 'apiVersion: x/v1\nkind: T\n');
    const { out } = await run([evil, named]);
    expect(out).toEqual([
      `${evil}:2 kind: warning: Thing\\n::error file=a::pwned\\x1b[2J (x/v1) is not checked by vm-network-lint`,
      `${named}:2 kind: warning: T (x/v1) is not checked by vm-network-lint`,
    ]);
    expect(out.some((l) => l.startsWith('::') || [...l].some((c) => c.charCodeAt(0) < 0x20))).toBe(false);
  });

  it("reads the docs' NAD (single-quoted JSON closing at the key's indentation) as kubectl does", async () => {
    const path = await file(
      'docs-nad.yaml',
      `apiVersion: k8s.cni.cncf.io/v1\nkind: NetworkAttachmentDefinition\nmetadata:\n  name: br1\n  namespace: tenant-a\nspec:\n  config: '{\n    "cniVersion": "0.3.1",\n    "name": "br1",\n    "type": "bridge",\n    "bridge": "br1",\n    "macspoofchk": true\n  }'\n`,
    );
    const { code, out } = await run([path]);
    expect([code, out]).toEqual([0, []]);
    const dup = await file('dup.yaml', VALID_UDN.replace('  name: blue\n', '  name: blue\n  name: green\n'));
    const second = await run([dup]);
    expect(second.out).toEqual([`${dup}:5 (yaml): warning: key "name" appears twice; the last one is used`]);
  });

  it('says clearly what is wrong with an empty, malformed or foreign kubeconfig', async () => {
    const path = await file('ok.yaml', VALID_UDN);
    const cases = {
      empty: '',
      malformed: 'clusters: [\n  - {name: c\n',
      foreign: 'apiVersion: v1\nkind: Pod\n',
      'no-context': 'clusters: []\ncontexts: []\n',
      'bad-server':
        'current-context: d\ncontexts: [{name: d, context: {cluster: c, user: u}}]\nclusters: [{name: c, cluster: {server: "not a url"}}]\n',
    };
    const results = await Promise.all(
      Object.entries(cases).map(async ([name, text]) => {
        const k = await file(`kc-${name}`, text);
        const r = await run([path, '--kubeconfig', k]);
        return [r.code, r.err[0]?.replace(k, 'KC')];
      }),
    );
    expect(results).toEqual([
      [2, 'vm-network-lint: kubeconfig KC is empty'],
      [2, expect.stringMatching(/^vm-network-lint: kubeconfig KC is not valid YAML: /)],
      [2, 'vm-network-lint: kubeconfig KC is not a kubeconfig (no clusters or contexts in it)'],
      [2, 'vm-network-lint: kubeconfig KC has no current-context; give --context NAME'],
      [2, 'vm-network-lint: kubeconfig KC: cluster "c" has an invalid server URL'],
    ]);
  });

  it('gives up on a cluster that does not answer, with a message naming the wait', async () => {
    const silent = createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const started = Date.now();
      const read = await readCluster({ server: `http://127.0.0.1:${port}`, insecure: false }, 300);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(read.skipped[0]).toBe(
        `cluster network config (no answer from http://127.0.0.1:${port} within 0.3 s)`,
      );
      expect(read.skipped).toHaveLength(11);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('vm-network-lint --crd-dir', () => {
  it("checks each manifest against its CRD's structural schema; without a schema it says the check was skipped", async () => {
    const crds = join(dir, 'crds');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(crds, 'ovn'), { recursive: true }));
    await file(
      'crds/ovn/udn.yaml',
      `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec:
  group: k8s.ovn.org
  names: {kind: UserDefinedNetwork}
  versions:
  - name: v1
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              topology: {type: string}
              layer2:
                type: object
                properties:
                  role: {type: string}
                  subnets: {type: array, items: {type: string}}
                  ipam: {type: object, properties: {lifecycle: {type: string}}}
`,
    );
    const path = await file('ipam.yaml', `${VALID_UDN}  ipam:\n    lifecycle: Persistent\n`);
    const checked = await run([path, '--crd-dir', crds]);
    expect([checked.code, checked.out]).toEqual([
      1,
      [
        `${path}:12 spec.ipam: Unknown field: the API server drops it without applying it (kubectl apply --validate=strict refuses it)`,
      ],
    ]);
    const skipped = await run([path]);
    expect([skipped.code, skipped.out]).toEqual([0, []]);
    expect(
      skipped.err.some((l) => l.startsWith('vm-network-lint: Schema checks skipped: no --crd-dir')),
    ).toBe(true);

    // A version the CRD does not serve: refused with the schema; without it, a warning that says how to know.
    const v2 = await file('v2.yaml', VALID_UDN.replace('k8s.ovn.org/v1', 'k8s.ovn.org/v2'));
    const refused = await run([v2, '--crd-dir', crds]);
    expect([refused.code, refused.out]).toEqual([
      1,
      [
        `${v2}:1 apiVersion: The API server serves UserDefinedNetwork as v1 only; k8s.ovn.org/v2 is refused (no matches for kind)`,
      ],
    ]);
    const guessed = await run([v2]);
    expect(guessed.code).toBe(0);
    expect(guessed.out).toEqual([
      `${v2}:1 apiVersion: warning: UserDefinedNetwork is served as v1 by the CRDs vm-network-lint knows; k8s.ovn.org/v2 may not exist on your cluster (checked with the rules of v1; give --crd-dir or --kubeconfig to know)`,
    ]);
  });
});

describe('vm-network-lint --kubeconfig', () => {
  let server: Server;
  const seen: string[] = [];
  const lists: Record<string, unknown> = {
    '/apis/config.openshift.io/v1/networks/cluster': {
      status: { clusterNetwork: [{ cidr: '10.128.0.0/14' }], serviceNetwork: ['172.30.0.0/16'] },
    },
    '/apis/k8s.ovn.org/v1/userdefinednetworks': {
      items: [
        {
          apiVersion: 'k8s.ovn.org/v1',
          kind: 'UserDefinedNetwork',
          metadata: { name: 'old', namespace: 'tenant-b' },
          spec: { topology: 'Layer2', layer2: { role: 'Secondary', subnets: ['10.200.0.0/16'] } },
        },
      ],
    },
  };
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.headers.authorization ?? ''} ${req.url ?? ''}`);
      const body = lists[req.url ?? ''];
      res.writeHead(body ? 200 : 403, body ? 'OK' : 'Forbidden', { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body ?? { kind: 'Status' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the cluster with the token and reports overlaps with cluster and existing networks', async () => {
    const port = (server.address() as AddressInfo).port;
    const kubeconfig = await file(
      'kubeconfig',
      `apiVersion: v1
kind: Config
current-context: dev
contexts: [{name: dev, context: {cluster: c, user: u}}]
clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]
users: [{name: u, user: {token: sha256~abc}}]
`,
    );
    const path = await file('cluster.yaml', VALID_UDN.replace('10.200.0.0/24', '10.129.0.0/24'));
    const other = await file('other.yaml', VALID_UDN.replace('name: blue', 'name: green'));
    const { code, out, err } = await run([path, other, '--kubeconfig', kubeconfig]);
    expect([
      code,
      out,
      seen.every((s) => s.startsWith('Bearer sha256~abc /')),
      err.some((l) => l.includes('could not read NodeNetworkStates (403 Forbidden)')),
    ]).toEqual([
      1,
      [
        `${path}:11 spec.layer2.subnets[0]: Overlaps the cluster network 10.128.0.0/14`,
        `${other}:11 spec.layer2.subnets[0]: warning: Overlaps 10.200.0.0/16 of UserDefinedNetwork tenant-b/old`,
      ],
      true,
      true,
    ]);
  });
});

describe('vm-network-lint --kubeconfig: structural schemas from the cluster', () => {
  const UDN_SCHEMA = {
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }] },
      spec: {
        type: 'object',
        properties: {
          topology: { type: 'string' },
          layer2: {
            type: 'object',
            properties: {
              role: { type: 'string' },
              subnets: { type: 'array', items: { type: 'string' } },
              ipam: { type: 'object', properties: { lifecycle: { type: 'string' } } },
            },
          },
        },
      },
    },
  };
  const CRD = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'userdefinednetworks.k8s.ovn.org' },
    spec: {
      group: 'k8s.ovn.org',
      names: { kind: 'UserDefinedNetwork' },
      versions: [{ name: 'v1', schema: { openAPIV3Schema: UDN_SCHEMA } }],
    },
  };
  const OPENAPI = {
    components: {
      schemas: {
        'org.ovn.k8s.v1.UserDefinedNetwork': {
          ...UDN_SCHEMA,
          'x-kubernetes-group-version-kind': [
            { group: 'k8s.ovn.org', kind: 'UserDefinedNetwork', version: 'v1' },
          ],
        },
      },
    },
  };
  /** A fake API server answering `routes` (path → body) and 403 for anything else; `seen` logs each path. */
  const serve = async (routes: Record<string, unknown>) => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      const body = routes[req.url ?? ''];
      res.writeHead(body ? 200 : 403, body ? 'OK' : 'Forbidden', { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body ?? { kind: 'Status' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const kubeconfig = await file(
      `kubeconfig-${port}`,
      `current-context: dev
contexts: [{name: dev, context: {cluster: c, user: u}}]
clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]
users: [{name: u, user: {token: t}}]
`,
    );
    return { seen, kubeconfig, close: () => new Promise<void>((r) => server.close(() => r())) };
  };
  const IPAM_UDN = `${VALID_UDN}  ipam:\n    lifecycle: Persistent\n`;
  const UNKNOWN = (path: string) =>
    `${path}:12 spec.ipam: Unknown field: the API server drops it without applying it (kubectl apply --validate=strict refuses it)`;

  it("a user who may list CRDs: each manifest is checked against its CRD's schema", async () => {
    const api = await serve({
      // As the API server lists them: items without kind or apiVersion.
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions': {
        items: [{ metadata: CRD.metadata, spec: CRD.spec }],
      },
    });
    try {
      const path = await file('schema-crds.yaml', IPAM_UDN);
      const { code, out, err } = await run([path, '--kubeconfig', api.kubeconfig]);
      expect([code, out]).toEqual([1, [UNKNOWN(path)]]);
      expect(err.filter((l) => /schema|OpenAPI/i.test(l))).toEqual([]);
      expect(api.seen.some((p) => p.startsWith('/openapi'))).toBe(false);
    } finally {
      await api.close();
    }
  });

  it("a tenant who may not list CRDs: the OpenAPI v3 documents of the files' group-versions are read instead", async () => {
    const api = await serve({
      '/openapi/v3': {
        paths: { 'apis/k8s.ovn.org/v1': { serverRelativeURL: '/openapi/v3/apis/k8s.ovn.org/v1?hash=AB' } },
      },
      '/openapi/v3/apis/k8s.ovn.org/v1?hash=AB': OPENAPI,
    });
    try {
      const path = await file('schema-openapi.yaml', IPAM_UDN);
      const nad = await file(
        'schema-nad.yaml',
        NAD('blue', '{"cniVersion": "0.3.1", "type": "bridge", "bridge": "br1"}'),
      );
      const { code, out, err } = await run([path, nad, '--kubeconfig', api.kubeconfig]);
      expect([code, out]).toEqual([1, [UNKNOWN(path)]]);
      expect(err).toContain(
        'vm-network-lint: could not read CustomResourceDefinitions (403 Forbidden); schemas read from the OpenAPI v3 documents instead',
      );
      expect(err).toContain(
        'vm-network-lint: the cluster serves no k8s.cni.cncf.io/v1; its manifests were not checked against a schema',
      );
      // Only the group-versions of the files, each once.
      expect(api.seen.filter((p) => p.startsWith('/openapi/v3/apis/'))).toEqual([
        '/openapi/v3/apis/k8s.ovn.org/v1?hash=AB',
      ]);
    } finally {
      await api.close();
    }
  });

  it('neither CRDs nor OpenAPI readable: the schema check is skipped, saying why', async () => {
    const api = await serve({});
    try {
      const path = await file('schema-none.yaml', IPAM_UDN);
      const { code, out, err } = await run([path, '--kubeconfig', api.kubeconfig]);
      expect([code, out]).toEqual([0, []]);
      expect(err).toContain(
        'vm-network-lint: Schema checks skipped: could not read CustomResourceDefinitions (403 Forbidden); the OpenAPI v3 index (403 Forbidden)',
      );
    } finally {
      await api.close();
    }
  });
});

describe('bin/vm-network-lint.mjs', () => {
  it('runs the CLI through tsx and sets the exit code', async () => {
    const path = await file('bin.yaml', VALID_UDN.replace('Secondary', 'Tertiary'));
    const result = await promisify(execFile)('node', ['bin/vm-network-lint.mjs', path]).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(result).toEqual({
      code: 1,
      stdout: `${path}:9 spec.layer2.role: Must be one of: Primary, Secondary\n`,
    });
  }, 30_000);
});
