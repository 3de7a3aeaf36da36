import { describe, expect, it } from 'vitest';
import { aVM } from '../testing/fixtures';
import { networkDataTarget, withoutStaticIp, withStaticIp } from './networkData';

const vm = aVM({ nics: [{ name: 'default', network: 'pod', mac: '02:00:00:00:00:01' }] });

describe('networkDataTarget', () => {
  it.each([
    ['no volumes', aVM({}), { kind: 'none' }],
    [
      'NoCloud without networkData',
      aVM({ volumes: [{ name: 'd' }, { name: 'ci', cloudInitNoCloud: {} }] }),
      { kind: 'inline', volumeIndex: 1, key: 'cloudInitNoCloud' },
    ],
    [
      'ConfigDrive with networkData',
      aVM({ volumes: [{ name: 'ci', cloudInitConfigDrive: { networkData: 'x' } }] }),
      { kind: 'inline', volumeIndex: 0, key: 'cloudInitConfigDrive', networkData: 'x' },
    ],
    [
      'base64',
      aVM({ volumes: [{ name: 'ci', cloudInitNoCloud: { networkDataBase64: 'eA==' } }] }),
      { kind: 'unmanaged', volumeIndex: 0, key: 'cloudInitNoCloud' },
    ],
  ])('%s', (_, theVm, target) => {
    expect(networkDataTarget(theVm)).toEqual(target);
  });
});

describe('withStaticIp', () => {
  it('fresh networkData matches the primary NIC by its spec MAC for DHCP', () => {
    expect(withStaticIp(vm, undefined, { id: 'eth1', cidr: '10.0.0.5/24' })).toEqual({
      text: 'version: 2\nethernets:\n  default:\n    match:\n      macaddress: 02:00:00:00:00:01\n    dhcp4: true\n    dhcp6: true\n  eth1:\n    addresses:\n      - 10.0.0.5/24\n',
    });
  });

  it('keeps the `network:` wrapper form', () => {
    const res = withStaticIp(vm, 'network:\n  version: 2\n  ethernets: {}\n', {
      id: 'eth1',
      cidr: '10.0.0.5/24',
    });
    expect(res).toEqual({
      text: 'network:\n  version: 2\n  ethernets: { eth1: { addresses: [ 10.0.0.5/24 ] } }\n',
    });
  });

  it.each([
    ['not a map', '- a\n', 'network-data-invalid'],
    ['v1', 'version: 1\n', 'network-data-v1'],
    ['no version', 'ethernets: {}\n', 'network-data-v1'],
    ['entry exists', 'version: 2\nethernets:\n  eth1: {}\n', 'network-data-taken'],
  ])('%s -> %s', (_, text, error) => {
    expect(withStaticIp(vm, text, { id: 'eth1', cidr: '10.0.0.5/24' })).toEqual({ error });
  });

  it('replace overwrites the existing entry', () => {
    const res = withStaticIp(
      vm,
      'version: 2\nethernets:\n  eth1:\n    dhcp4: true\n',
      { id: 'eth1', cidr: '10.0.0.6/24' },
      true,
    );
    expect(res).toEqual({ text: 'version: 2\nethernets:\n  eth1:\n    addresses:\n      - 10.0.0.6/24\n' });
  });
});

describe('withoutStaticIp', () => {
  it.each([
    ['entry removed', 'version: 2\nethernets:\n  a: {}\n  b: {}\n', 'b', 'version: 2\nethernets:\n  a: {}\n'],
    ['no such entry: nothing to change', 'version: 2\nethernets:\n  a: {}\n', 'b', undefined],
    ['no networkData', undefined, 'b', undefined],
  ])('%s', (_, text, id, expected) => {
    expect(withoutStaticIp(text, id)).toBe(expected);
  });
});
