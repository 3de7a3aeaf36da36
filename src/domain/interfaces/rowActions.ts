/**
 * Which actions an interface row offers, and why one is disabled: a pure table the view renders (titles, click
 * handlers and the translated reasons stay in views/vm-interfaces/useInterfaceActions.tsx).
 * - Edit: only an interface the VM spec declares and does not mark `absent` (implicit, VMI-only and guest-only
 *   rows have nothing in the spec to edit).
 * - Link up/down: offered only where KubeVirt applies link state (not SR-IOV, networkOptions.ts) on a spec
 *   interface; hidden, not disabled, elsewhere.
 * - Remove: spec or implicit interfaces not already being unplugged.
 * - Add: always offered.
 * Every offered action is disabled with `denied` when the user may not patch VMs in the row's namespace.
 * On the VM networks page (`reach`), two more lead to the VM's "Reach this VM" card (views/reach/ReachCard.tsx):
 * - Expose as a Service: disabled with `denied-services` when the user may not create Services there;
 * - SSH access: always enabled (the commands need no write; the card disables what does).
 */
import { supportsLinkState } from './networkOptions';
import type { InterfaceRow } from './rows';

export type RowActionId = 'edit' | 'link-up' | 'link-down' | 'remove' | 'add' | 'expose' | 'ssh';

/**
 * `not-in-spec`: nothing in the VM spec to change; `denied`: the access review for patching VMs said no;
 * `denied-services`: the one for creating Services did.
 */
export type RowActionReason = 'not-in-spec' | 'denied' | 'denied-services';

export type RowActionRule = { id: RowActionId; enabled: boolean; reason?: RowActionReason };

const rule = (id: RowActionId, reason: RowActionReason | undefined): RowActionRule =>
  reason ? { id, enabled: false, reason } : { id, enabled: true };

export const rowActionRules = (
  row: Pick<InterfaceRow, 'origin' | 'link' | 'binding'>,
  access: { allowed: boolean },
  reach?: { createServices: boolean },
): RowActionRule[] => {
  const denied = access.allowed ? undefined : 'denied';
  const absent = row.link.desired === 'absent';
  const inSpec = row.origin === 'spec' || row.origin === 'implicit';
  const rules = [rule('edit', row.origin !== 'spec' || absent ? 'not-in-spec' : denied)];
  if (supportsLinkState(row.binding ?? '') && row.origin === 'spec' && !absent)
    rules.push(rule(row.link.desired === 'down' ? 'link-up' : 'link-down', denied));
  rules.push(rule('remove', !inSpec || absent ? 'not-in-spec' : denied));
  rules.push(rule('add', denied));
  if (reach)
    rules.push(rule('expose', reach.createServices ? undefined : 'denied-services'), rule('ssh', undefined));
  return rules;
};
