/**
 * Istio / OpenShift Service Mesh sidecar for a VM. KubeVirt copies the VM template's `sidecar.istio.io/inject`
 * annotation to the virt-launcher pod as the label of the same name (kubevirt/kubevirt
 * pkg/virt-controller/services/template.go, podLabels), which the mesh's injector reads. The guest reaches the mesh
 * only through a masquerade-bound pod-network interface (KubeVirt user guide, "Istio service mesh"), and the
 * namespace must be in the mesh: a member of a ServiceMeshMemberRoll, or labelled `istio-injection=enabled` or
 * `istio.io/rev`.
 */
import type { VM } from '../kube/vm';

export const INJECT = 'sidecar.istio.io/inject';

type Template = { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } };

export const sidecarRequested = (vm: VM): boolean =>
  (vm.spec.template as Template).metadata?.annotations?.[INJECT] === 'true';

export type MeshCheck = {
  /** The pod network is bound with masquerade. */
  masquerade: boolean;
  /** 'member' (roll or label), 'not-member', or 'unknown' (neither could be read). */
  namespace: 'member' | 'not-member' | 'unknown';
};

export const meshPrerequisites = (
  vm: VM,
  namespaceLabels: Record<string, string> | undefined,
  rollMembers: readonly string[] | undefined,
): MeshCheck => {
  const pod = (vm.spec.template.spec.networks ?? []).find((n) => n.pod);
  const iface =
    pod && (vm.spec.template.spec.domain.devices.interfaces ?? []).find((i) => i.name === pod.name);
  const ns = vm.metadata.namespace ?? '';
  const labelled =
    namespaceLabels &&
    (namespaceLabels['istio-injection'] === 'enabled' || !!namespaceLabels['istio.io/rev']);
  const inRoll = rollMembers?.includes(ns);
  const namespace =
    labelled || inRoll
      ? 'member'
      : namespaceLabels === undefined && rollMembers === undefined
        ? 'unknown'
        : 'not-member';
  return { masquerade: !!iface?.masquerade, namespace };
};

/** JSON patch turning the sidecar on (annotation "true") or off (annotation removed). */
export const sidecarPatch = (vm: VM, on: boolean) => {
  const meta = (vm.spec.template as Template).metadata;
  const key = INJECT.replace(/~/g, '~0').replace(/\//g, '~1');
  if (!on)
    return meta?.annotations?.[INJECT] !== undefined
      ? [{ op: 'remove' as const, path: `/spec/template/metadata/annotations/${key}` }]
      : [];
  if (!meta)
    return [
      { op: 'add' as const, path: '/spec/template/metadata', value: { annotations: { [INJECT]: 'true' } } },
    ];
  if (!meta.annotations)
    return [{ op: 'add' as const, path: '/spec/template/metadata/annotations', value: { [INJECT]: 'true' } }];
  return [{ op: 'add' as const, path: `/spec/template/metadata/annotations/${key}`, value: 'true' }];
};
