/**
 * The VM's DNS names (domain/reach/fqdn.ts): the internal name, with what is missing and a button that adds it
 * (hostname and subdomain on the template, the headless Service), and the KubeSecondaryDNS name of each secondary
 * interface, or why there is none.
 */
import { useState, type FC } from 'react';
import {
  Alert,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { K8sObject } from '../../domain/kube/meta';
import type { VM } from '../../domain/kube/vm';
import {
  clusterFqdnFromApiUrl,
  headlessService,
  hostnamePatch,
  internalName,
  isDnsLabel,
  secondaryNames,
  type HyperConverged,
} from '../../domain/reach/fqdn';
import type { SelectorChoice } from '../../domain/reach/selector';
import type { Service } from '../../domain/reach/service';
import { ActionError } from '../../components/LoadError';
import { modelAccess } from '../../k8s/access';
import type { K8sError } from '../../k8s/errors';
import {
  HyperConvergedModel,
  InfrastructureModel,
  ServiceModel,
  VirtualMachineModel,
  type K8sModel,
} from '../../k8s/models';
import { useK8sClient } from '../../k8s/K8sContext';
import { useAccessReview } from '../../k8s/useAccessReview';
import { useWatchObject } from '../../k8s/useWatchObject';
import { useWatchResources } from '../../k8s/useWatchResources';
import { NS } from '../../i18n/ns';
import { ActionButton } from './ActionButton';
import { CopyCommand } from './CopyCommand';

type Infrastructure = K8sObject & { status?: { apiServerURL?: string } };

export const FqdnSection: FC<{ vm: VM; selecting: Service[]; choice: SelectorChoice }> = ({
  vm,
  selecting,
  choice,
}) => {
  const { t } = useTranslation(NS);
  const client = useK8sClient();
  const namespace = vm.metadata.namespace ?? '';
  const hcos = useWatchResources(HyperConvergedModel as K8sModel<K8sObject & HyperConverged>, {
    namespaces: ['openshift-cnv', 'kubevirt-hyperconverged'],
  });
  const infra = useWatchObject(InfrastructureModel as K8sModel<Infrastructure>, { name: 'cluster' });
  const canPatchVM = useAccessReview(modelAccess(VirtualMachineModel, 'patch', namespace));
  const canCreateSvc = useAccessReview(modelAccess(ServiceModel, 'create', namespace));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<K8sError | undefined>();

  const internal = internalName(vm, selecting);
  const hostname = internal.hostname ?? (isDnsLabel(vm.metadata.name) ? vm.metadata.name : 'vm');
  const subdomain = internal.subdomain ?? 'vms';
  const needsVM = internal.missing.includes('hostname') || internal.missing.includes('subdomain');
  const needsSvc = internal.missing.includes('headless-service');
  const allowed =
    (!needsVM || canPatchVM.allowed) && (!needsSvc || canCreateSvc.allowed) && choice.kind !== 'add';
  const reason = !(canPatchVM.loaded && canCreateSvc.loaded)
    ? t('Checking your permissions…')
    : choice.kind === 'add'
      ? t('No label selects only this VM: expose it as a Service first, adding one.')
      : t('You may not change virtual machines or create Services in namespace {{ns}}.', { ns: namespace });

  const createMissing = async () => {
    setSaving(true);
    setError(undefined);
    if (needsVM) {
      const r = await client.jsonPatch(
        VirtualMachineModel,
        { namespace, name: vm.metadata.name },
        hostnamePatch(vm, hostname, subdomain),
      );
      if (!r.ok) {
        setSaving(false);
        return setError(r.error);
      }
    }
    if (needsSvc && !selecting.some((s) => s.metadata.name === subdomain)) {
      const r = await client.create(
        ServiceModel,
        headlessService(namespace, subdomain, { [choice.key]: choice.value }),
      );
      if (!r.ok) {
        setSaving(false);
        return setError(r.error);
      }
    }
    setSaving(false);
  };

  const missingText = {
    hostname: t('spec.hostname on the VM template'),
    subdomain: t('spec.subdomain on the VM template'),
    'headless-service': t('a headless Service named {{subdomain}} that selects the VM', { subdomain }),
  };
  const hco = hcos.loaded && !hcos.error ? hcos.data[0] : undefined;
  const secondary = secondaryNames(vm, hco, clusterFqdnFromApiUrl(infra.data?.status?.apiServerURL));

  return (
    <Stack hasGutter>
      <StackItem>
        <Title headingLevel="h4" size="md">
          {t('Inside the cluster')}
        </Title>
        {internal.fqdn ? (
          <>
            <CopyCommand text={internal.fqdn} testId="fqdn-internal" />
            <HelperText>
              <HelperTextItem>
                {t('cluster.local is the usual cluster domain; a cluster may be set up with another.')}
              </HelperTextItem>
            </HelperText>
          </>
        ) : (
          <>
            <HelperText>
              <HelperTextItem data-test="fqdn-missing">
                {t('Cluster DNS has no name for this VM yet. Missing: {{missing}}.', {
                  missing: internal.missing.map((m) => missingText[m]).join(', '),
                  interpolation: { escapeValue: false },
                })}
              </HelperTextItem>
              {needsVM && (
                <HelperTextItem variant="warning">
                  {t(
                    'Hostname and subdomain are set on the VM’s pod when it starts: the name resolves after the next restart.',
                  )}
                </HelperTextItem>
              )}
            </HelperText>
            {error && <ActionError error={error} title={t('The missing parts were not created')} />}
            <ActionButton
              variant="secondary"
              className="pf-v6-u-mt-sm"
              allowed={allowed}
              reason={reason}
              isLoading={saving}
              onClick={() => void createMissing()}
              testId="fqdn-create"
            >
              {t('Create what is missing ({{name}})', {
                name: `${hostname}.${subdomain}.${namespace}.svc`,
                interpolation: { escapeValue: false },
              })}
            </ActionButton>
          </>
        )}
      </StackItem>
      <StackItem>
        <Title headingLevel="h4" size="md">
          {t('Secondary interfaces (KubeSecondaryDNS)')}
        </Title>
        {secondary.state === 'enabled' ? (
          secondary.names.length === 0 ? (
            <HelperText>
              <HelperTextItem>{t('This VM has no secondary interface.')}</HelperTextItem>
            </HelperText>
          ) : (
            <List isPlain>
              {secondary.names.map((n) => (
                <ListItem key={n.iface}>
                  {n.fqdn ? (
                    <CopyCommand text={n.fqdn} testId={`fqdn-secondary-${n.iface}`} />
                  ) : (
                    t('{{iface}}: its name is not a DNS label, so it has no DNS name.', { iface: n.iface })
                  )}
                </ListItem>
              ))}
            </List>
          )
        ) : (
          <Alert
            isInline
            isPlain
            variant="info"
            data-test="fqdn-secondary-missing"
            title={
              secondary.state === 'disabled'
                ? t(
                    'KubeSecondaryDNS is not enabled: a cluster administrator sets spec.featureGates.deployKubeSecondaryDNS in the HyperConverged CR.',
                  )
                : secondary.state === 'no-domain'
                  ? t(
                      'The cluster’s FQDN is not known (the Infrastructure object cannot be read), so the names cannot be written out.',
                    )
                  : t('Whether KubeSecondaryDNS runs is not known: you may not read the HyperConverged CR.')
            }
          />
        )}
        {secondary.state === 'enabled' && secondary.names.length > 0 && (
          <HelperText>
            <HelperTextItem>
              {t(
                'Each name resolves to the address the guest agent reports on that interface, through the KubeSecondaryDNS name server.',
              )}
            </HelperTextItem>
          </HelperText>
        )}
      </StackItem>
    </Stack>
  );
};
