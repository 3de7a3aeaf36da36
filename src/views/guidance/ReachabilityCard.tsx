/**
 * On the VM's Network interfaces tab: which networks this VM's namespace can use (and why others are not
 * offered), and "why can't this VM reach …?" for another VM, an IP, the internet or a Service, with who can fix
 * what is in the way. The answers come from domain/guidance/reach.ts over the topology graph.
 */
import { useMemo, useState, type FC } from 'react';
import {
  Alert,
  ExpandableSection,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Stack,
  StackItem,
  TextInput,
  Title,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import {
  explainReach,
  networksFor,
  type Destination,
  type PolicyObject,
  type ReachFacts,
  type ReachNote,
} from '../../domain/guidance/reach';
import { buildTopologyGraph } from '../../domain/topology/build';
import { vmId } from '../../domain/topology/ids';
import { ipKey } from '../../domain/interfaces/ip';
import { MultiNetworkPolicyModel, NetworkPolicyModel, type K8sModel } from '../../k8s/models';
import { useWatchResources } from '../../k8s/useWatchResources';
import { useTopologyData } from '../topology/useTopologyData';
import { useTopologyText } from '../topology/useTopologyText';

type Kind = Destination['kind'];

export const ReachabilityCard: FC<{ namespace: string; name: string }> = ({ namespace, name }) => {
  const { t } = useTranslation(NS);
  const [open, setOpen] = useState(false);
  return (
    <ExpandableSection
      toggleText={t("Which networks can this VM use, and why can't it reach something?")}
      isExpanded={open}
      onToggle={(_e, v) => setOpen(v)}
      className="pf-v6-u-mt-lg"
      data-test="reachability"
    >
      {/* Its watches start only when the user asks. */}
      {open && <Reachability namespace={namespace} name={name} />}
    </ExpandableSection>
  );
};

const policyModel = (m: K8sModel) => m as K8sModel<PolicyObject>;

const Reachability: FC<{ namespace: string; name: string }> = ({ namespace, name }) => {
  const { t } = useTranslation(NS);
  const text = useTopologyText();
  const data = useTopologyData();
  const policies = useWatchResources(policyModel(NetworkPolicyModel));
  const multiPolicies = useWatchResources(policyModel(MultiNetworkPolicyModel));
  const graph = useMemo(() => buildTopologyGraph(data.input), [data.input]);
  const facts = useMemo<ReachFacts>(
    () => ({
      vmLabels: new Map(
        data.input.vms.map((v) => [
          `${v.metadata.namespace}/${v.metadata.name}`,
          v.spec.template.metadata?.labels ?? {},
        ]),
      ),
      networkPolicies: policies.data,
      multiNetworkPolicies: multiPolicies.data,
      namespaceLabels: data.unreadable.some((u) => u.key === 'namespaces')
        ? undefined
        : new Map(data.input.namespaces.map((n) => [n.metadata.name, n.metadata.labels ?? {}])),
    }),
    [data.input, data.unreadable, policies.data, multiPolicies.data],
  );
  const me = vmId(namespace, name);
  const offers = useMemo(() => networksFor(graph, me, facts), [graph, me, facts]);
  const [kind, setKind] = useState<Kind>('vm');
  const [peer, setPeer] = useState('');
  const [ip, setIp] = useState('');
  const [ipTouched, setIpTouched] = useState(false);
  const [serviceNs, setServiceNs] = useState(namespace);
  const vms = graph.nodes.filter((n) => n.kind === 'VirtualMachine' && n.id !== me);
  const namespaces = [...new Set(graph.nodes.filter((n) => n.kind === 'Namespace').map((n) => n.name))];
  const ipError = ip.trim() !== '' && !ipKey(ip.trim());

  const dest: Destination | undefined =
    kind === 'vm'
      ? peer
        ? { kind: 'vm', namespace: peer.split('/')[0]!, name: peer.split('/')[1]! }
        : undefined
      : kind === 'ip'
        ? ip.trim() && !ipError
          ? { kind: 'ip', ip }
          : undefined
        : kind === 'service'
          ? { kind: 'service', namespace: serviceNs }
          : { kind: 'internet' };
  // Cheap (one walk of the VM's edges): computed on each render.
  const answer = dest ? explainReach(graph, me, dest, facts) : undefined;
  const say = (n: ReachNote) => t(n.text, { ...n.params, interpolation: { escapeValue: false } });
  const who = (n: ReachNote) =>
    n.who === 'admin'
      ? t('A cluster administrator can fix this.')
      : n.who === 'tenant'
        ? t('You (or whoever administers the namespace) can fix this.')
        : '';

  if (!data.loaded)
    return (
      <HelperText>
        <HelperTextItem>{t('Loading networks…')}</HelperTextItem>
      </HelperText>
    );
  return (
    <Stack hasGutter>
      <StackItem>
        <Title headingLevel="h3" size="md">
          {t('Networks for namespace {{namespace}}', { namespace })}
        </Title>
        <Table variant="compact" aria-label={t('Networks this VM can use')} data-test="reach-networks">
          <Thead>
            <Tr>
              <Th>{t('Network')}</Th>
              <Th>{t('Kind')}</Th>
              <Th>{t('Can attach')}</Th>
              <Th>{t('Why')}</Th>
            </Tr>
          </Thead>
          <Tbody>
            {offers.map((o) => (
              <Tr key={o.network.id} data-test={`reach-network-${o.network.id}`}>
                <Td dataLabel={t('Network')}>{text.fullName(o.network)}</Td>
                <Td dataLabel={t('Kind')}>
                  {o.network.flavor ? text.flavor(o.network.flavor) : text.kind(o.network.kind)}
                </Td>
                <Td dataLabel={t('Can attach')}>{o.usable ? t('Yes') : t('No')}</Td>
                <Td dataLabel={t('Why')}>
                  {o.why.map((w) => `${say(w)}${w.who ? ` ${who(w)}` : ''}`).join(' ')}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </StackItem>
      <StackItem>
        <Title headingLevel="h3" size="md">
          {t("Why can't this VM reach…")}
        </Title>
        <Form onSubmit={(e) => e.preventDefault()}>
          <ToggleGroup aria-label={t('Destination')}>
            {(
              [
                ['vm', t('Another VM')],
                ['ip', t('An IP address')],
                ['internet', t('The internet')],
                ['service', t('A Service')],
              ] as [Kind, string][]
            ).map(([k, label]) => (
              <ToggleGroupItem
                key={k}
                text={label}
                isSelected={kind === k}
                onChange={() => setKind(k)}
                data-test={`reach-dest-${k}`}
              />
            ))}
          </ToggleGroup>
          {kind === 'vm' && (
            <FormGroup label={t('Virtual machine')} fieldId="reach-peer">
              <FormSelect
                id="reach-peer"
                value={peer}
                onChange={(_e, v) => setPeer(v)}
                data-test="reach-peer"
              >
                <FormSelectOption value="" label={t('Choose a VM')} isPlaceholder />
                {vms.map((v) => (
                  <FormSelectOption
                    key={v.id}
                    value={`${v.namespace}/${v.name}`}
                    label={`${v.namespace}/${v.name}`}
                  />
                ))}
              </FormSelect>
            </FormGroup>
          )}
          {kind === 'ip' && (
            <FormGroup label={t('IP address')} fieldId="reach-ip">
              <TextInput
                id="reach-ip"
                value={ip}
                onChange={(_e, v) => setIp(v)}
                onBlur={() => setIpTouched(true)}
                validated={ipError && ipTouched ? 'error' : 'default'}
                data-test="reach-ip"
              />
              {ipError && ipTouched && (
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem variant="error">
                      {t('IP address: enter an IPv4 or IPv6 address, like 192.0.2.10')}
                    </HelperTextItem>
                  </HelperText>
                </FormHelperText>
              )}
            </FormGroup>
          )}
          {kind === 'service' && (
            <FormGroup label={t('Namespace of the Service')} fieldId="reach-service-ns">
              <FormSelect id="reach-service-ns" value={serviceNs} onChange={(_e, v) => setServiceNs(v)}>
                {namespaces.map((n) => (
                  <FormSelectOption key={n} value={n} label={n} />
                ))}
              </FormSelect>
            </FormGroup>
          )}
        </Form>
      </StackItem>
      {answer && (
        <StackItem data-test="reach-answer">
          <List isPlain>
            {answer.paths.map((p) => (
              <ListItem key={`${p.iface}/${p.network}`}>
                {p.ok ? '✓' : '✗'}{' '}
                {t('Interface {{iface}} on {{network}}', {
                  iface: p.iface,
                  network: p.network,
                  interpolation: { escapeValue: false },
                })}
              </ListItem>
            ))}
          </List>
          {answer.obstacles.map((o, i) => (
            <Alert key={i} isInline isPlain variant="warning" title={say(o)} data-test="reach-obstacle">
              {who(o)}
            </Alert>
          ))}
          {answer.unknowns.map((o, i) => (
            <Alert key={i} isInline isPlain variant="info" title={say(o)} />
          ))}
        </StackItem>
      )}
    </Stack>
  );
};
