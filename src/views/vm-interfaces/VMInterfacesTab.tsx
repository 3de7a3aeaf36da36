import { useMemo, type FC } from 'react';
import {
  Button,
  EmptyState,
  EmptyStateBody,
  Flex,
  PageSection,
  Skeleton,
  Title,
  Tooltip,
} from '@patternfly/react-core';
import { PlusCircleIcon } from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import { useTranslation } from 'react-i18next';
import type { K8sObject } from '../../domain/kube/meta';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { LoadError } from '../../components/LoadError';
import { NS } from '../../i18n/ns';
import { InterfaceTable } from './InterfaceTable';
import { useInterfaceActions } from './useInterfaceActions';
import { useVMNetworkRows } from './useVMNetworkRows';
import { withPluginQueries } from '../../k8s/PluginQueries';
import { ReachabilityCard } from '../guidance/ReachabilityCard';
import { vmKey } from '../../domain/kube/vm';
import { StagedPlan } from './StagedPlan';
import { useStagedPlan } from './useStagedPlan';
import { ReachCard } from '../reach/ReachCard';
import { ManageColumns } from './ManageColumns';
import { useHiddenColumns } from './columnPrefs';

/**
 * "Network interfaces" tab of the console's VirtualMachine details page: the console passes the VM as `obj`.
 * The tab watches the VM's namespace, so the table follows the live VM, not the object it was opened with.
 */
const VMInterfacesTab: FC<{ obj?: K8sObject }> = ({ obj }) => {
  const { t } = useTranslation(NS);
  const namespace = obj?.metadata.namespace;
  const name = obj?.metadata.name;
  const { rows, vms, vmis, nads, loaded, error, connections } = useVMNetworkRows(namespace);
  const mine = useMemo(() => rows.filter((r) => r.vmName === name), [rows, name]);
  const vm = vms.find((v) => v.metadata.name === name);
  const draft = useStagedPlan(
    vm,
    vmis.find((v) => v.metadata.name === name),
  );
  const { staging: isStaging, draftVM, stage } = draft;
  const staging = useMemo(
    () => (isStaging && draftVM ? { key: vmKey(namespace, name ?? ''), vm: draftVM, stage } : undefined),
    [isStaging, draftVM, stage, namespace, name],
  );
  const { actions, modal, addButtonProps } = useInterfaceActions(vms, vmis, nads, rows, staging);
  // The tab keeps its own column choice, apart from the VM networks page's (columnPrefs.ts, key per page).
  const [hiddenColumns, setHiddenColumns] = useHiddenColumns('vm-tab');

  const body = () => {
    if (error) return <LoadError error={error} title={t('Could not load the interfaces')} />;
    if (!loaded) return <Skeleton height="200px" screenreaderText={t('Loading interfaces')} />;
    if (!vm) return <EmptyState titleText={t('This virtual machine no longer exists')} headingLevel="h2" />;
    if (mine.length === 0)
      return (
        <EmptyState titleText={t('No network interfaces')} headingLevel="h2" data-test="empty-interfaces">
          <EmptyStateBody>{t('This virtual machine has no network interfaces.')}</EmptyStateBody>
        </EmptyState>
      );
    return (
      <InterfaceTable rows={mine} showVM={false} hidden={hiddenColumns} actions={actions} height="auto" />
    );
  };

  const add = vm ? addButtonProps(vm) : undefined;
  return (
    <PageSection>
      <ConnectionBanner connections={connections} />
      {vm && <ReachCard vm={vm} vms={vms} vmis={vmis} rows={mine} />}
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        className="vm-network-console-plugin__tab-header"
      >
        <Title headingLevel="h2">{t('Network interfaces')}</Title>
        <Flex spaceItems={{ default: 'spaceItemsSm' }}>
          <ManageColumns page="vm-tab" hidden={hiddenColumns} onSave={setHiddenColumns} />
          {add && (
            <Tooltip
              content={add.reason}
              trigger={add.allowed ? 'manual' : 'mouseenter focus'}
              isVisible={add.allowed ? false : undefined}
            >
              <Button
                variant="secondary"
                icon={<PlusCircleIcon />}
                onClick={add.onClick}
                isAriaDisabled={!add.allowed}
                data-test="add-interface"
              >
                {t('Add network interface')}
              </Button>
            </Tooltip>
          )}
        </Flex>
      </Flex>
      {add && <StagedPlan s={draft} allowed={add.allowed} reason={add.reason} />}
      {body()}
      {vm && namespace && name && <ReachabilityCard namespace={namespace} name={name} />}
      {modal}
    </PageSection>
  );
};

export default withPluginQueries(VMInterfacesTab);
