/**
 * vm-network-lint --kubeconfig against the real local API server (issue #14): TLS verified with the cluster's CA,
 * bearer-token users with different rights, a kubeconfig whose CA does not match. The server has no client-CA,
 * so client-certificate users are covered by the unit tests' kubeconfig parsing only.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCluster, readKubeconfig } from '../../src/cli/cluster';
import { type CliIO, main } from '../../src/cli/vm-network-lint';
import { readClusterState } from '../cluster/state';
import { clientFor } from '../support/k8s';

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
    readCluster: async (k, c) => readCluster(await readKubeconfig(k, c)),
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
    const skipped = err.filter((l) => l.includes('could not read'));
    expect(skipped).toHaveLength(11);
    expect(skipped.every((l) => /certificate|self.signed|unable to verify/i.test(l))).toBe(true);
  });
});
