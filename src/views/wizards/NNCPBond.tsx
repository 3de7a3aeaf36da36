import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/issues';
import { BOND_MODES, type BondForm, type BondMode, type NNCPForm } from '../../domain/manifests/nncp/nncp';
import type { NicOption } from '../../domain/manifests/shared/options';
import { NS } from '../../i18n/ns';
import { ListField, SelectField, TextField } from './fields';

type Props = {
  bond: BondForm;
  set: (p: Partial<NNCPForm>) => void;
  nics: readonly NicOption[];
  issues: readonly FieldIssue[];
};

/** Name, mode and ports of a bond; the helper lists the NICs free on every selected node. */
export const NNCPBond: FC<Props> = ({ bond, set, nics, issues }) => {
  const { t } = useTranslation(NS);
  return (
    <>
      <TextField
        name="bond.name"
        label={t('Bond name')}
        isRequired
        value={bond.name}
        onChange={(name) => set({ bond: { ...bond, name } })}
        issues={issues}
        placeholder="bond0"
      />
      <SelectField
        name="bond.mode"
        label={t('Bond mode')}
        value={bond.mode}
        onChange={(mode) => set({ bond: { ...bond, mode: mode as BondMode } })}
        issues={issues}
        choices={BOND_MODES.map((m) => ({ value: m, label: m }))}
      />
      <ListField
        name="bond.ports"
        label={t('Bond ports')}
        value={bond.ports}
        onChange={(ports) => set({ bond: { ...bond, ports } })}
        issues={issues}
        help={t('Available: {{nics}}', {
          nics:
            nics
              .filter((n) => !n.unusable && !n.bond)
              .map((n) => n.name)
              .join(', ') || '—',
        })}
      />
    </>
  );
};
