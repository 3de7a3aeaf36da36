// The deployment (deploy/, rendered by kustomize) is validated by the local cluster: core kinds by the API server
// itself, the ConsolePlugin by the upstream CRD (OpenAPI schema and CEL rules), all as a server-side dry run; and
// its hardening is checked field by field (issue #11, point 7).
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from '../../src/domain/kube/meta';
import { clientFor, resourcePath, type KubeClient } from '../support/k8s';
import { kustomizeBuild } from './tools';

type KubeObject = K8sObject;

const docs = parseAllDocuments(await kustomizeBuild('deploy')).map((d) => d.toJS() as KubeObject);

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

type Container = {
  image: string;
  securityContext?: Record<string, unknown>;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  readinessProbe?: { httpGet?: { path: string; port: number; scheme?: string } };
  livenessProbe?: { httpGet?: { path: string; port: number; scheme?: string } };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
};
type Deployment = KubeObject & {
  spec: {
    template: {
      spec: {
        automountServiceAccountToken?: boolean;
        securityContext?: Record<string, unknown>;
        containers: Container[];
        volumes: {
          name: string;
          secret?: { defaultMode?: number };
          configMap?: { name: string };
          emptyDir?: object;
        }[];
      };
    };
  };
};
const deployment = () => docs.find((d) => d.kind === 'Deployment') as Deployment;

describe('deploy/ (kustomize build)', () => {
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
    await admin.close();
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

  it('is hardened: read-only root, writable /tmp only, limits, HTTPS probes, no API token, private TLS key', () => {
    const pod = deployment().spec.template.spec;
    const [c] = pod.containers;
    expect(pod.containers).toHaveLength(1);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(c!.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(Object.keys(c!.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    for (const probe of [c!.readinessProbe, c!.livenessProbe])
      expect(probe?.httpGet).toEqual({ path: '/plugin-manifest.json', port: 9443, scheme: 'HTTPS' });
    // Every writable mount is an emptyDir, and nginx.conf writes only there (pid, temp paths).
    const volumes = new Map(pod.volumes.map((v) => [v.name, v]));
    const writable = (c!.volumeMounts ?? []).filter((m) => !m.readOnly);
    expect(writable.map((m) => m.mountPath)).toEqual(['/tmp']);
    for (const m of writable) expect(volumes.get(m.name)?.emptyDir).toBeDefined();
    const conf = readFileSync('deploy/nginx.conf', 'utf8');
    for (const path of conf.matchAll(/^\s*(?:pid|\w+_temp_path)\s+(\S+);/gm))
      expect(path[1]).toMatch(/^\/tmp\//);
    // The serving key: not readable by others (0440 for the pod's fsGroup).
    const certMode = [...volumes.values()].find((v) => v.secret)?.secret?.defaultMode ?? 0o644;
    expect(certMode & 0o007).toBe(0);
    // The config map is generated from deploy/nginx.conf and referenced by its hashed name.
    const cm = docs.find((d) => d.kind === 'ConfigMap') as KubeObject & { data: Record<string, string> };
    expect(cm.data['nginx.conf']).toBe(conf);
    expect(pod.volumes.some((v) => v.configMap?.name === cm.metadata.name)).toBe(true);
  });

  it('sets the image in one place: kustomization.yaml', () => {
    const kustomization = readFileSync('deploy/kustomization.yaml', 'utf8');
    const image = /newName: (\S+)\n\s+newTag: (\S+)/.exec(kustomization);
    expect(image).not.toBeNull();
    expect(deployment().spec.template.spec.containers[0]!.image).toBe(`${image![1]}:${image![2]}`);
    const elsewhere = readdirSync('deploy')
      .filter((f) => f !== 'kustomization.yaml')
      .filter((f) => readFileSync(`deploy/${f}`, 'utf8').includes(image![1]!));
    expect(elsewhere).toEqual([]);
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
