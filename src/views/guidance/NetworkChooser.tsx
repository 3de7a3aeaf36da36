/**
 * "Which network should I use?" on Create network, before the kind select: a few questions, the answer ranked
 * with its reasons and limits, the options ruled out with why, and a button that opens the right wizard. The
 * platform and IP families come from the cluster when readable (and can be changed). Rules: domain/guidance.
 */
import { useMemo, useState, type FC } from 'react';
import {
  Button,
  Card,
  CardBody,
  CardFooter,
  CardTitle,
  Checkbox,
  ExpandableSection,
  Flex,
  FlexItem,
  Form,
  FormGroup,
  FormHelperText,
  Gallery,
  HelperText,
  HelperTextItem,
  List,
  ListItem,
  Radio,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from 'react-i18next';
import {
  bridgeVsLocalnet,
  chooseNetwork,
  type ChooserAnswers,
  type Note,
  type OptionId,
  type Platform,
} from '../../domain/guidance/chooser';
import type { NetworkKind } from '../../domain/manifests/shared/kinds';
import type { UDNRole } from '../../domain/kube/networks';
import { NS } from '../../i18n/ns';

export type ChooserPick = { kind: NetworkKind; role?: UDNRole };

type Props = {
  /** Facts read from the cluster (undefined: not readable); the user may change them. */
  platform?: Platform;
  ipv6SingleStack?: boolean;
  onPick: (pick: ChooserPick) => void;
};

type Choice<T extends string> = { value: T; label: string };

const RadioGroup = <T extends string>({
  name,
  label,
  choices,
  value,
  onChange,
  helper,
}: {
  name: string;
  label: string;
  choices: Choice<T>[];
  value?: T;
  onChange: (v: T) => void;
  helper?: string;
}) => (
  <FormGroup
    role="radiogroup"
    isInline
    fieldId={`chooser-${name}`}
    label={label}
    data-test={`chooser-${name}`}
  >
    {choices.map((c) => (
      <Radio
        key={c.value}
        id={`chooser-${name}-${c.value}`}
        name={`chooser-${name}`}
        label={c.label}
        isChecked={value === c.value}
        onChange={() => onChange(c.value)}
      />
    ))}
    {helper && (
      <FormHelperText>
        <HelperText>
          <HelperTextItem>{helper}</HelperTextItem>
        </HelperText>
      </FormHelperText>
    )}
  </FormGroup>
);

export const NetworkChooser: FC<Props> = ({ platform, ipv6SingleStack, onPick }) => {
  const { t } = useTranslation(NS);
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<ChooserAnswers>({});
  const set = (patch: Partial<ChooserAnswers>) => setAnswers((a) => ({ ...a, ...patch }));
  // The cluster's facts unless the user said otherwise.
  const effective = useMemo<ChooserAnswers>(
    () => ({
      ...answers,
      platform: answers.platform ?? platform,
      ipv6SingleStack: answers.ipv6SingleStack ?? ipv6SingleStack,
    }),
    [answers, platform, ipv6SingleStack],
  );
  const result = useMemo(() => chooseNetwork(effective), [effective]);
  const text = (n: Note) => t(n.text, n.params);
  const optionName: Record<OptionId, string> = {
    'pod-service': t('Pod network with a Service'),
    'primary-udn': t('Primary layer2 user-defined network'),
    'secondary-overlay': t('Secondary layer2 overlay'),
    localnet: t('OVN-Kubernetes localnet'),
    'linux-bridge': t('Linux bridge'),
    sriov: t('SR-IOV'),
  };
  const both =
    result.recommended.some((r) => r.option === 'localnet') &&
    result.recommended.some((r) => r.option === 'linux-bridge');

  return (
    <ExpandableSection
      toggleText={t('Not sure which network to create? Answer a few questions')}
      isExpanded={open}
      onToggle={(_e, v) => setOpen(v)}
      data-test="network-chooser"
    >
      <Form isHorizontal={false}>
        <RadioGroup
          name="scope"
          label={t('Which namespaces will use it?')}
          value={answers.scope}
          onChange={(scope) => set({ scope })}
          choices={[
            { value: 'one-namespace', label: t('One namespace') },
            { value: 'several-namespaces', label: t('Several namespaces') },
          ]}
        />
        <RadioGroup
          name="reach"
          label={t('What must the VMs reach?')}
          value={answers.reach}
          onChange={(reach) => set({ reach })}
          choices={[
            { value: 'physical', label: t('The physical (datacenter) network') },
            { value: 'vms-only', label: t('Only other VMs') },
            { value: 'services', label: t('Clients through Services') },
          ]}
        />
        <RadioGroup
          name="performance"
          label={t('What traffic?')}
          value={answers.performance}
          onChange={(performance) => set({ performance })}
          choices={[
            { value: 'normal', label: t('Ordinary') },
            { value: 'line-rate', label: t('Line rate') },
            { value: 'dpdk', label: t('DPDK') },
          ]}
        />
        <RadioGroup
          name="platform"
          label={t('Where does the cluster run?')}
          value={effective.platform}
          onChange={(p) => set({ platform: p })}
          helper={
            platform
              ? t('Read from the cluster (Infrastructure)')
              : t('Not readable from the cluster; choose one')
          }
          choices={[
            { value: 'bare-metal', label: t('Bare metal') },
            { value: 'public-cloud', label: t('Public cloud (ROSA, ARO, OCI, GCP…)') },
            { value: 'openstack', label: t('Red Hat OpenStack Platform') },
            { value: 'other', label: t('Other') },
          ]}
        />
        <FormGroup isInline fieldId="chooser-flags" label={t('Also')}>
          <Checkbox
            id="chooser-vlan"
            label={t('A VLAN of the physical network')}
            isChecked={!!answers.vlan}
            onChange={(_e, vlan) => set({ vlan })}
          />
          <Checkbox
            id="chooser-persistent"
            label={t('Keep IP addresses across live migration')}
            isChecked={!!answers.persistentIps}
            onChange={(_e, persistentIps) => set({ persistentIps })}
          />
          <Checkbox
            id="chooser-ipv6"
            label={t('IPv6 single-stack cluster')}
            isChecked={!!effective.ipv6SingleStack}
            onChange={(_e, v) => set({ ipv6SingleStack: v })}
          />
        </FormGroup>
      </Form>
      <Gallery
        hasGutter
        minWidths={{ default: '260px' }}
        className="pf-v6-u-mt-md"
        data-test="chooser-results"
      >
        {result.recommended.map((r, i) => (
          <Card key={r.option} isCompact data-test={`chooser-option-${r.option}`}>
            <CardTitle>
              {i === 0
                ? t('Recommended: {{option}}', { option: optionName[r.option] })
                : optionName[r.option]}
            </CardTitle>
            <CardBody>
              <List isPlain>
                {r.reasons.map((n) => (
                  <ListItem key={n.text}>✓ {text(n)}</ListItem>
                ))}
                {r.limits.map((n) => (
                  <ListItem key={n.text}>ⓘ {text(n)}</ListItem>
                ))}
              </List>
            </CardBody>
            <CardFooter>
              {r.kind ? (
                <Button
                  variant={i === 0 ? 'primary' : 'secondary'}
                  onClick={() =>
                    onPick({
                      kind: r.kind!,
                      role:
                        r.option === 'secondary-overlay'
                          ? 'Secondary'
                          : r.option === 'primary-udn'
                            ? 'Primary'
                            : undefined,
                    })
                  }
                  data-test={`chooser-pick-${r.option}`}
                >
                  {t('Create this network')}
                </Button>
              ) : (
                t('Nothing to create: every VM has it')
              )}
            </CardFooter>
          </Card>
        ))}
      </Gallery>
      {result.recommended.length === 0 && (
        <HelperText>
          <HelperTextItem variant="warning">
            {t('No network fits every answer; see why below.')}
          </HelperTextItem>
        </HelperText>
      )}
      {result.ruledOut.length > 0 && (
        <ExpandableSection
          toggleText={t('Ruled out: {{count}}', { count: result.ruledOut.length })}
          data-test="chooser-ruled-out"
        >
          <List>
            {result.ruledOut.map((r) => (
              <ListItem key={r.option}>
                <Flex>
                  <FlexItem>
                    <strong>{optionName[r.option]}</strong>
                  </FlexItem>
                  <FlexItem>{text(r.why)}</FlexItem>
                </Flex>
              </ListItem>
            ))}
          </List>
        </ExpandableSection>
      )}
      {both && (
        <ExpandableSection toggleText={t('Linux bridge or localnet?')} data-test="chooser-comparison">
          <Table variant="compact" aria-label={t('Linux bridge compared with localnet')}>
            <Thead>
              <Tr>
                <Th>{t('Aspect')}</Th>
                <Th>{t('Linux bridge')}</Th>
                <Th>{t('OVN-Kubernetes localnet')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {bridgeVsLocalnet.map(([aspect, bridge, localnet]) => (
                <Tr key={aspect}>
                  <Td>{t(aspect)}</Td>
                  <Td>{t(bridge)}</Td>
                  <Td>{t(localnet)}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </ExpandableSection>
      )}
    </ExpandableSection>
  );
};
