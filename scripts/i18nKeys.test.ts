import { describe, expect, it } from 'vitest';
import { extractKeys } from './i18nKeys';

describe('extractKeys', () => {
  it.each([
    ['single quotes', "t('VM networks')", ['VM networks']],
    [
      'double quotes with params',
      't("VLAN ID must be {{min}}–{{max}}", issue.params)',
      ['VLAN ID must be {{min}}–{{max}}'],
    ],
    ['escaped quote', "t('Can\\'t reach the API server')", ["Can't reach the API server"]],
    ['dynamic template literal is skipped', 't(`x ${y}`)', []],
    ['not a t call', "format('VM networks')", []],
    [
      'console extension key',
      '"name": "%plugin__vm-network-console-plugin~Network topology%"',
      ['Network topology'],
    ],
  ])('%s', (_, text, expected) => {
    expect(extractKeys(text)).toEqual(expected);
  });
});
