import { useMemo, useState, type FC } from 'react';
import { Grid, GridItem, PageSection, Stack, StackItem, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { availableKinds, type NetworkKind } from '../../domain/manifests/shared/kinds';
import { isIPv6SingleStack } from '../../domain/manifests/shared/context';
import type { UDNRole } from '../../domain/kube/networks';
import { NetworkChooser } from '../guidance/NetworkChooser';
import { useClusterPlatform } from '../guidance/useClusterPlatform';
import { NS } from '../../i18n/ns';
import { withPluginQueries } from '../../k8s/PluginQueries';
import { KindPicker } from './KindPicker';
import { KindWizard } from './KindWizard';
import { SkippedChecks } from './SkippedChecks';
import { useClusterContext } from './useClusterContext';
import { CreateAccessContext, useCreateAccess } from './useCreateAccess';

/**
 * Create network: pick a kind (the ones this cluster cannot use are disabled, with the reason), then a wizard for
 * it beside the live YAML. Facts come from every list the user can read.
 */
const CreateNetworkPage: FC = () => {
  const { t } = useTranslation(NS);
  const ctx = useClusterContext();
  const kinds = useMemo(() => availableKinds(ctx), [ctx]);
  const [kind, setKind] = useState<NetworkKind>();
  // A role the chooser picked for a UDN/CUDN wizard (a secondary overlay across namespaces is a CUDN too).
  const [role, setRole] = useState<UDNRole>();
  const access = useCreateAccess();
  const platform = useClusterPlatform();
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Create network')}</Title>
      </PageSection>
      <PageSection>
        <Stack hasGutter>
          <StackItem>
            <NetworkChooser
              platform={platform}
              ipv6SingleStack={ctx.ipFamilies ? isIPv6SingleStack(ctx) : undefined}
              onPick={(pick) => {
                setRole(pick.role);
                setKind(pick.kind);
              }}
            />
          </StackItem>
          <StackItem>
            <Grid>
              <GridItem md={8} xl={6}>
                <KindPicker
                  kinds={kinds}
                  access={access}
                  value={kind}
                  onChange={(k) => {
                    setRole(undefined);
                    setKind(k);
                  }}
                />
              </GridItem>
              <GridItem md={8} xl={6}>
                <SkippedChecks skipped={ctx.skippedChecks} />
              </GridItem>
            </Grid>
          </StackItem>
          <StackItem>
            <CreateAccessContext.Provider value={access}>
              {kind && <KindWizard key={`${kind}/${role ?? ''}`} kind={kind} ctx={ctx} role={role} />}
            </CreateAccessContext.Provider>
          </StackItem>
        </Stack>
      </PageSection>
    </>
  );
};

export default withPluginQueries(CreateNetworkPage);
