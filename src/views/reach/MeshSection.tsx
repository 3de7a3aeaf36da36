/**
 * Service mesh: does the VM get an Istio sidecar (domain/reach/mesh.ts), are the prerequisites met, and a switch
 * that sets or removes the template annotation (the pod gets it when the VM starts: a restart).
 */
import { useState, type FC } from 'react';
import { Alert, HelperText, HelperTextItem, List, ListItem, Switch, Tooltip } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { K8sObject } from '../../domain/kube/meta';
import type { VM } from '../../domain/kube/vm';
import { meshPrerequisites, sidecarPatch, sidecarRequested } from '../../domain/reach/mesh';
import { ActionError } from '../../components/LoadError';
import { modelAccess } from '../../k8s/access';
import type { K8sError } from '../../k8s/errors';
import { model, NamespaceModel, VirtualMachineModel } from '../../k8s/models';
import { useK8sClient } from '../../k8s/K8sContext';
import { useAccessReview } from '../../k8s/useAccessReview';
import { useApiAvailable } from '../../k8s/useApiAvailable';
import { useWatchObject } from '../../k8s/useWatchObject';
import { useWatchResources } from '../../k8s/useWatchResources';
import { NS } from '../../i18n/ns';

type MemberRoll = K8sObject & { spec?: { members?: string[] }; status?: { configuredMembers?: string[] } };
/** OpenShift Service Mesh 2's member roll. */
export const ServiceMeshMemberRollModel = model<MemberRoll>({
  group: 'maistra.io',
  version: 'v1',
  plural: 'servicemeshmemberrolls',
  kind: 'ServiceMeshMemberRoll',
  namespaced: true,
  label: 'ServiceMeshMemberRoll',
});

export const MeshSection: FC<{ vm: VM }> = ({ vm }) => {
  const { t } = useTranslation(NS);
  const client = useK8sClient();
  const namespace = vm.metadata.namespace ?? '';
  const ns = useWatchObject(NamespaceModel, { name: namespace });
  const rollApi = useApiAvailable(ServiceMeshMemberRollModel);
  const rolls = useWatchResources(ServiceMeshMemberRollModel, { namespaces: ['istio-system'] });
  const canPatch = useAccessReview(modelAccess(VirtualMachineModel, 'patch', namespace));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<K8sError | undefined>();

  const labels = ns.loaded && !ns.error && ns.data ? (ns.data.metadata.labels ?? {}) : undefined;
  const members =
    rollApi.available === false
      ? []
      : rolls.loaded && !rolls.error
        ? rolls.data.flatMap((r) => r.status?.configuredMembers ?? r.spec?.members ?? [])
        : undefined;
  const check = meshPrerequisites(vm, labels, members);
  const on = sidecarRequested(vm);
  const reason = !canPatch.loaded
    ? t('Checking your permissions…')
    : !canPatch.allowed
      ? t('You may not change virtual machines in namespace {{ns}}.', { ns: namespace })
      : !on && !check.masquerade
        ? t('The pod network interface must use the masquerade binding for the guest to be in the mesh.')
        : undefined;

  const toggle = async (next: boolean) => {
    setSaving(true);
    setError(undefined);
    const r = await client.jsonPatch(
      VirtualMachineModel,
      { namespace, name: vm.metadata.name },
      sidecarPatch(vm, next),
    );
    setSaving(false);
    if (!r.ok) setError(r.error);
  };

  const sw = (
    <Switch
      id="mesh-sidecar"
      label={t('Istio sidecar (sidecar.istio.io/inject on the VM template)')}
      isChecked={on}
      isDisabled={saving || !!reason}
      onChange={(_e, v) => void toggle(v)}
      data-test="mesh-sidecar"
    />
  );
  return (
    <>
      {error && <ActionError error={error} title={t('The VM was not changed')} />}
      {reason ? (
        <Tooltip content={reason}>
          <span tabIndex={0} data-test="mesh-sidecar-reason" data-reason={reason}>
            {sw}
          </span>
        </Tooltip>
      ) : (
        sw
      )}
      <List isPlain className="pf-v6-u-mt-sm" data-test="mesh-prerequisites">
        <ListItem>
          {check.masquerade
            ? t('✓ The pod network interface uses masquerade.')
            : t('✗ The pod network interface does not use masquerade (or the VM has none).')}
        </ListItem>
        <ListItem>
          {check.namespace === 'member'
            ? t('✓ Namespace {{ns}} is in the mesh.', { ns: namespace })
            : check.namespace === 'not-member'
              ? t(
                  '✗ Namespace {{ns}} is in no ServiceMeshMemberRoll and not labelled istio-injection=enabled or istio.io/rev.',
                  { ns: namespace },
                )
              : t(
                  '? Whether namespace {{ns}} is in the mesh is not known: you may read neither the namespace nor the member roll.',
                  { ns: namespace },
                )}
        </ListItem>
      </List>
      <HelperText>
        <HelperTextItem variant="warning">
          {t(
            'The sidecar is added to the VM’s pod when it starts: a change takes effect at the next restart.',
          )}
        </HelperTextItem>
      </HelperText>
      {on && check.namespace === 'not-member' && (
        <Alert
          isInline
          isPlain
          variant="warning"
          title={t(
            'The sidecar is requested, but the namespace is not in the mesh: no sidecar will be injected.',
          )}
        />
      )}
    </>
  );
};
