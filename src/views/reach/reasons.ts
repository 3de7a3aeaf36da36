/** Why an action of the card is not allowed, from the access reviews (the button says it in a tooltip). */
import { useTranslation } from 'react-i18next';
import { NS } from '../../i18n/ns';
import type { Access, ReachData } from './useReachData';

export type Reason = { allowed: boolean; reason?: string };

export const useReasons = (namespace: string, data: Pick<ReachData, 'canCreate' | 'canDelete'>) => {
  const { t } = useTranslation(NS);
  const of = (a: Access, denied: string): Reason =>
    !a.loaded
      ? { allowed: false, reason: t('Checking your permissions…') }
      : a.allowed
        ? { allowed: true }
        : { allowed: false, reason: denied };
  return {
    create: of(data.canCreate, t('You may not create Services in namespace {{ns}}.', { ns: namespace })),
    remove: of(data.canDelete, t('You may not delete Services in namespace {{ns}}.', { ns: namespace })),
  };
};
