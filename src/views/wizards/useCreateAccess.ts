/**
 * Where the user may create each network kind, asked once when the Create network page opens: namespaced kinds
 * through access.ts's namespace discovery with verb `create`, cluster-scoped kinds and the SR-IOV kinds (which
 * live in the operator's namespace) with one access review each.
 */
import { createContext, useContext, useMemo } from 'react';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { accessOfReview, accessOfScope, type CreateAccess } from '../../domain/manifests/shared/createAccess';
import type { NetworkKind } from '../../domain/manifests/shared/kinds';
import { SRIOV_NAMESPACE } from '../../domain/manifests/sriov/sriov';
import { checkAccess, modelAccess, readableNamespaces } from '../../k8s/access';
import type { K8sError } from '../../k8s/errors';
import { useK8sClient, useNamespaceHints } from '../../k8s/K8sContext';
import {
  ClusterUserDefinedNetworkModel,
  NetworkAttachmentDefinitionModel,
  NodeNetworkConfigurationPolicyModel,
  SriovNetworkModel,
  SriovNetworkNodePolicyModel,
  UserDefinedNetworkModel,
  type K8sModel,
} from '../../k8s/models';
import { retryTransient, unwrap } from '../../k8s/queries';

/** Each kind's model, and the fixed namespace of kinds that live in one. */
const KIND_TARGET: Record<NetworkKind, { model: K8sModel; namespace?: string }> = {
  'nad-layer2': { model: NetworkAttachmentDefinitionModel },
  'nad-localnet': { model: NetworkAttachmentDefinitionModel },
  'nad-bridge': { model: NetworkAttachmentDefinitionModel },
  'udn-layer2': { model: UserDefinedNetworkModel },
  'udn-layer3': { model: UserDefinedNetworkModel },
  'cudn-layer2': { model: ClusterUserDefinedNetworkModel },
  'cudn-layer3': { model: ClusterUserDefinedNetworkModel },
  'cudn-localnet': { model: ClusterUserDefinedNetworkModel },
  nncp: { model: NodeNetworkConfigurationPolicyModel },
  'sriov-policy': { model: SriovNetworkNodePolicyModel, namespace: SRIOV_NAMESPACE },
  'sriov-network': { model: SriovNetworkModel, namespace: SRIOV_NAMESPACE },
};

const TARGETS = [
  { model: NetworkAttachmentDefinitionModel, perNamespace: true },
  { model: UserDefinedNetworkModel, perNamespace: true },
  { model: ClusterUserDefinedNetworkModel },
  { model: NodeNetworkConfigurationPolicyModel },
  { model: SriovNetworkNodePolicyModel, namespace: SRIOV_NAMESPACE },
  { model: SriovNetworkModel, namespace: SRIOV_NAMESPACE },
] as const;

export type CreateAccessByKind = (kind: NetworkKind) => CreateAccess;

const UNKNOWN: CreateAccess = { state: 'unknown' };

export const useCreateAccess = (): CreateAccessByKind => {
  const client = useK8sClient();
  const hints = useNamespaceHints();
  const results = useQueries({
    queries: TARGETS.map((target) =>
      queryOptions<CreateAccess, K8sError>({
        queryKey: ['k8s', 'create-access', target.model.group, target.model.plural, hints ?? []] as const,
        queryFn: async () =>
          'perNamespace' in target
            ? accessOfScope(
                unwrap(
                  await readableNamespaces(client, target.model, { hints: hints ?? [], verb: 'create' }),
                ),
              )
            : accessOfReview(
                unwrap(
                  await checkAccess(
                    client,
                    modelAccess(target.model, 'create', 'namespace' in target ? target.namespace : undefined),
                  ),
                ),
              ),
        // RBAC changes rarely during a session.
        staleTime: 60_000,
        retry: retryTransient,
      }),
    ),
  });
  const byModel = useMemo(
    () => new Map(TARGETS.map((t, i) => [t.model, results[i]?.data ?? UNKNOWN] as const)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the answers, not the results array identity
    results.map((r) => r.data),
  );
  return useMemo(() => {
    const of: CreateAccessByKind = (kind) => byModel.get(KIND_TARGET[kind].model) ?? { state: 'unknown' };
    return of;
  }, [byModel]);
};

const unknown: CreateAccessByKind = () => ({ state: 'unknown' });
export const CreateAccessContext = createContext<CreateAccessByKind>(unknown);
export const useKindCreateAccess = (kind: NetworkKind): CreateAccess => useContext(CreateAccessContext)(kind);
