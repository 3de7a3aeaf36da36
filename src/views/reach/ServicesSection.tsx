/** The Services that select this VM (addresses, ports, delete) and "Expose as a Service". */
import { useState, type FC } from 'react';
import {
  Alert,
  Button,
  Flex,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import type { VM } from '../../domain/kube/vm';
import type { SelectorChoice } from '../../domain/reach/selector';
import { serviceEndpoints, type Service, type ServiceEndpoint } from '../../domain/reach/service';
import { ActionError } from '../../components/LoadError';
import type { K8sError } from '../../k8s/errors';
import { ServiceModel } from '../../k8s/models';
import { useK8sClient } from '../../k8s/K8sContext';
import { NS } from '../../i18n/ns';
import { ActionButton } from './ActionButton';
import { ExposeModal, type ExposeDefaults } from './ExposeModal';
import type { ReachData } from './useReachData';
import { useReasons } from './reasons';

export const useEndpointText = () => {
  const { t } = useTranslation(NS);
  return (e: ServiceEndpoint): string => {
    const p = {
      address: e.address,
      port: e.port,
      protocol: e.protocol,
      interpolation: { escapeValue: false },
    };
    switch (e.kind) {
      case 'cluster-ip':
        return t('{{address}}:{{port}}/{{protocol}} inside the cluster', p);
      case 'external':
        return t('{{address}}:{{port}}/{{protocol}} external', p);
      case 'node-port':
        return t('port {{port}}/{{protocol}} on every node', p);
      default:
        return t('port {{port}}/{{protocol}}: external address pending', p);
    }
  };
};

export const ServicesSection: FC<{
  vm: VM;
  selecting: Service[];
  choice: SelectorChoice;
  data: ReachData;
  onPrimaryUdn: boolean;
}> = ({ vm, selecting, choice, data, onPrimaryUdn }) => {
  const { t } = useTranslation(NS);
  const reasons = useReasons(vm.metadata.namespace ?? '', data);
  const endpointText = useEndpointText();
  const [expose, setExpose] = useState<ExposeDefaults | undefined>();
  const [deleting, setDeleting] = useState<Service | undefined>();
  return (
    <>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }}>
        <Title headingLevel="h3" size="md">
          {t('Services that select this VM')}
        </Title>
        <ActionButton
          variant="secondary"
          allowed={reasons.create.allowed}
          reason={reasons.create.reason}
          onClick={() => setExpose({ type: 'LoadBalancer', presets: ['ssh'], suffix: 'svc' })}
          testId="reach-expose"
        >
          {t('Expose as a Service')}
        </ActionButton>
      </Flex>
      {onPrimaryUdn && (
        <Alert
          isInline
          isPlain
          variant="info"
          title={t('This VM is on a primary user-defined network')}
          data-test="reach-udn-note"
        >
          {t(
            'A Service selects the VM on its primary UDN: a ClusterIP is reachable only from pods and VMs of the same network, NodePort and LoadBalancer addresses from outside it. Secondary interfaces are never behind a Service.',
          )}
        </Alert>
      )}
      {data.servicesError ? (
        <ActionError error={data.servicesError} title={t('Could not read the Services of this namespace')} />
      ) : selecting.length === 0 ? (
        <HelperText className="pf-v6-u-my-sm">
          <HelperTextItem data-test="reach-no-services">{t('No Service selects this VM.')}</HelperTextItem>
        </HelperText>
      ) : (
        <Table variant="compact" aria-label={t('Services that select this VM')} data-test="reach-services">
          <Thead>
            <Tr>
              <Th>{t('Name')}</Th>
              <Th>{t('Type')}</Th>
              <Th>{t('Addresses and ports')}</Th>
              <Th>{t('Selector')}</Th>
              <Th screenReaderText={t('Actions')} />
            </Tr>
          </Thead>
          <Tbody>
            {selecting.map((s) => (
              <Tr key={s.metadata.name} data-test={`reach-service-${s.metadata.name}`}>
                <Td dataLabel={t('Name')}>{s.metadata.name}</Td>
                <Td dataLabel={t('Type')}>{s.spec?.type ?? 'ClusterIP'}</Td>
                <Td dataLabel={t('Addresses and ports')}>
                  <List isPlain>
                    {serviceEndpoints(s).map((e, i) => (
                      <ListItem key={i}>{endpointText(e)}</ListItem>
                    ))}
                  </List>
                </Td>
                <Td dataLabel={t('Selector')}>
                  {Object.entries(s.spec?.selector ?? {})
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', ')}
                </Td>
                <Td isActionCell>
                  <ActionButton
                    variant="link"
                    isDanger
                    allowed={reasons.remove.allowed}
                    reason={reasons.remove.reason}
                    onClick={() => setDeleting(s)}
                    testId={`reach-delete-${s.metadata.name}`}
                  >
                    {t('Delete')}
                  </ActionButton>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {expose && (
        <ExposeModal
          vm={vm}
          choice={choice}
          data={data}
          defaults={expose}
          onClose={() => setExpose(undefined)}
        />
      )}
      {deleting && <DeleteServiceModal service={deleting} onClose={() => setDeleting(undefined)} />}
    </>
  );
};

const DeleteServiceModal: FC<{ service: Service; onClose: () => void }> = ({ service, onClose }) => {
  const { t } = useTranslation(NS);
  const client = useK8sClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<K8sError | undefined>();
  const name = service.metadata.name;
  const confirm = async () => {
    setSaving(true);
    const r = await client.delete(ServiceModel, { namespace: service.metadata.namespace, name });
    setSaving(false);
    if (!r.ok && r.error.kind !== 'not-found') return setError(r.error);
    onClose();
  };
  return (
    <Modal
      isOpen
      onClose={onClose}
      variant="small"
      aria-labelledby="delete-svc-title"
      data-test="reach-delete-modal"
    >
      <ModalHeader
        title={t('Delete Service {{name}}?', { name })}
        labelId="delete-svc-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        {error && <ActionError error={error} title={t('The Service was not deleted')} />}
        {t(
          'Whatever reaches the VM through this Service loses the connection; an external address goes back to its pool.',
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={() => void confirm()}
          isLoading={saving}
          isDisabled={saving}
          data-test="reach-confirm-delete"
        >
          {t('Delete')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
