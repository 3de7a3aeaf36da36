/**
 * vm-network-lint --kubeconfig against the real local API server (issue #14): TLS verified with the cluster's CA,
 * bearer-token and client-certificate users with different rights (certificates embedded in the kubeconfig or in
 * files beside it), a kubeconfig whose CA does not match, a certificate the server's client CA did not sign; and
 * the structural schema check with the cluster's schemas (the CRDs for the admin, the OpenAPI v3 documents for a
 * tenant who may not list CRDs).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readCluster, readKubeconfig } from '../../src/cli/cluster';
import { type CliIO, main } from '../../src/cli/vm-network-lint';
import { readClusterState } from '../cluster/state';
import { createCertificate } from '../cluster/x509';
import { clientFor } from '../support/k8s';

const UNKNOWN_FIELD =
  'Unknown field: the API server drops it without applying it (kubectl apply --validate=strict refuses it)';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lint-cluster-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    readFile: (p) => readFile(p, 'utf8'),
    readCluster: async (k, c, o) => readCluster(await readKubeconfig(k, c), undefined, o),
  };
  return { code: await main(argv, io), out, err };
};

type Udn = { metadata: { name: string; namespace: string }; spec?: { layer2?: { subnets?: string[] } } };

/** A UDN of the seeded cluster with a layer2 subnet, to collide with. */
const seededSubnet = async () => {
  const admin = clientFor('admin');
  try {
    const res = await admin.request<{ items: Udn[] }>('GET', '/apis/k8s.ovn.org/v1/userdefinednetworks');
    const udn = res.body.items.find((u) => u.spec?.layer2?.subnets?.some((s) => s.includes('.')));
    const subnet = udn?.spec?.layer2?.subnets?.find((s) => s.includes('.'));
    if (!udn || !subnet) throw new Error('the seed has no layer2 UDN with an IPv4 subnet');
    return {
      owner: `UserDefinedNetwork ${udn.metadata.namespace}/${udn.metadata.name}`,
      namespace: udn.metadata.namespace,
      subnet,
    };
  } finally {
    await admin.close();
  }
};

const udnFile = (subnet: string, namespace = 'lint-probe') => `apiVersion: k8s.ovn.org/v1
kind: UserDefinedNetwork
metadata:
  name: lint-probe
  namespace: ${namespace}
spec:
  topology: Layer2
  layer2:
    role: Secondary
    subnets:
    - ${subnet}
`;

describe('vm-network-lint --kubeconfig against the local cluster', () => {
  it('admin (token, TLS with the cluster CA): reads the cluster and reports an overlap with a seeded network', async () => {
    const state = readClusterState();
    const { owner, namespace, subnet } = await seededSubnet();
    const file = join(dir, 'probe.yaml');
    // In an existing namespace (the admin's read of namespaces checks it).
    await writeFile(file, udnFile(subnet, namespace));
    const { code, out, err } = await run([file, '--kubeconfig', state.users.admin.kubeconfig]);
    expect(out).toContain(`${file}:11 spec.layer2.subnets[0]: warning: Overlaps ${subnet} of ${owner}`);
    expect(err.filter((l) => /certificate|ECONNREFUSED|timed out|no answer/.test(l))).toEqual([]);
    expect(code).toBe(0);
  });

  it('a tenant (token, cluster-wide reads forbidden): the run goes on, naming each check it could not do', async () => {
    const state = readClusterState();
    const file = join(dir, 'tenant.yaml');
    await writeFile(file, udnFile('10.251.0.0/24'));
    const { code, err } = await run([file, '--kubeconfig', state.users['tenant-a'].kubeconfig]);
    expect(code).toBe(0);
    expect(err).toContain(
      'vm-network-lint: could not read UserDefinedNetworks (403 Forbidden); checks that need it were skipped',
    );
  });

  it('a kubeconfig whose CA does not match the server: every read is refused by TLS, with the reason', async () => {
    const state = readClusterState();
    const text = await readFile(state.users.admin.kubeconfig, 'utf8');
    // A CA that did not sign the server's certificate: the kubeconfig's own cluster CA replaced by another PEM.
    const other = join(dir, 'other-ca.crt');
    await writeFile(other, await readFile(join(import.meta.dirname, 'other-ca.pem'), 'utf8'));
    const wrong = join(dir, 'wrong-ca.kubeconfig');
    await writeFile(wrong, text.replace(state.caFile, other));
    const file = join(dir, 'tls.yaml');
    await writeFile(file, udnFile('10.252.0.0/24'));
    const { code, err } = await run([file, '--kubeconfig', wrong]);
    expect(code).toBe(0);
    const skipped = err.filter((l) => l.startsWith('vm-network-lint: could not read'));
    expect(skipped).toHaveLength(11);
    expect(skipped.every((l) => /certificate|self.signed|unable to verify/i.test(l))).toBe(true);
  });

  it('the UDN spec.ipam the docs once showed is an unknown field, with the schemas of the cluster: admin reads the CRDs', async () => {
    const state = readClusterState();
    const file = join(dir, 'ipam-admin.yaml');
    await writeFile(file, `${udnFile('10.253.0.0/24', 'tenant-a')}  ipam:\n    lifecycle: Persistent\n`);
    const { code, out, err } = await run([file, '--kubeconfig', state.users.admin.kubeconfig]);
    expect(out).toEqual([`${file}:12 spec.ipam: ${UNKNOWN_FIELD}`]);
    expect(err.filter((l) => /schema|OpenAPI/i.test(l))).toEqual([]);
    expect(code).toBe(1);
  });

  it('same for a tenant, who may not list CRDs: the OpenAPI v3 documents are read instead, and it says so', async () => {
    const state = readClusterState();
    const file = join(dir, 'ipam-tenant.yaml');
    await writeFile(file, `${udnFile('10.253.1.0/24', 'tenant-a')}  ipam:\n    lifecycle: Persistent\n`);
    const { code, out, err } = await run([file, '--kubeconfig', state.users['tenant-a'].kubeconfig]);
    expect(out).toEqual([`${file}:12 spec.ipam: ${UNKNOWN_FIELD}`]);
    expect(err).toContain(
      'vm-network-lint: could not read CustomResourceDefinitions (403 Forbidden); schemas read from the OpenAPI v3 documents instead',
    );
    expect(code).toBe(1);
  });
});

describe('vm-network-lint --kubeconfig with client-certificate users', () => {
  /** The cluster's client-certificate kubeconfig of `user`; a cluster started before they existed has none. */
  const certKubeconfig = (user: 'admin' | 'tenant-a'): string => {
    const path = readClusterState().certificateUsers?.[user]?.kubeconfig;
    if (!path)
      throw new Error(
        'this local cluster was started before client certificates were added: restart it (npm run cluster:down, then npm run cluster:up)',
      );
    return path;
  };

  it('admin (client-certificate-data in the kubeconfig, O=system:masters): reads the cluster and its CRDs', async () => {
    const { owner, namespace, subnet } = await seededSubnet();
    const file = join(dir, 'cert-admin.yaml');
    await writeFile(file, `${udnFile(subnet, namespace)}  ipam:\n    lifecycle: Persistent\n`);
    const { code, out, err } = await run([file, '--kubeconfig', certKubeconfig('admin')]);
    expect(out).toEqual([
      `${file}:11 spec.layer2.subnets[0]: warning: Overlaps ${subnet} of ${owner}`,
      `${file}:12 spec.ipam: ${UNKNOWN_FIELD}`,
    ]);
    // Authenticated as admin: nothing refused (the local cluster serves no OpenShift operator config: 404).
    expect(err.filter((l) => /\((401|403) /.test(l))).toEqual([]);
    expect(code).toBe(1);
  });

  it('tenant-a (client-certificate and client-key files beside the kubeconfig): its RBAC, not more', async () => {
    const source = parse(await readFile(certKubeconfig('tenant-a'), 'utf8')) as {
      users: { user: Record<string, string> }[];
    };
    const user = source.users[0]?.user ?? {};
    const folder = join(dir, 'cert-files');
    await mkdir(join(folder, 'pki'), { recursive: true });
    const decode = (v: string | undefined) => Buffer.from(v ?? '', 'base64').toString('utf8');
    await writeFile(join(folder, 'pki', 'tenant-a.crt'), decode(user['client-certificate-data']));
    await writeFile(join(folder, 'pki', 'tenant-a.key'), decode(user['client-key-data']), { mode: 0o600 });
    delete user['client-certificate-data'];
    delete user['client-key-data'];
    user['client-certificate'] = 'pki/tenant-a.crt'; // relative: to the kubeconfig's folder, as kubectl reads it
    user['client-key'] = 'pki/tenant-a.key';
    const kubeconfig = join(folder, 'config');
    await writeFile(kubeconfig, stringify(source));
    const file = join(dir, 'cert-tenant.yaml');
    await writeFile(file, `${udnFile('10.253.2.0/24', 'tenant-a')}  ipam:\n    lifecycle: Persistent\n`);
    const { code, out, err } = await run([file, '--kubeconfig', kubeconfig]);
    expect(out).toEqual([`${file}:12 spec.ipam: ${UNKNOWN_FIELD}`]);
    expect(err).toContain(
      'vm-network-lint: could not read UserDefinedNetworks (403 Forbidden); checks that need it were skipped',
    );
    expect(err).toContain(
      'vm-network-lint: could not read CustomResourceDefinitions (403 Forbidden); schemas read from the OpenAPI v3 documents instead',
    );
    expect(code).toBe(1);
  });

  it('a client certificate the cluster did not sign: every read is refused as unauthenticated (401)', async () => {
    const source = parse(await readFile(certKubeconfig('admin'), 'utf8')) as {
      users: { user: Record<string, string> }[];
    };
    const stranger = createCertificate({
      commonName: 'admin',
      organizations: ['system:masters'],
      ca: false,
      days: 1,
      issuer: createCertificate({ commonName: 'local-cluster-client-ca', ca: true, days: 1 }),
    });
    const user = source.users[0]?.user ?? {};
    user['client-certificate-data'] = Buffer.from(stranger.cert).toString('base64');
    user['client-key-data'] = Buffer.from(stranger.key).toString('base64');
    const kubeconfig = join(dir, 'stranger.kubeconfig');
    await writeFile(kubeconfig, stringify(source));
    const file = join(dir, 'stranger.yaml');
    await writeFile(file, udnFile('10.253.3.0/24'));
    const { code, err } = await run([file, '--kubeconfig', kubeconfig]);
    const skipped = err.filter((l) => l.startsWith('vm-network-lint: could not read'));
    expect(skipped).toHaveLength(11);
    expect(skipped.every((l) => l.includes('(401 Unauthorized)'))).toBe(true);
    expect(code).toBe(0);
  });
});
