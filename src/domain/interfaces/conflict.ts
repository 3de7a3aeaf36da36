/**
 * The 409 flow: a patch failed its resourceVersion `test` because the VM changed meanwhile. The modal reloads
 * the VM, shows `diffInterfaces(base, latest)` ("what changed meanwhile"), and `rebasePatch` rebuilds the user's
 * change on the latest VM as a three-way merge: both changes are kept unless both touched the same field of the
 * same interface, which is a true conflict the user must resolve.
 */
import type { PatchOp } from '../kube/meta';
import type { VM, VMInterface, VMNetwork } from '../kube/vm';
import {
  BINDING_KEYS,
  getBinding,
  hasImplicitPodInterface,
  implicitPodEntry,
  specInterfaces,
  specNetworks,
} from '../kube/vm';
import { jsonEqual } from './equal';
import type { InterfaceForm } from './form';
import { formFromVM, isSecondary } from './form';
import { networkDataTarget } from './networkData';
import { addInterfacePatch, editInterfacePatch, removeInterfacePatch, setLinkStatePatch } from './patch';

/** A user's intent, kept so it can be re-applied to a newer VM. */
export type InterfaceChange =
  | { kind: 'add'; form: InterfaceForm }
  | { kind: 'edit'; form: InterfaceForm }
  | { kind: 'remove'; name: string; running: boolean }
  | { kind: 'link'; name: string; state: 'up' | 'down' };

/** The patch for a change on `vm` (first attempt, or after a rebase). */
export const changePatch = (vm: VM, change: InterfaceChange): PatchOp[] => {
  switch (change.kind) {
    case 'add':
      return addInterfacePatch(vm, change.form);
    case 'edit':
      return editInterfacePatch(vm, change.form);
    case 'remove':
      return removeInterfacePatch(vm, change.name, { running: change.running }).ops;
    case 'link':
      return setLinkStatePatch(vm, change.name, change.state);
  }
};

export type InterfaceDiff = {
  added: string[];
  removed: string[];
  /** Field names: network, binding, model, macAddress, state, or any other spec key that changed. */
  changed: { name: string; fields: string[] }[];
  /** The cloud-init networkData (static IPs) changed. */
  networkData: boolean;
};

type Entry = { iface?: VMInterface; net?: VMNetwork };

/** Interfaces by name, with the implicit pod interface written out so "implicit → explicit" is no change. */
const entries = (vm: VM): Map<string, Entry> => {
  const out = new Map<string, Entry>();
  if (hasImplicitPodInterface(vm)) out.set('default', implicitPodEntry());
  for (const iface of specInterfaces(vm)) out.set(iface.name, { ...out.get(iface.name), iface });
  for (const net of specNetworks(vm)) out.set(net.name, { ...out.get(net.name), net });
  return out;
};

const BINDING_KEY_SET: ReadonlySet<string> = new Set(BINDING_KEYS);

const changedFields = (a: Entry, b: Entry): string[] => {
  const fields = new Set<string>();
  if (!jsonEqual(a.net, b.net)) fields.add('network');
  const x = a.iface ?? { name: '' };
  const y = b.iface ?? { name: '' };
  if (getBinding(x) !== getBinding(y)) fields.add('binding');
  if ((x.model ?? 'virtio') !== (y.model ?? 'virtio')) fields.add('model');
  if ((x.state ?? 'up') !== (y.state ?? 'up')) fields.add('state');
  for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (k === 'name' || k === 'model' || k === 'state' || BINDING_KEY_SET.has(k)) continue;
    if (!jsonEqual(x[k], y[k])) fields.add(k);
  }
  return [...fields].sort();
};

const networkDataOf = (vm: VM): string | undefined => {
  const t = networkDataTarget(vm);
  return t.kind === 'inline' ? t.networkData : undefined;
};

/** What changed in the networking part of the VM between two versions, by interface name. */
export const diffInterfaces = (before: VM, after: VM): InterfaceDiff => {
  const a = entries(before);
  const b = entries(after);
  const diff: InterfaceDiff = { added: [], removed: [], changed: [], networkData: false };
  for (const [name, entry] of b) {
    const old = a.get(name);
    if (!old) diff.added.push(name);
    else {
      const fields = changedFields(old, entry);
      if (fields.length) diff.changed.push({ name, fields });
    }
  }
  for (const name of a.keys()) if (!b.has(name)) diff.removed.push(name);
  diff.networkData = networkDataOf(before) !== networkDataOf(after);
  return diff;
};

export type RebaseResult =
  | { status: 'ok'; ops: PatchOp[]; meanwhile: InterfaceDiff }
  /** Nothing left to do (e.g. the interface was already removed). */
  | { status: 'noop'; meanwhile: InterfaceDiff }
  | {
      status: 'conflict';
      reason: 'name-taken' | 'gone' | 'same-field' | 'network-data';
      name: string;
      fields?: string[];
      meanwhile: InterfaceDiff;
    };

/** Form fields → the diff's field names. */
const FORM_FIELDS: [keyof InterfaceForm, string][] = [
  ['networkId', 'network'],
  ['binding', 'binding'],
  ['model', 'model'],
  ['macAddress', 'macAddress'],
  ['linkState', 'state'],
];

const norm = (v: unknown) => (v === '' ? undefined : v);

/**
 * Re-apply `change` (made against `base`) to `latest`. Edits are merged field by field: the user's changed
 * fields go on top of the latest interface, so another user's change to other fields survives.
 */
export const rebasePatch = (change: InterfaceChange, base: VM, latest: VM): RebaseResult => {
  const meanwhile = diffInterfaces(base, latest);
  const name = change.kind === 'add' || change.kind === 'edit' ? change.form.name : change.name;
  const now = entries(latest);
  if (change.kind === 'add') {
    if (now.has(name)) return { status: 'conflict', reason: 'name-taken', name, meanwhile };
    const ops = changePatch(latest, change);
    // Validation allowed the static IP on `base`; if it cannot be written on `latest`, networkData changed.
    const wantsIp = Boolean(change.form.staticIp?.trim()) && isSecondary(change.form);
    const lostIp = wantsIp && !ops.some((o) => o.path.endsWith('/networkData'));
    return lostIp
      ? { status: 'conflict', reason: 'network-data', name, meanwhile }
      : { status: 'ok', ops, meanwhile };
  }
  if (!now.has(name)) {
    return change.kind === 'remove'
      ? { status: 'noop', meanwhile }
      : { status: 'conflict', reason: 'gone', name, meanwhile };
  }
  const theirs = meanwhile.changed.find((c) => c.name === name)?.fields ?? [];
  if (change.kind === 'remove') {
    return theirs.length
      ? { status: 'conflict', reason: 'same-field', name, fields: theirs, meanwhile }
      : { status: 'ok', ops: changePatch(latest, change), meanwhile };
  }
  if (change.kind === 'link') {
    if (theirs.includes('state')) {
      const same = (now.get(name)?.iface?.state ?? 'up') === change.state;
      return same
        ? { status: 'noop', meanwhile }
        : { status: 'conflict', reason: 'same-field', name, fields: ['state'], meanwhile };
    }
    return { status: 'ok', ops: changePatch(latest, change), meanwhile };
  }
  const before = formFromVM(base, name);
  const current = formFromVM(latest, name);
  if (!before || !current) return { status: 'conflict', reason: 'gone', name, meanwhile };
  const merged: InterfaceForm = {
    ...current,
    staticIp: change.form.staticIp,
    guestName: change.form.guestName,
  };
  const overlap: string[] = [];
  for (const [key, field] of FORM_FIELDS) {
    if (jsonEqual(norm(before[key]), norm(change.form[key]))) continue;
    if (theirs.includes(field) && !jsonEqual(norm(current[key]), norm(change.form[key]))) overlap.push(field);
    Object.assign(merged, { [key]: change.form[key] });
  }
  if (overlap.length) return { status: 'conflict', reason: 'same-field', name, fields: overlap, meanwhile };
  return { status: 'ok', ops: editInterfacePatch(latest, merged), meanwhile };
};
