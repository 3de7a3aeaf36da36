/**
 * What rides on what an NNCP configures (src/domain/hostnetworks/blastRadius.ts): shown on an existing policy's
 * details and on the NNCP wizard's draft. Removals still in use come first, as warnings naming the networks.
 */
import type { FC } from 'react';
import { Alert, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { BlastInput, BlastRadius } from '../../domain/hostnetworks/blastRadius';
import { NS } from '../../i18n/ns';

/** The cluster's networks and VMs, for the blast radius (everything but the policy and its nodes). */
export type Riders = Omit<BlastInput, 'desired' | 'nodes' | 'current'>;

/** At most this many VMs are named; the rest are counted. */
const MAX_VMS = 50;
/** At most this many VMs are named in a removal's warning. */
const MAX_NAMED_VMS = 20;

export const BlastRadiusView: FC<{ radius: BlastRadius }> = ({ radius: r }) => {
  const { t } = useTranslation(NS);
  const empty = !r.bridgeMappings.length && !r.networks.length && !r.sriovPolicies.length && !r.vms.length;
  const label = (x: { namespace?: string; name: string }) =>
    x.namespace ? `${x.namespace}/${x.name}` : x.name;
  return (
    <div className="pf-v6-u-mt-md" data-test="nncp-blast-radius">
      <Title headingLevel="h3" size="md">
        {t('What rides on it')}
      </Title>
      {r.removals.map((x) => (
        <Alert
          key={`${x.change ?? 'removed'}/${x.what}`}
          variant="warning"
          isInline
          isPlain
          title={
            x.change === 'moved'
              ? t('Moving bridge mapping {{what}} from {{from}} to {{to}} reroutes {{users}}', {
                  what: x.what,
                  from: x.from,
                  to: x.to,
                  users: x.users.join(', '),
                })
              : x.change === 'port-taken'
                ? t('Taking {{port}} out of {{what}} into {{to}} cuts {{what}} off: breaks {{users}}', {
                    what: x.what,
                    port: x.from,
                    to: x.to,
                    users: x.users.join(', '),
                  })
                : t('Removing {{what}} breaks {{users}}', { what: x.what, users: x.users.join(', ') })
          }
          data-test="nncp-blast-removal"
        >
          {x.vms.length > 0 && (
            <span data-test="nncp-blast-removal-vms">
              {x.vms.length > MAX_NAMED_VMS
                ? t('VMs on them: {{vms}} and {{n}} more', {
                    vms: x.vms.slice(0, MAX_NAMED_VMS).join(', '),
                    n: x.vms.length - MAX_NAMED_VMS,
                  })
                : t('VMs on them: {{vms}}', { vms: x.vms.join(', ') })}
            </span>
          )}
        </Alert>
      ))}
      {empty ? (
        <p>{t('No network, SR-IOV policy or VM is known to use what this policy configures.')}</p>
      ) : (
        <ul>
          {r.bridgeMappings.map((m) => (
            <li key={`bm/${m.localnet}`}>
              {t('Bridge mapping {{localnet}} → {{bridge}}', { localnet: m.localnet, bridge: m.bridge })}
            </li>
          ))}
          {[...r.networks, ...r.sriovPolicies].map((n) => (
            <li key={`${n.kind}/${label(n)}`} data-test="nncp-blast-network">
              {t('{{kind}} {{name}} (on {{via}})', { kind: n.kind, name: label(n), via: n.via })}
            </li>
          ))}
          {r.vms.slice(0, MAX_VMS).map((v) => (
            <li key={`vm/${v.namespace}/${v.name}`} data-test="nncp-blast-vm">
              {v.node
                ? v.onSelectedNode
                  ? t('VM {{name}} on {{network}}, running on {{node}} (selected by this policy)', {
                      name: label(v),
                      network: v.network,
                      node: v.node,
                    })
                  : t('VM {{name}} on {{network}}, running on {{node}}', {
                      name: label(v),
                      network: v.network,
                      node: v.node,
                    })
                : t('VM {{name}} on {{network}}, not running', { name: label(v), network: v.network })}
            </li>
          ))}
          {r.vms.length > MAX_VMS && <li>{t('and {{n}} more VMs', { n: r.vms.length - MAX_VMS })}</li>}
        </ul>
      )}
    </div>
  );
};
