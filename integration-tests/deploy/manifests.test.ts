// The deployment manifests in deploy/ are validated by the local cluster: core kinds by the API server itself,
// the ConsolePlugin by the upstream CRD (OpenAPI schema and CEL rules), all as a server-side dry run.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../../src/domain/kube/meta';
import { clientFor, resourcePath, type KubeClient } from '../support/k8s';

type KubeObject = K8sObject;

const docs = parseAllDocuments(readFileSync('deploy/manifests.yaml', 'utf8')).map(
  (d) => d.toJS() as KubeObject,
);

const PLURALS: Record<string, string> = {
  Namespace: 'namespaces',
  ConfigMap: 'configmaps',
  Deployment: 'deployments',
  Service: 'services',
  ConsolePlugin: 'consoleplugins',
};

const collection = (o: KubeObject): string => {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  return resourcePath({
    group,
    version: version!,
    plural: PLURALS[o.kind] ?? `unknown kind ${o.kind}`,
    namespace: o.metadata.namespace,
  });
};

describe('deploy/manifests.yaml', () => {
  let admin: KubeClient;
  const ns = docs.find((d) => d.kind === 'Namespace')!;

  beforeAll(async () => {
    admin = clientFor('admin');
    // A dry run of a namespaced object needs its namespace to exist.
    const r = await admin.create(collection(ns), ns);
    expect([201, 409]).toContain(r.status);
  });
  afterAll(async () => {
    await admin.delete(`${collection(ns)}/${ns.metadata.name}`);
    admin.close();
  });

  it('has every kind the deployment needs', () => {
    expect(docs.map((d) => d.kind).sort()).toEqual([
      'ConfigMap',
      'ConsolePlugin',
      'Deployment',
      'Namespace',
      'Service',
    ]);
  });

  it.each(docs.filter((d) => d.kind !== 'Namespace').map((d) => [d.kind, d] as const))(
    '%s is accepted by the API server (dry run)',
    async (_kind, doc) => {
      const r = await admin.create(`${collection(doc)}?dryRun=All&fieldValidation=Strict`, doc);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    },
  );

  it('serves the plugin on 9443 from the Service the ConsolePlugin names', () => {
    const plugin = docs.find((d) => d.kind === 'ConsolePlugin') as KubeObject & {
      spec: { backend: { service: { name: string; namespace: string; port: number } } };
    };
    const svc = docs.find((d) => d.kind === 'Service') as KubeObject & {
      spec: { ports: { port: number }[] };
    };
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { consolePlugin: { name: string } };
    expect(plugin.metadata.name).toBe(pkg.consolePlugin.name);
    expect(plugin.spec.backend.service).toEqual({
      name: svc.metadata.name,
      namespace: svc.metadata.namespace,
      port: 9443,
      basePath: '/',
    });
    expect(svc.spec.ports.map((p) => p.port)).toEqual([9443]);
  });

  it('the ConsolePlugin CRD refuses a broken copy (the check is real)', async () => {
    const plugin = docs.find((d) => d.kind === 'ConsolePlugin') as KubeObject & {
      spec: Record<string, unknown>;
    };
    const broken = { ...plugin, spec: { ...plugin.spec, i18n: { loadType: 'Sometimes' } } };
    const r = await admin.create(`${collection(plugin)}?dryRun=All`, broken);
    expect(r.status).toBe(422);
    expect(JSON.stringify(r.body)).toContain('spec.i18n.loadType');
  });
});
