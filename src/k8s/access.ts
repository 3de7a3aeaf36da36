/**
 * Which namespaces may this user list? A tenant must get one list per namespace it can read, never a
 * cluster-wide list it would be refused. Order of questions (cheapest first, each answer authoritative):
 *  1. SelfSubjectAccessReview `list <resource>` with no namespace → allowed: one cluster-wide list.
 *  2. List namespaces (core) — works for admins and users granted it — and keep those where an SSAR allows.
 *  3. OpenShift: list `projects`, which returns exactly the namespaces the user can see, then SSAR each.
 *  4. Neither: the caller's hints (shell `?namespaces=` / UI namespace picker / the console's active namespace),
 *     each checked with an SSAR. Upstream Kubernetes has no "namespaces I can see" API; SelfSubjectRulesReview
 *     needs a namespace too, so it cannot discover them either.
 */
import type { K8sClient } from './client';
import { ok, type K8sResult } from './errors';
import {
  NamespaceModel,
  ProjectModel,
  SelfSubjectAccessReviewModel,
  apiVersionOf,
  resourcePath,
  type K8sModel,
} from './models';

export type AccessAttributes = {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
};

type SSAR = {
  apiVersion: string;
  kind: string;
  metadata: Record<string, never>;
  spec: { resourceAttributes: AccessAttributes };
  status?: { allowed: boolean; denied?: boolean; reason?: string };
};

export type AccessDecision = { allowed: boolean; reason?: string };

/** The SelfSubjectAccessReview to POST for `attrs` (empty optional fields left out). */
export const accessReviewBody = (attrs: AccessAttributes): SSAR => ({
  apiVersion: apiVersionOf(SelfSubjectAccessReviewModel),
  kind: SelfSubjectAccessReviewModel.kind,
  metadata: {},
  spec: {
    resourceAttributes: Object.fromEntries(
      Object.entries(attrs).filter(([, v]) => v !== undefined && v !== ''),
    ) as AccessAttributes,
  },
});

/** `list` (or another verb) on a model, in a namespace or cluster-wide. */
export const modelAccess = (model: K8sModel, verb: string, namespace?: string): AccessAttributes => ({
  verb,
  group: model.group,
  resource: model.plural,
  ...(namespace ? { namespace } : {}),
});

export const checkAccess = async (
  client: K8sClient,
  attrs: AccessAttributes,
): Promise<K8sResult<AccessDecision>> => {
  const r = await client.request<SSAR>(resourcePath(SelfSubjectAccessReviewModel), {
    method: 'POST',
    body: accessReviewBody(attrs),
  });
  if (!r.ok) return r;
  const s = r.value.status;
  return ok({ allowed: s?.allowed === true, ...(s?.reason ? { reason: s.reason } : {}) });
};

export type NamespaceScope =
  | { kind: 'cluster' }
  | { kind: 'namespaces'; namespaces: string[]; source: 'namespaces' | 'projects' | 'hints' };

/** Runs `fn` over `items` at most `limit` at a time, keeping order. */
const mapLimit = async <A, B>(items: readonly A[], limit: number, fn: (a: A) => Promise<B>): Promise<B[]> => {
  const out: B[] = new Array<B>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as A);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
};

const filterReadable = async (
  client: K8sClient,
  model: K8sModel,
  verb: string,
  namespaces: readonly string[],
) => {
  const unique = [...new Set(namespaces)].sort();
  const decisions = await mapLimit(unique, 8, (ns) => checkAccess(client, modelAccess(model, verb, ns)));
  const firstError = decisions.find((d) => !d.ok);
  if (firstError && !firstError.ok && decisions.every((d) => !d.ok)) return firstError;
  return ok(unique.filter((_, i) => decisions[i]?.ok && decisions[i].value.allowed));
};

const namesOf = async (client: K8sClient, model: K8sModel) => {
  const r = await client.listAll(model);
  return r.ok ? ok(r.value.items.map((i) => i.metadata.name)) : r;
};

/**
 * The namespaces the user may see, whatever the resource (steps 2 and 3): `hints` when neither namespaces nor
 * projects can be listed. The same for every model, so a page asks it once (useWatchResources shares it).
 */
export type NamespaceCandidates =
  { source: 'namespaces' | 'projects'; names: string[] } | { source: 'hints' };

export const namespaceCandidates = async (client: K8sClient): Promise<K8sResult<NamespaceCandidates>> => {
  for (const [source, listModel] of [
    ['namespaces', NamespaceModel],
    ['projects', ProjectModel],
  ] as const) {
    const names = await namesOf(client, listModel);
    // forbidden / not-found (no OpenShift): try the next source; anything else is a real failure.
    if (!names.ok && names.error.kind !== 'forbidden' && names.error.kind !== 'not-found') return names;
    if (names.ok) return ok({ source, names: names.value });
  }
  return ok({ source: 'hints' });
};

/**
 * Where `verb` (default `list`) on `model` is allowed for the current user; see the module comment.
 * `candidates` replaces the namespaces/projects lookup (a shared, cached answer); the access reviews stay per model.
 */
export const readableNamespaces = async (
  client: K8sClient,
  model: K8sModel,
  o: {
    hints?: readonly string[];
    verb?: string;
    candidates?: () => Promise<K8sResult<NamespaceCandidates>>;
  } = {},
): Promise<K8sResult<NamespaceScope>> => {
  const verb = o.verb ?? 'list';
  const cluster = await checkAccess(client, modelAccess(model, verb));
  if (!cluster.ok) return cluster;
  if (cluster.value.allowed || !model.namespaced) return ok({ kind: 'cluster' });

  const candidates = await (o.candidates ?? (() => namespaceCandidates(client)))();
  if (!candidates.ok) return candidates;
  const c = candidates.value;
  const names = c.source === 'hints' ? (o.hints ?? []) : c.names;
  const readable = await filterReadable(client, model, verb, names);
  return readable.ok ? ok({ kind: 'namespaces', namespaces: readable.value, source: c.source }) : readable;
};
