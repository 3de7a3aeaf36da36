/**
 * Add an SSH public key to the VM, as KubeVirt's `accessCredentials` propagate it: through cloud-init at boot
 * (`noCloud` / `configDrive`, the kind of the VM's cloud-init volume), or through the guest agent
 * (`qemuGuestAgent`, which writes the users' authorized_keys while the VM runs). A new credential is a template
 * change: it reaches the VM at its next start. A key added to a Secret the guest agent already propagates is
 * applied while the VM runs.
 */
import { useState, type FC } from 'react';
import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Radio,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import type { VM } from '../../domain/kube/vm';
import {
  accessCredential,
  addAccessCredentialPatch,
  agentKeySecrets,
  checkPublicKey,
  cloudInitKind,
  keySecret,
} from '../../domain/reach/ssh';
import { ActionError } from '../../components/LoadError';
import type { K8sError } from '../../k8s/errors';
import { model, VirtualMachineModel } from '../../k8s/models';
import { useK8sClient } from '../../k8s/K8sContext';
import { NS } from '../../i18n/ns';
import { FieldError } from './text';

export const SecretModel = model({
  group: '',
  version: 'v1',
  plural: 'secrets',
  kind: 'Secret',
  namespaced: true,
  label: 'Secret',
});

type Mode = 'existing' | 'agent' | 'cloud-init';
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const USERS = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export const AddKeyModal: FC<{
  vm: VM;
  defaultUser: string;
  agentConnected: boolean;
  onClose: () => void;
}> = ({ vm, defaultUser, agentConnected, onClose }) => {
  const { t } = useTranslation(NS);
  const client = useK8sClient();
  const namespace = vm.metadata.namespace ?? '';
  const existing = agentKeySecrets(vm.spec.template.spec);
  const cloudInit = cloudInitKind(vm.spec.template.spec.volumes);
  const [mode, setMode] = useState<Mode>(existing.length ? 'existing' : cloudInit ? 'cloud-init' : 'agent');
  const [key, setKey] = useState('');
  const [secret, setSecret] = useState(existing[0]?.secret ?? `${vm.metadata.name}-ssh-key`.slice(0, 253));
  const [users, setUsers] = useState(defaultUser);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<K8sError | undefined>();

  const check = checkPublicKey(key);
  const issues: FieldIssue[] = [];
  if (!check.ok) issues.push({ field: 'key', code: check.code, severity: 'error' });
  if (mode !== 'existing' && (!SUBDOMAIN.test(secret) || secret.length > 253))
    issues.push({ field: 'secret', code: 'secret', severity: 'error' });
  const userList = users
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (mode === 'agent' && (userList.length === 0 || !userList.every((u) => USERS.test(u))))
    issues.push({ field: 'users', code: 'users', severity: 'error' });
  const of = (f: string) => (touched ? issues.filter((i) => i.field === f) : []);
  const text = (i: FieldIssue): string => {
    switch (i.code) {
      case 'required':
        return t('Public key: paste the key, one line such as "ssh-ed25519 AAAA… me@laptop".');
      case 'private-key':
        return t(
          'Public key: this is a private key. Paste the .pub file, and keep the private key to yourself.',
        );
      case 'key-lines':
        return t('Public key: one key, on one line.');
      case 'key-type':
        return t(
          'Public key: the type must be ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521 or a security-key type.',
        );
      case 'key-data':
        return t('Public key: the base64 part is not a key of the stated type (cut or altered?).');
      case 'secret':
        return t('Secret name: lower-case letters, digits, "-" and ".", at most 253 characters.');
      default:
        return t('Users: user names separated by commas.');
    }
  };

  const submit = async () => {
    setTouched(true);
    if (issues.length) return;
    setSaving(true);
    setError(undefined);
    const fail = (e: K8sError) => {
      setSaving(false);
      setError(e);
    };
    if (mode === 'existing') {
      // stringData is merged into data by the API server; a new data key leaves the others alone.
      const r = await client.mergePatch(
        SecretModel,
        { namespace, name: secret },
        {
          stringData: { [`key-${Date.now()}`]: key.trim() },
        },
      );
      if (!r.ok) return fail(r.error);
    } else {
      const created = await client.create(SecretModel, keySecret(namespace, secret, key));
      if (!created.ok) return fail(created.error);
      const entry = accessCredential(
        secret,
        mode === 'agent' ? 'qemuGuestAgent' : (cloudInit ?? 'noCloud'),
        userList,
      );
      const patched = await client.jsonPatch(
        VirtualMachineModel,
        { namespace, name: vm.metadata.name },
        addAccessCredentialPatch(Array.isArray(vm.spec.template.spec.accessCredentials), entry),
      );
      if (!patched.ok) return fail(patched.error);
    }
    setSaving(false);
    onClose();
  };

  return (
    <Modal
      isOpen
      onClose={onClose}
      variant="medium"
      aria-labelledby="add-key-title"
      data-test="add-key-modal"
    >
      <ModalHeader
        title={t('Add an SSH public key to {{vm}}', { vm: vm.metadata.name })}
        labelId="add-key-title"
      />
      <ModalBody>
        <Form onSubmit={(e) => e.preventDefault()}>
          {error && <ActionError error={error} title={t('The key was not added')} />}
          <FormGroup label={t('Public key')} fieldId="add-key-key" isRequired>
            <TextArea
              id="add-key-key"
              value={key}
              onChange={(_e, v) => setKey(v)}
              validated={of('key').length ? 'error' : 'default'}
              rows={3}
              data-test="add-key-key"
            />
            <FieldError issues={of('key')} text={text} testId="add-key-key-error" />
          </FormGroup>
          <FormGroup
            label={t('How the key reaches the guest')}
            role="radiogroup"
            fieldId="add-key-mode"
            isStack
          >
            {existing.length > 0 && (
              <Radio
                id="add-key-existing"
                name="add-key-mode"
                isChecked={mode === 'existing'}
                onChange={() => {
                  setMode('existing');
                  setSecret(existing[0]!.secret);
                }}
                label={t('Add it to a Secret the guest agent already propagates (applied while the VM runs)')}
                data-test="add-key-existing"
              />
            )}
            <Radio
              id="add-key-cloud-init"
              name="add-key-mode"
              isChecked={mode === 'cloud-init'}
              isDisabled={!cloudInit}
              onChange={() => setMode('cloud-init')}
              label={
                cloudInit
                  ? t('At boot, through cloud-init ({{kind}})', { kind: cloudInit })
                  : t('At boot, through cloud-init (this VM has no cloud-init volume)')
              }
              data-test="add-key-cloud-init"
            />
            <Radio
              id="add-key-agent"
              name="add-key-mode"
              isChecked={mode === 'agent'}
              onChange={() => setMode('agent')}
              label={t('Through the guest agent (qemuGuestAgent)')}
              data-test="add-key-agent"
            />
          </FormGroup>
          {mode === 'existing' ? (
            <FormGroup label={t('Secret')} fieldId="add-key-secret-existing">
              <FormSelect id="add-key-secret-existing" value={secret} onChange={(_e, v) => setSecret(v)}>
                {existing.map((s) => (
                  <FormSelectOption
                    key={s.secret}
                    value={s.secret}
                    label={`${s.secret} (${s.users.join(', ')})`}
                  />
                ))}
              </FormSelect>
            </FormGroup>
          ) : (
            <FormGroup label={t('Secret name')} fieldId="add-key-secret" isRequired>
              <TextInput
                id="add-key-secret"
                value={secret}
                onChange={(_e, v) => setSecret(v)}
                data-test="add-key-secret"
              />
              <FieldError issues={of('secret')} text={text} />
            </FormGroup>
          )}
          {mode === 'agent' && (
            <FormGroup label={t('Users (comma-separated)')} fieldId="add-key-users" isRequired>
              <TextInput
                id="add-key-users"
                value={users}
                onChange={(_e, v) => setUsers(v)}
                data-test="add-key-users"
              />
              <FieldError issues={of('users')} text={text} />
            </FormGroup>
          )}
          <Alert
            isInline
            isPlain
            variant={mode === 'existing' ? 'info' : 'warning'}
            title={
              mode === 'existing'
                ? t('The guest agent writes the key into the users’ authorized_keys while the VM runs.')
                : t(
                    'A new credential is a change of the VM template: it reaches the VM at its next start (restart a running VM).',
                  )
            }
            data-test="add-key-consequence"
          >
            {mode === 'cloud-init' &&
              t(
                'cloud-init writes the key when the guest boots; a guest that already ran cloud-init may apply it only on a first boot.',
              )}
            {mode !== 'cloud-init' &&
              t(
                'Needs the QEMU guest agent running in the guest, in a guest whose agent may write authorized keys (RHEL 9-style guests; RHEL 8 needs its SELinux policy changed).',
              )}
            {mode !== 'cloud-init' &&
              !agentConnected &&
              ` ${t('The guest agent of this VM is not connected now.')}`}
          </Alert>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          onClick={() => void submit()}
          isLoading={saving}
          isAriaDisabled={saving}
          data-test="add-key-submit"
        >
          {t('Add key')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
