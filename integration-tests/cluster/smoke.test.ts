// The local cluster behaves like a real one: CRD validation (CEL), RBAC, watches, and an API-server restart.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor, type KubeClient, type KubeObject, type WatchEvent } from '../support/k8s';
import { restartApiServer } from './cluster';
import { obj, pathOf } from './seed/kinds';
import { buildVM, buildVMI, vmPlan } from './seed/vms';

const admin = clientFor('admin');
const tenantA = clientFor('tenant-a');
const tenantB = clientFor('tenant-b');
const viewer = clientFor('viewer');
afterAll(() => Promise.all([admin, tenantA, tenantB, viewer].map((c) => c.close())));

const suffix = (): string => randomBytes(3).toString('hex');
const UDNS = (ns: string) => `/apis/k8s.ovn.org/v1/namespaces/${ns}/userdefinednetworks`;
const VMS = (ns?: string) => `/apis/kubevirt.io/v1${ns ? `/namespaces/${ns}` : ''}/virtualmachines`;
const VMIS = (ns: string) => `/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachineinstances`;

type Status = { details?: { causes?: { field?: string; message?: string }[] } };

/** Resolves with the first watch event matching `match`; rejects on a non-200 watch (429 is retried) or after `ms`. */
const waitForEvent = async (
  client: KubeClient,
  path: string,
  match: (e: WatchEvent) => boolean,
  trigger: () => Promise<unknown>,
  ms = 30_000,
): Promise<WatchEvent> => {
  const deadline = Date.now() + ms;
  let found: WatchEvent | undefined;
  let triggered = false;
  let status = 0;
  while (!found && Date.now() < deadline) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), deadline - Date.now());
    const watching = client.watch(
      path,
      (e) => {
        if (e.type === 'ERROR') abort.abort(); // e.g. 410 Gone: the resourceVersion is too old
        if (!found && match(e)) {
          found = e;
          abort.abort();
        }
      },
      abort.signal,
    );
    if (!triggered) {
      triggered = true;
      await trigger();
    }
    status = await watching.catch(() => 0);
    clearTimeout(timer);
    // 429: the API server's watch cache is behind the resourceVersion asked for (Retry-After: 1), which happens
    // while other test files load it. Watching again from the same resourceVersion still sees the change.
    if (status !== 429) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (!found) throw new Error(`no matching event on ${path} (watch status ${status})`);
  return found;
};

/** A running VM and VMI of our own (seed builders), so the tests do not change the seeded data. */
const createRunningVM = async (namespace: string): Promise<{ vm: KubeObject; vmi: KubeObject }> => {
  const base = vmPlan(1); // a tenant-a-dev VM: pod network plus two secondary networks
  const plan = {
    ...base,
    name: `smoke-${suffix()}`,
    scenario: 'agent' as const,
    profile: { ...base.profile, namespace },
  };
  const vm = await admin.create(VMS(namespace), buildVM(plan));
  expect(vm.status).toBe(201);
  const vmi = await admin.create(VMIS(namespace), buildVMI(plan, vm.body));
  expect(vmi.status).toBe(201);
  return { vm: vm.body, vmi: vmi.body };
};

describe('CRD validation', () => {
  const udn = (name: string, layer2: Record<string, unknown>) =>
    obj('UserDefinedNetwork', {
      metadata: { name, namespace: 'tenant-b' },
      spec: { topology: 'Layer2', layer2 },
    });

  it('accepts a valid UDN from the namespace admin', async () => {
    const name = `smoke-${suffix()}`;
    const res = await tenantB.create(
      UDNS('tenant-b'),
      udn(name, { role: 'Secondary', subnets: ['10.250.0.0/16'] }),
    );
    expect(res.status).toBe(201);
    expect((await tenantB.delete(pathOf(res.body))).status).toBe(200);
  });

  it('refuses a UDN that breaks a CEL rule with 422 naming the field', async () => {
    const bad = udn(`smoke-${suffix()}`, { role: 'Primary', ipam: { mode: 'Disabled' } });
    const res = await tenantB.create(UDNS('tenant-b'), bad);
    expect(res.status).toBe(422);
    const causes = (res.body as Status).details?.causes ?? [];
    expect(causes).toContainEqual(
      expect.objectContaining({
        field: 'spec.layer2',
        message: expect.stringContaining(
          'Disabled ipam.mode is only supported for Secondary network',
        ) as unknown,
      }),
    );
  });
});

describe('RBAC', () => {
  it('forbids tenant-a to list NNCPs', async () => {
    expect((await tenantA.list('/apis/nmstate.io/v1/nodenetworkconfigurationpolicies')).status).toBe(403);
  });

  it('lets tenant-a list VMs in its own namespaces only', async () => {
    expect((await tenantA.list(VMS())).status).toBe(403);
    expect((await tenantA.list(VMS('tenant-b'))).status).toBe(403);
    for (const ns of ['tenant-a', 'tenant-a-dev']) {
      const res = await tenantA.list(VMS(ns));
      expect(res.status).toBe(200);
      expect(res.body.items?.length).toBeGreaterThan(0);
      expect(res.body.items?.every((vm) => vm.metadata?.namespace === ns)).toBe(true);
    }
  });

  it('lets viewer read everywhere, cluster-scoped network kinds included, and write nothing', async () => {
    for (const path of [VMS(), '/apis/nmstate.io/v1/nodenetworkconfigurationpolicies', '/api/v1/nodes']) {
      expect((await viewer.list(path)).status).toBe(200);
    }
    const udn = obj('UserDefinedNetwork', {
      metadata: { name: `smoke-${suffix()}`, namespace: 'tenant-b' },
      spec: { topology: 'Layer2', layer2: { role: 'Secondary', subnets: ['10.251.0.0/16'] } },
    });
    expect((await viewer.create(UDNS('tenant-b'), udn)).status).toBe(403);
  });
});

describe('watch', () => {
  it('sees a VMI status change', async () => {
    const { vm, vmi } = await createRunningVM('tenant-a-dev');
    const name = vmi.metadata?.name ?? '';
    const ip = '10.201.99.99';
    const event = await waitForEvent(
      tenantA,
      `${VMIS('tenant-a-dev')}?fieldSelector=metadata.name=${name}&resourceVersion=${vmi.metadata?.resourceVersion}`,
      (e) => e.type === 'MODIFIED' && JSON.stringify(e.object.status).includes(ip),
      () =>
        admin.patch(
          pathOf(vmi),
          [{ op: 'replace', path: '/status/interfaces/1/ipAddress', value: ip }],
          'json',
        ),
    );
    expect(event.object.metadata?.name).toBe(name);
    await admin.delete(pathOf(vm)); // the garbage collector removes the VMI it owns
  });
});

describe('API server restart', () => {
  it('keeps the data, and a client resumes its watch (or relists)', async () => {
    const before = await admin.list(VMS('tenant-a'));
    const names = before.body.items?.map((vm) => vm.metadata?.name).sort();
    const rv = before.body.metadata?.resourceVersion ?? '';
    await restartApiServer();
    const after = await admin.list(VMS('tenant-a'));
    expect(after.body.items?.map((vm) => vm.metadata?.name).sort()).toEqual(names);

    const vm = after.body.items?.[0] as KubeObject;
    let mark = '';
    const touch = async () => {
      mark = suffix(); // a new value each time, so the second attempt is a real change too
      const res = await admin.patch(pathOf(vm), { metadata: { annotations: { 'smoke/restart': mark } } });
      expect(res.status).toBe(200);
    };
    const marked = (e: WatchEvent) => e.object.metadata?.annotations?.['smoke/restart'] === mark;
    // Resume from the old resourceVersion; if the server no longer has it (410 Gone), relist and watch from there.
    const resumed = await waitForEvent(
      admin,
      `${VMS('tenant-a')}?resourceVersion=${rv}`,
      marked,
      touch,
    ).catch(async () => {
      const relisted = await admin.list(VMS('tenant-a'));
      return waitForEvent(
        admin,
        `${VMS('tenant-a')}?resourceVersion=${relisted.body.metadata?.resourceVersion}`,
        marked,
        touch,
      );
    });
    expect(resumed.type).toBe('MODIFIED');
  });
});
