/**
 * SSH to this VM four ways, each with the exact command for the user and key typed here: `virtctl ssh`, a
 * ~/.ssh/config stanza through `virtctl port-forward`, a Service (existing, or created for port 22 in one click),
 * and a secondary interface's address as the guest agent reports it.
 */
import { useMemo, useState, type FC } from 'react';
import {
  Alert,
  Flex,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  HelperText,
  HelperTextItem,
  Stack,
  StackItem,
  TextInput,
  Title,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import type { VM } from '../../domain/kube/vm';
import type { SelectorChoice } from '../../domain/reach/selector';
import {
  buildService,
  portDraft,
  serviceEndpoints,
  suggestServiceName,
  type Service,
  type ServiceType,
} from '../../domain/reach/service';
import { sshAlias, sshConfigStanza, sshTo, validateSshInput, virtctlSsh } from '../../domain/reach/ssh';
import { ActionError } from '../../components/LoadError';
import type { K8sError } from '../../k8s/errors';
import { ServiceModel } from '../../k8s/models';
import { useK8sClient } from '../../k8s/K8sContext';
import { NS } from '../../i18n/ns';
import { ActionButton } from './ActionButton';
import { CopyCommand } from './CopyCommand';
import { ExposeModal } from './ExposeModal';
import { AddKeyModal, SecretModel } from './AddKeyModal';
import { agentKeySecrets } from '../../domain/reach/ssh';
import { modelAccess } from '../../k8s/access';
import { VirtualMachineModel } from '../../k8s/models';
import { useAccessReview } from '../../k8s/useAccessReview';
import { getGuestAgentState, type VMI } from '../../domain/kube/vm';
import { FieldError, useReachIssueText } from './text';
import type { ReachData } from './useReachData';
import { useReasons } from './reasons';

/** The user cloud-init creates (`user:` of the cloud-config), as a default for the user name field. */
export const cloudInitUser = (vm: VM): string => {
  for (const v of vm.spec.template.spec.volumes ?? []) {
    const data = v.cloudInitNoCloud?.userData ?? v.cloudInitConfigDrive?.userData;
    const m = typeof data === 'string' ? /^user:\s*([A-Za-z0-9_.-]+)\s*$/m.exec(data) : null;
    if (m?.[1]) return m[1];
  }
  return '';
};

const sshPort = (s: Service) =>
  (s.spec?.ports ?? []).filter((p) => p.targetPort === 22 || (p.targetPort === undefined && p.port === 22));

export const SshSection: FC<{
  vm: VM;
  running: boolean;
  vmi?: VMI;
  rows: InterfaceRow[];
  selecting: Service[];
  choice: SelectorChoice;
  data: ReachData;
}> = ({ vm, running, vmi, rows, selecting, choice, data }) => {
  const { t } = useTranslation(NS);
  const issueText = useReachIssueText();
  const client = useK8sClient();
  const reasons = useReasons(vm.metadata.namespace ?? '', data);
  const namespace = vm.metadata.namespace ?? '';
  const name = vm.metadata.name;
  const [user, setUser] = useState(() => cloudInitUser(vm));
  const [identityFile, setIdentityFile] = useState('~/.ssh/id_ed25519');
  const [ip, setIp] = useState('');
  const [creating, setCreating] = useState<ServiceType | undefined>();
  const [createError, setCreateError] = useState<K8sError | undefined>();
  const [expose, setExpose] = useState<ServiceType | undefined>();
  const [addKey, setAddKey] = useState(false);
  const canCreateSecret = useAccessReview(modelAccess(SecretModel, 'create', namespace));
  const canPatchSecret = useAccessReview(modelAccess(SecretModel, 'patch', namespace));
  const canPatchVM = useAccessReview(modelAccess(VirtualMachineModel, 'patch', namespace));
  const keyAllowed =
    (canCreateSecret.allowed && canPatchVM.allowed) ||
    (agentKeySecrets(vm.spec.template.spec).length > 0 && canPatchSecret.allowed);
  const keyReason = !(canCreateSecret.loaded && canPatchVM.loaded && canPatchSecret.loaded)
    ? t('Checking your permissions…')
    : t('You may not create Secrets or change virtual machines in namespace {{ns}}.', { ns: namespace });
  const issues = validateSshInput({ user, identityFile });
  const ok = issues.length === 0;
  const input = { namespace, vm: name, user, identityFile };

  const secondary = useMemo(
    () =>
      rows.flatMap((r) =>
        r.network && (r.network.kind === 'multus' || r.network.kind === 'sriov')
          ? r.ips
              .filter((a) => !a.linkLocal && !a.stale)
              .map((a) => ({ address: a.address, row: r, sources: a.sources }))
          : [],
      ),
    [rows],
  );
  const picked = secondary.find((s) => s.address === ip) ?? secondary[0];

  const sshServices = selecting.flatMap((s) =>
    sshPort(s).flatMap((p) =>
      serviceEndpoints({ ...s, spec: { ...s.spec, ports: [p] } }).map((e) => ({
        service: s.metadata.name,
        e,
      })),
    ),
  );

  const createSshService = async (type: ServiceType) => {
    if (choice.kind === 'add') return setExpose(type);
    setCreating(type);
    setCreateError(undefined);
    const draft = {
      name: suggestServiceName(
        name,
        'ssh',
        data.services.map((s) => s.metadata.name),
      ),
      type,
      ports: [portDraft('ssh')],
      pool: '',
      address: '',
    };
    const r = await client.create(
      ServiceModel,
      buildService(draft, namespace, { [choice.key]: choice.value }),
    );
    setCreating(undefined);
    if (!r.ok) setCreateError(r.error);
  };

  return (
    <Stack hasGutter>
      {!running && (
        <StackItem>
          <Alert
            isInline
            isPlain
            variant="info"
            title={t('The VM is not running: these commands work once it runs.')}
          />
        </StackItem>
      )}
      <StackItem>
        <Form isHorizontal onSubmit={(e) => e.preventDefault()}>
          <Grid hasGutter>
            <GridItem span={6}>
              <FormGroup label={t('User name')} fieldId="ssh-user" isRequired>
                <TextInput
                  id="ssh-user"
                  value={user}
                  onChange={(_e, v) => setUser(v)}
                  validated={issues.some((i) => i.field === 'user') ? 'error' : 'default'}
                  data-test="ssh-user"
                />
                <FieldError
                  issues={issues.filter((i) => i.field === 'user')}
                  text={issueText}
                  testId="ssh-user-error"
                />
              </FormGroup>
            </GridItem>
            <GridItem span={6}>
              <FormGroup label={t('Identity file')} fieldId="ssh-identity">
                <TextInput
                  id="ssh-identity"
                  value={identityFile}
                  onChange={(_e, v) => setIdentityFile(v)}
                  validated={issues.some((i) => i.field === 'identityFile') ? 'error' : 'default'}
                  data-test="ssh-identity"
                />
                <FieldError issues={issues.filter((i) => i.field === 'identityFile')} text={issueText} />
              </FormGroup>
            </GridItem>
          </Grid>
        </Form>
      </StackItem>
      {ok && (
        <>
          <StackItem>
            <Title headingLevel="h4" size="md">
              {t('1. virtctl ssh')}
            </Title>
            <CopyCommand text={virtctlSsh(input)} testId="ssh-virtctl" />
          </StackItem>
          <StackItem>
            <Title headingLevel="h4" size="md">
              {t('2. ssh through virtctl port-forward')}
            </Title>
            <HelperText>
              <HelperTextItem>
                {t('Add this to {{file}}, then run the command below it (scp and rsync work too).', {
                  file: '~/.ssh/config',
                })}
              </HelperTextItem>
            </HelperText>
            <CopyCommand text={sshConfigStanza(input)} testId="ssh-config" />
            <CopyCommand text={`ssh ${sshAlias(namespace, name)}`} testId="ssh-config-command" />
          </StackItem>
          <StackItem>
            <Title headingLevel="h4" size="md">
              {t('3. ssh through a Service')}
            </Title>
            {sshServices.length === 0 ? (
              <HelperText>
                <HelperTextItem data-test="ssh-no-service">
                  {t('No Service forwards port 22 to this VM yet.')}
                </HelperTextItem>
              </HelperText>
            ) : (
              sshServices.map(({ service, e }, i) =>
                e.kind === 'external' || e.kind === 'cluster-ip' ? (
                  <div key={i}>
                    <HelperText>
                      <HelperTextItem>
                        {e.kind === 'external'
                          ? t('Service {{service}}, external address', { service })
                          : t('Service {{service}}, from inside the cluster', { service })}
                      </HelperTextItem>
                    </HelperText>
                    <CopyCommand
                      text={sshTo({ user, identityFile, address: e.address ?? '', port: e.port })}
                      testId={`ssh-service-${service}-${e.kind}`}
                    />
                  </div>
                ) : (
                  <HelperText key={i}>
                    <HelperTextItem data-test={`ssh-service-${service}-${e.kind}`}>
                      {e.kind === 'node-port'
                        ? t('Service {{service}}: port {{port}} on any node’s address (ssh -p {{port}})', {
                            service,
                            port: e.port,
                          })
                        : t('Service {{service}}: its external address is still pending', { service })}
                    </HelperTextItem>
                  </HelperText>
                ),
              )
            )}
            {createError && <ActionError error={createError} title={t('The Service was not created')} />}
            <Flex className="pf-v6-u-mt-sm">
              {(['LoadBalancer', 'NodePort'] as ServiceType[]).map((type) => (
                <ActionButton
                  key={type}
                  variant="secondary"
                  allowed={reasons.create.allowed}
                  reason={reasons.create.reason}
                  isLoading={creating === type}
                  onClick={() => void createSshService(type)}
                  testId={`ssh-create-${type}`}
                >
                  {type === 'LoadBalancer'
                    ? t('Create a LoadBalancer Service for SSH')
                    : t('Create a NodePort Service for SSH')}
                </ActionButton>
              ))}
            </Flex>
          </StackItem>
          <StackItem>
            <Title headingLevel="h4" size="md">
              {t('4. ssh to a secondary network address')}
            </Title>
            {secondary.length === 0 || !picked ? (
              <HelperText>
                <HelperTextItem data-test="ssh-no-secondary">
                  {t(
                    'No secondary interface reports an address (the guest agent reports them while the VM runs).',
                  )}
                </HelperTextItem>
              </HelperText>
            ) : (
              <>
                <FormSelect
                  aria-label={t('Address')}
                  value={picked.address}
                  onChange={(_e, v) => setIp(v)}
                  data-test="ssh-secondary-ip"
                >
                  {secondary.map((s) => (
                    <FormSelectOption
                      key={`${s.row.id}/${s.address}`}
                      value={s.address}
                      label={`${s.address} (${s.row.name})`}
                    />
                  ))}
                </FormSelect>
                <HelperText>
                  <HelperTextItem data-test="ssh-secondary-provenance">
                    {t(
                      'Interface {{iface}} on {{network}}, reported by {{sources}}. Your machine must reach this network.',
                      {
                        iface: picked.row.name,
                        network: picked.row.network?.label ?? '',
                        sources: picked.sources.join(', '),
                        interpolation: { escapeValue: false },
                      },
                    )}
                  </HelperTextItem>
                </HelperText>
                <CopyCommand
                  text={sshTo({ user, identityFile, address: picked.address })}
                  testId="ssh-secondary"
                />
              </>
            )}
          </StackItem>
        </>
      )}
      <StackItem>
        <Title headingLevel="h4" size="md">
          {t('Add a public key')}
        </Title>
        <HelperText>
          <HelperTextItem>
            {t(
              'KubeVirt puts the key into the guest through cloud-init at boot, or through the guest agent while it runs.',
            )}
          </HelperTextItem>
        </HelperText>
        <ActionButton
          variant="secondary"
          className="pf-v6-u-mt-sm"
          allowed={keyAllowed}
          reason={keyReason}
          onClick={() => setAddKey(true)}
          testId="ssh-add-key"
        >
          {t('Add a public key')}
        </ActionButton>
      </StackItem>
      {addKey && (
        <AddKeyModal
          vm={vm}
          defaultUser={user}
          agentConnected={getGuestAgentState(vmi) === 'connected'}
          onClose={() => setAddKey(false)}
        />
      )}
      {expose && (
        <ExposeModal
          vm={vm}
          choice={choice}
          data={data}
          defaults={{ type: expose, presets: ['ssh'], suffix: 'ssh' }}
          onClose={() => setExpose(undefined)}
        />
      )}
    </Stack>
  );
};
