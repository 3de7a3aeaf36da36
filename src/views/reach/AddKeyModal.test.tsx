// @vitest-environment jsdom
// "Add SSH key" as a user meets it: the key checked with a message that names the field, the way the key reaches
// the guest chosen from what the VM has (cloud-init volume, guest agent), and what is sent.
import { act, fireEvent, screen } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { K8sObject } from '../../domain/kube/meta';
import type { VM } from '../../domain/kube/vm';
import { aVM } from '../../domain/testing/fixtures';
import type { K8sResult } from '../../k8s/errors';
import { renderWithRecordingClient } from '../testing/recordingClient';
import '../testing/renderSetup';
import { AddKeyModal } from './AddKeyModal';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => ({ consoleFetch: vi.fn() }));

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq8Y7M2v8VqW0XgZ8x0o1o9k0Zb8c0x7cXx0mN1fX6b me@laptop';
const withCloudInit = aVM({
  name: 'vm1',
  volumes: [{ name: 'cloudinitdisk', cloudInitNoCloud: { userData: '#cloud-config' } }],
});
const withoutCloudInit = aVM({ name: 'vm1' });

const open = ({
  vm = withCloudInit,
  agentConnected = true,
  createAnswer = (obj: K8sObject): K8sResult<K8sObject> => ({ ok: true, value: obj }),
}: {
  vm?: VM;
  agentConnected?: boolean;
  createAnswer?: (obj: K8sObject) => K8sResult<K8sObject>;
}) => {
  const onClose = vi.fn();
  const sent = renderWithRecordingClient(
    createElement(AddKeyModal, { vm, defaultUser: 'cloud-user', agentConnected, onClose }),
    { patched: vm, createAnswer },
  );
  return { sent, onClose };
};

const keyBox = () => screen.getByRole('textbox', { name: 'Public key' });
const addKey = async () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));
  });

describe('add SSH key modal', () => {
  const badKeys: { name: string; value: string; message: string }[] = [
    { name: 'nothing pasted', value: '', message: 'Public key: paste the key' },
    {
      name: 'a private key',
      value: '-----BEGIN OPENSSH PRIVATE KEY-----',
      message: 'Public key: this is a private key.',
    },
    { name: 'two keys', value: `${KEY}\n${KEY}`, message: 'Public key: one key, on one line.' },
    {
      name: 'a cut key',
      value: KEY.replace('ssh-ed25519', 'ssh-rsa'),
      message: 'Public key: the base64 part is not a key of the stated type',
    },
  ];
  for (const c of badKeys)
    it(`${c.name}: the message names the field, and nothing is sent`, async () => {
      const { sent, onClose } = open({});
      fireEvent.change(keyBox(), { target: { value: c.value } });
      expect(screen.queryByTestId('add-key-key-error')).toBeNull(); // not before Add
      await addKey();
      expect(screen.getByTestId('add-key-key-error').textContent).toContain(c.message);
      expect(sent.created).toHaveLength(0);
      expect(onClose).not.toHaveBeenCalled();
    });

  it('a VM with a cloud-init volume gets the key at boot: a Secret, then an access credential for noCloud', async () => {
    const { sent, onClose } = open({});
    expect(
      screen.getByRole<HTMLInputElement>('radio', { name: /through cloud-init \(noCloud\)/ }).checked,
    ).toBe(true);
    expect(screen.getByTestId('add-key-consequence').textContent).toContain(
      'reaches the VM at its next start',
    );
    fireEvent.change(keyBox(), { target: { value: KEY } });
    await addKey();
    expect(sent.created[0]).toMatchObject({
      kind: 'Secret',
      metadata: { name: 'vm1-ssh-key', namespace: 'ns1' },
    });
    expect(JSON.stringify(sent.patches[0])).toContain('"noCloud"');
    expect(onClose).toHaveBeenCalled();
  });

  it('a VM without cloud-init: the cloud-init way is disabled and says why; the guest agent needs users', async () => {
    const { sent } = open({ vm: withoutCloudInit, agentConnected: false });
    const cloudInit = screen.getByRole<HTMLInputElement>('radio', {
      name: /this VM has no cloud-init volume/,
    });
    expect(cloudInit.disabled).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: /guest agent/ }).checked).toBe(true);
    expect(screen.getByTestId('add-key-consequence').textContent).toContain(
      'The guest agent of this VM is not connected now.',
    );
    fireEvent.change(keyBox(), { target: { value: KEY } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Users (comma-separated)' }), {
      target: { value: 'cloud user' },
    });
    await addKey();
    expect(screen.getByText('Users: user names separated by commas.')).toBeTruthy();
    expect(sent.created).toHaveLength(0);
  });

  it('a bad Secret name is said under it', async () => {
    const { sent } = open({});
    fireEvent.change(keyBox(), { target: { value: KEY } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Secret name' }), { target: { value: 'My_Key' } });
    await addKey();
    expect(screen.getByText(/^Secret name: lower-case letters/)).toBeTruthy();
    expect(sent.created).toHaveLength(0);
  });

  it('the server refusing the Secret is said; the VM is not changed and the modal stays', async () => {
    const { sent, onClose } = open({
      createAnswer: () => ({
        ok: false,
        error: {
          kind: 'conflict',
          status: 409,
          reason: 'AlreadyExists',
          message: 'secrets "vm1-ssh-key" already exists',
        },
      }),
    });
    fireEvent.change(keyBox(), { target: { value: KEY } });
    await addKey();
    expect(screen.getByText('The key was not added')).toBeTruthy();
    expect(screen.getByRole('dialog').textContent).toContain('already exists');
    expect(sent.patches).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('Cancel closes and sends nothing', () => {
    const { sent, onClose } = open({});
    fireEvent.change(keyBox(), { target: { value: KEY } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
    expect(sent.created).toHaveLength(0);
  });
});
