/**
 * SSH to a VM, four ways, as commands a user copies into a POSIX shell or into ~/.ssh/config. Every value that
 * reaches a command line is hostile (object names, user names, paths typed by the user): it is single-quoted for
 * the shell, and values with control characters (a newline would end the command) are refused, not quoted.
 * virtctl's syntax: `virtctl ssh [--identity-file F] [--namespace N] user@vm/name` and
 * `virtctl port-forward --stdio=true [--namespace N] vm/name port` (kubevirt/kubevirt pkg/virtctl/ssh/ssh.go and
 * pkg/virtctl/portforward/portforward.go).
 */
import type { FieldIssue } from '../issues';

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One shell word: as is when it has only safe characters, else in single quotes (a quote written as '\''). */
export const shellQuote = (s: string): string =>
  s !== '' && SAFE.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;

/** A path for the shell: a leading `~/` stays outside the quotes so the shell still expands it. */
export const shellPath = (p: string): string =>
  p.startsWith('~/') ? `~/${shellQuote(p.slice(2))}` : shellQuote(p);

export type SshInput = {
  namespace: string;
  vm: string;
  user: string;
  /** Private key file; '' for ssh's default keys. */
  identityFile: string;
};

const USER = /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/;

/** Problems of the fields the user typed: `user`, `identityFile`. */
export const validateSshInput = (i: Pick<SshInput, 'user' | 'identityFile'>): FieldIssue[] => {
  const out: FieldIssue[] = [];
  if (!i.user.trim()) out.push({ field: 'user', code: 'required', severity: 'error' });
  else if (i.user.length > 32 || !USER.test(i.user))
    out.push({ field: 'user', code: 'user', severity: 'error' });
  if (CONTROL.test(i.identityFile) || i.identityFile.includes('"'))
    out.push({ field: 'identityFile', code: 'path', severity: 'error' });
  return out;
};

const refuseControl = (...values: string[]) => {
  for (const v of values) if (CONTROL.test(v)) throw new Error('control character in a command value');
};

/** `virtctl ssh` with the user, the identity file and the namespace. */
export const virtctlSsh = (i: SshInput): string => {
  refuseControl(i.namespace, i.vm, i.user, i.identityFile);
  const parts = ['virtctl', 'ssh'];
  if (i.identityFile) parts.push('--identity-file', shellPath(i.identityFile));
  parts.push('--namespace', shellQuote(i.namespace), shellQuote(`${i.user}@vm/${i.vm}`));
  return parts.join(' ');
};

/** The ~/.ssh/config host alias for the VM: its name and namespace, with anything but [a-z0-9.-] dropped. */
export const sshAlias = (namespace: string, vm: string): string =>
  `${vm}.${namespace}`.toLowerCase().replace(/[^a-z0-9.-]/g, '');

/**
 * A ~/.ssh/config stanza that reaches the VM through `virtctl port-forward`. ssh runs ProxyCommand with
 * `/bin/sh -c` after expanding `%` tokens, so the command is shell-quoted and every `%` doubled; User and
 * IdentityFile values are double-quoted (validateSshInput refuses `"` and control characters in them).
 */
export const sshConfigStanza = (i: SshInput): string => {
  refuseControl(i.namespace, i.vm, i.user, i.identityFile);
  if (i.user.includes('"') || i.identityFile.includes('"'))
    throw new Error('double quote in an ssh_config value');
  const proxy = [
    'virtctl',
    'port-forward',
    '--stdio=true',
    '--namespace',
    shellQuote(i.namespace),
    shellQuote(`vm/${i.vm}`),
    '22',
  ]
    .join(' ')
    .replace(/%/g, '%%');
  const lines = [`Host ${sshAlias(i.namespace, i.vm)}`, `  User "${i.user.replace(/%/g, '%%')}"`];
  if (i.identityFile) lines.push(`  IdentityFile "${i.identityFile.replace(/%/g, '%%')}"`);
  lines.push(`  ProxyCommand ${proxy}`);
  return lines.join('\n');
};

/** Plain ssh to an address (a Service's or a secondary interface's), IPv6 addresses as they are. */
export const sshTo = (
  i: Pick<SshInput, 'user' | 'identityFile'> & { address: string; port?: number },
): string => {
  refuseControl(i.user, i.identityFile, i.address);
  const parts = ['ssh'];
  if (i.identityFile) parts.push('-i', shellPath(i.identityFile));
  if (i.port && i.port !== 22) parts.push('-p', String(i.port));
  parts.push(shellQuote(`${i.user}@${i.address}`));
  return parts.join(' ');
};

// --- public keys -------------------------------------------------------------------------------------------------

const KEY_TYPES = [
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
];

const decodeBase64 = (s: string): Uint8Array | undefined => {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s) || s.length % 4 !== 0) return undefined;
  const bin = atob(s);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
};

export type KeyCheck =
  | { ok: true; type: string; comment: string }
  | { ok: false; code: 'required' | 'private-key' | 'key-lines' | 'key-type' | 'key-data' };

/**
 * An OpenSSH public key line (`type base64 [comment]`). The base64 blob must decode and begin with the same type
 * name (RFC 4253 §6.6: a length-prefixed string), which catches a pasted fragment or a key with a wrong header.
 */
export const checkPublicKey = (text: string): KeyCheck => {
  const t = text.trim();
  if (!t) return { ok: false, code: 'required' };
  if (t.includes('PRIVATE KEY')) return { ok: false, code: 'private-key' };
  if (/[\r\n]/.test(t)) return { ok: false, code: 'key-lines' };
  const [type = '', data = '', ...rest] = t.split(/\s+/);
  if (!KEY_TYPES.includes(type)) return { ok: false, code: 'key-type' };
  const blob = decodeBase64(data);
  if (!blob || blob.length < 4 + type.length) return { ok: false, code: 'key-data' };
  const len = ((blob[0]! << 24) | (blob[1]! << 16) | (blob[2]! << 8) | blob[3]!) >>> 0;
  const name = String.fromCharCode(...blob.slice(4, 4 + len));
  if (len !== type.length || name !== type) return { ok: false, code: 'key-data' };
  return { ok: true, type, comment: rest.join(' ') };
};

export type Propagation = 'noCloud' | 'configDrive' | 'qemuGuestAgent';

/** The Secret that holds the key (KubeVirt reads every data value of it as authorized keys). */
export const keySecret = (namespace: string, name: string, key: string) => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace },
  type: 'Opaque',
  stringData: { key: key.trim() },
});

/**
 * The `accessCredentials` entry: cloud-init (`noCloud` / `configDrive`, applied at first boot: the VM must restart,
 * and its cloud-init volume must be of that kind) or the guest agent (`qemuGuestAgent` with the users whose
 * authorized_keys it writes, applied while the VM runs). KubeVirt user guide, "Accessing VMs: SSH".
 */
export const accessCredential = (secretName: string, propagation: Propagation, users: string[]) => ({
  sshPublicKey: {
    source: { secret: { secretName } },
    propagationMethod:
      propagation === 'qemuGuestAgent' ? { qemuGuestAgent: { users } } : { [propagation]: {} },
  },
});

type AccessCredentialEntry = {
  sshPublicKey?: {
    source?: { secret?: { secretName?: string } };
    propagationMethod?: { noCloud?: object; configDrive?: object; qemuGuestAgent?: { users?: string[] } };
  };
  [k: string]: unknown;
};

/** The VM's `accessCredentials` that the guest agent applies: their Secrets take new keys while the VM runs. */
export const agentKeySecrets = (template: {
  accessCredentials?: unknown;
  [field: string]: unknown;
}): { secret: string; users: string[] }[] =>
  ((template.accessCredentials as AccessCredentialEntry[] | undefined) ?? []).flatMap((c) => {
    const secret = c.sshPublicKey?.source?.secret?.secretName;
    const agent = c.sshPublicKey?.propagationMethod?.qemuGuestAgent;
    return secret && agent ? [{ secret, users: agent.users ?? [] }] : [];
  });

/** Which cloud-init the VM has: the propagation a new cloud-init key must use (KubeVirt requires the match). */
export const cloudInitKind = (
  volumes: readonly Record<string, unknown>[] | undefined,
): 'noCloud' | 'configDrive' | undefined => {
  for (const v of volumes ?? []) {
    if (v.cloudInitNoCloud) return 'noCloud';
    if (v.cloudInitConfigDrive) return 'configDrive';
  }
  return undefined;
};

/** JSON patch appending one entry to the VM template's `accessCredentials` (creating the list when absent). */
export const addAccessCredentialPatch = (hasList: boolean, entry: ReturnType<typeof accessCredential>) =>
  hasList
    ? [{ op: 'add' as const, path: '/spec/template/spec/accessCredentials/-', value: entry }]
    : [{ op: 'add' as const, path: '/spec/template/spec/accessCredentials', value: [entry] }];

/** A Secret data key for one more key in an existing Secret: `key-<n>` not yet used. */
export const nextKeyName = (existing: readonly string[]): string => {
  for (let i = existing.length + 1; ; i++) if (!existing.includes(`key-${i}`)) return `key-${i}`;
};
