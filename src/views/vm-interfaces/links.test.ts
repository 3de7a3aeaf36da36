import { describe, expect, it } from 'vitest';
import { nadPath, vmNetworksPath, vmPath } from './links';

/** Where a browser would go for the link, relative to a console page. */
const resolved = (path: string) => new URL(path, 'https://console.example/k8s/ns/x/vms').pathname;

const HOSTILE = [
  '../../../api/kubernetes/api/v1/secrets',
  '..',
  '.',
  '%2e%2e',
  '.%2E',
  'a/b',
  'x?tab=yaml#frag',
  'a%2Fb',
  '\\..\\..',
  'ns/../../settings',
];

describe('links from object data', () => {
  it('are the console paths for ordinary names', () => {
    expect(nadPath('default', 'br-net')).toBe(
      '/k8s/ns/default/k8s.cni.cncf.io~v1~NetworkAttachmentDefinition/br-net',
    );
    expect(vmPath('tenant-a', 'vm-1')).toBe(
      '/k8s/ns/tenant-a/kubevirt.io~v1~VirtualMachine/vm-1/vm-network-interfaces',
    );
    expect(vmNetworksPath('tenant-a')).toBe('/vm-networks/ns/tenant-a');
    expect(vmNetworksPath()).toBe('/vm-networks/all-namespaces');
  });

  it.each(HOSTILE)('a hostile NAD name or namespace %j stays one segment of the NAD route', (name) => {
    for (const path of [nadPath('default', name), nadPath(name, 'n'), nadPath(name, name)]) {
      const p = resolved(path);
      const segments = p.split('/');
      expect(p.startsWith('/k8s/ns/')).toBe(true);
      expect(segments).toHaveLength(6);
      expect(segments[4]).toBe('k8s.cni.cncf.io~v1~NetworkAttachmentDefinition');
      expect(path).not.toMatch(/[?#]/);
    }
  });

  it.each(HOSTILE)('a hostile VM name %j stays on the VM route', (name) => {
    const segments = resolved(vmPath(name, name)).split('/');
    expect(segments).toHaveLength(7);
    expect(segments[4]).toBe('kubevirt.io~v1~VirtualMachine');
    expect(segments[6]).toBe('vm-network-interfaces');
    expect(resolved(vmNetworksPath(name)).split('/')).toHaveLength(4);
  });

  it('a name with reserved characters reads back as itself', () => {
    const name = 'a b/c?d#e%f';
    const seg = resolved(nadPath('default', name)).split('/')[5] ?? '';
    expect(decodeURIComponent(seg)).toBe(name);
  });
});
