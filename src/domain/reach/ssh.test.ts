import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  accessCredential,
  addAccessCredentialPatch,
  agentKeySecrets,
  cloudInitKind,
  nextKeyName,
  checkPublicKey,
  shellQuote,
  sshAlias,
  sshConfigStanza,
  sshTo,
  validateSshInput,
  virtctlSsh,
} from './ssh';

/** What a POSIX shell makes of the command line: its words, one per line (printf runs in the shell). */
const words = (cmd: string): string[] =>
  execFileSync('/bin/sh', ['-c', `set -- ${cmd}; for w in "$@"; do printf '%s\\0' "$w"; done`], {
    encoding: 'utf8',
    env: { HOME: '/home/u', PATH: '/usr/bin:/bin' },
  })
    .split('\0')
    .slice(0, -1);

const hostile = [`it's`, 'a"b', '$(touch /tmp/pwned)', '`id`', 'a b', '*', 'x;rm -rf ~', '\\n', '%h'];

describe('shellQuote', () => {
  it('the shell reads every hostile value back as one unchanged word, and runs nothing', () => {
    for (const v of hostile) expect(words(shellQuote(v))).toEqual([v]);
  });
  it('leaves plain words alone', () => expect(shellQuote('vm-00001')).toBe('vm-00001'));
});

describe('virtctlSsh', () => {
  it('the exact command for a VM and user', () => {
    expect(
      virtctlSsh({
        namespace: 'tenant-a',
        vm: 'vm-00001',
        user: 'fedora',
        identityFile: '~/.ssh/id_ed25519',
      }),
    ).toBe('virtctl ssh --identity-file ~/.ssh/id_ed25519 --namespace tenant-a fedora@vm/vm-00001');
  });
  it('hostile names and paths stay single words; ~/ still expands', () => {
    const cmd = virtctlSsh({ namespace: "ns'$(id)", vm: 'v m', user: 'u', identityFile: '~/my keys/$(id)' });
    expect(words(cmd)).toEqual([
      'virtctl',
      'ssh',
      '--identity-file',
      '/home/u/my keys/$(id)',
      '--namespace',
      "ns'$(id)",
      'u@vm/v m',
    ]);
  });
  it('refuses a newline anywhere rather than quoting it', () => {
    expect(() => virtctlSsh({ namespace: 'ns', vm: 'a\nrm -rf /', user: 'u', identityFile: '' })).toThrow();
  });
});

describe('sshConfigStanza', () => {
  it('a ProxyCommand through virtctl port-forward, % doubled, values quoted', () => {
    expect(
      sshConfigStanza({ namespace: 'tenant-a', vm: 'vm-00001', user: 'fedora', identityFile: '~/.ssh/id%1' }),
    ).toBe(
      [
        'Host vm-00001.tenant-a',
        '  User "fedora"',
        '  IdentityFile "~/.ssh/id%%1"',
        '  ProxyCommand virtctl port-forward --stdio=true --namespace tenant-a vm/vm-00001 22',
      ].join('\n'),
    );
  });
  it('a hostile VM name reaches the ProxyCommand as one word and the alias is sanitized', () => {
    const s = sshConfigStanza({ namespace: 'ns', vm: "x';touch /tmp/p;'%h", user: 'u', identityFile: '' });
    expect(s.split('\n')[0]).toBe('Host xtouchtmpph.ns');
    const proxy = s
      .split('\n')
      .find((l) => l.includes('ProxyCommand'))!
      .replace('  ProxyCommand ', '')
      .replace(/%%/g, '%');
    expect(words(proxy)).toEqual([
      'virtctl',
      'port-forward',
      '--stdio=true',
      '--namespace',
      'ns',
      "vm/x';touch /tmp/p;'%h",
      '22',
    ]);
  });
  it('alias keeps DNS characters only', () => expect(sshAlias('NS', 'a b$c')).toBe('abc.ns'));
});

describe('sshTo', () => {
  it('adds -p only for a port other than 22', () => {
    expect(sshTo({ user: 'fedora', identityFile: '', address: '192.0.2.5', port: 22 })).toBe(
      'ssh fedora@192.0.2.5',
    );
    expect(sshTo({ user: 'fedora', identityFile: '', address: '192.0.2.5', port: 30022 })).toBe(
      'ssh -p 30022 fedora@192.0.2.5',
    );
    expect(words(sshTo({ user: 'fedora', identityFile: '/k ey', address: 'fd00::1' }))).toEqual([
      'ssh',
      '-i',
      '/k ey',
      'fedora@fd00::1',
    ]);
  });
});

describe('validateSshInput', () => {
  it('names the field', () => {
    expect(validateSshInput({ user: '', identityFile: '' }).map((i) => `${i.field}:${i.code}`)).toEqual([
      'user:required',
    ]);
    expect(
      validateSshInput({ user: 'a b', identityFile: 'x\ny' }).map((i) => `${i.field}:${i.code}`),
    ).toEqual(['user:user', 'identityFile:path']);
    expect(validateSshInput({ user: 'cloud-user', identityFile: '~/.ssh/id' })).toEqual([]);
  });
});

describe('checkPublicKey', () => {
  // A real ed25519 public key blob: the type string is length-prefixed inside the base64.
  const ed = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq8Y7M2v8VqW0XgZ8x0o1o9k0Zb8c0x7cXx0mN1fX6b me@laptop';
  it('accepts a well-formed key with its comment', () =>
    expect(checkPublicKey(ed)).toEqual({ ok: true, type: 'ssh-ed25519', comment: 'me@laptop' }));
  it('refuses private keys, several lines, unknown types, and a blob of another type', () => {
    expect(checkPublicKey('-----BEGIN OPENSSH PRIVATE KEY-----')).toEqual({ ok: false, code: 'private-key' });
    expect(checkPublicKey(`${ed}\n${ed}`)).toEqual({ ok: false, code: 'key-lines' });
    expect(checkPublicKey('ssh-dss AAAA')).toEqual({ ok: false, code: 'key-type' });
    expect(checkPublicKey(ed.replace('ssh-ed25519', 'ssh-rsa'))).toEqual({ ok: false, code: 'key-data' });
    expect(checkPublicKey('ssh-ed25519 not-base64!')).toEqual({ ok: false, code: 'key-data' });
    expect(checkPublicKey('  ')).toEqual({ ok: false, code: 'required' });
  });
});

describe('accessCredential', () => {
  it('cloud-init or guest-agent propagation', () => {
    expect(accessCredential('k', 'noCloud', [])).toEqual({
      sshPublicKey: { source: { secret: { secretName: 'k' } }, propagationMethod: { noCloud: {} } },
    });
    expect(accessCredential('k', 'qemuGuestAgent', ['fedora'])).toEqual({
      sshPublicKey: {
        source: { secret: { secretName: 'k' } },
        propagationMethod: { qemuGuestAgent: { users: ['fedora'] } },
      },
    });
  });
});

describe('key propagation helpers', () => {
  it('finds the guest-agent Secrets, the cloud-init kind, and builds the append patch', () => {
    const template = {
      accessCredentials: [
        accessCredential('a', 'noCloud', []),
        accessCredential('b', 'qemuGuestAgent', ['fedora', 'root']),
      ],
    };
    expect(agentKeySecrets(template)).toEqual([{ secret: 'b', users: ['fedora', 'root'] }]);
    expect(agentKeySecrets({})).toEqual([]);
    expect(cloudInitKind([{ name: 'root' }, { name: 'ci', cloudInitConfigDrive: {} }])).toBe('configDrive');
    expect(cloudInitKind([{ name: 'root' }])).toBeUndefined();
    const entry = accessCredential('k', 'noCloud', []);
    expect(addAccessCredentialPatch(false, entry)).toEqual([
      { op: 'add', path: '/spec/template/spec/accessCredentials', value: [entry] },
    ]);
    expect(addAccessCredentialPatch(true, entry)[0]!.path).toBe('/spec/template/spec/accessCredentials/-');
    expect(nextKeyName(['key', 'key-2'])).toBe('key-3');
  });
});
