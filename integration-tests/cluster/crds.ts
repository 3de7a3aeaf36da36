// Installs every upstream CRD found in CRD_DIR (default ../shared/crds) and waits until each is Established.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { KubeClient, KubeObject } from '../support/k8s';
import { waitUntil } from './processes';
import { projectRoot } from './state';

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

export const crdDir = (): string => resolve(process.env.CRD_DIR ?? join(projectRoot, '..', 'shared', 'crds'));

/** Reads the CRDs; a missing or empty folder is an error that says what to set. */
export const readCrds = (dir = crdDir()): KubeObject[] => {
  const hint = 'Set CRD_DIR to the folder of upstream CRD YAML files (see ../shared/crds/SOURCES.md).';
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new Error(`CRD_DIR ${dir} does not exist. ${hint}`);
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  const crds = files
    .flatMap((f) =>
      parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJS() as KubeObject | null),
    )
    .filter((o): o is KubeObject => o?.kind === 'CustomResourceDefinition');
  if (crds.length === 0) throw new Error(`CRD_DIR ${dir} holds no CustomResourceDefinition. ${hint}`);
  return crds;
};

type Condition = { type: string; status: string; message?: string };
const conditionsOf = (o: KubeObject): Condition[] =>
  (o.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];

const installOne = async (client: KubeClient, crd: KubeObject): Promise<void> => {
  // A plain POST (or PUT): three CRDs exceed the 256 KiB last-applied annotation of client-side apply.
  const created = await client.create(CRDS, crd);
  if (created.status === 409) {
    const name = crd.metadata?.name ?? '';
    const current = await client.get(`${CRDS}/${name}`);
    const replaced = await client.replace(`${CRDS}/${name}`, {
      ...crd,
      metadata: { ...crd.metadata, resourceVersion: current.body.metadata?.resourceVersion },
    });
    if (replaced.status >= 300) throw new Error(`replace CRD ${name}: ${JSON.stringify(replaced.body)}`);
  } else if (created.status >= 300) {
    throw new Error(`create CRD ${crd.metadata?.name}: ${JSON.stringify(created.body)}`);
  }
};

/** Creates (or replaces) each CRD, then waits for all to be Established. Returns their names. */
export const installCrds = async (client: KubeClient, crds: KubeObject[]): Promise<string[]> => {
  const names = crds.map((c) => c.metadata?.name ?? '');
  await Promise.all(crds.map((crd) => installOne(client, crd)));
  const pending = new Set(names);
  await waitUntil(
    'CRDs to be Established',
    async () => {
      const list = await client.list(CRDS);
      for (const crd of list.body.items ?? []) {
        if (conditionsOf(crd).some((c) => c.type === 'Established' && c.status === 'True')) {
          pending.delete(crd.metadata?.name ?? '');
        }
      }
      return pending.size === 0;
    },
    120_000,
    () => `Still pending: ${[...pending].join(', ')}`,
  );
  return names;
};
