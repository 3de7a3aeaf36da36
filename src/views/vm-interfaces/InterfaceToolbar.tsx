import { memo, useMemo, type FC, type ReactNode } from 'react';
import {
  Button,
  SearchInput,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { InterfaceRow } from '../../domain/interfaces/rows';
import { MultiSelectFilter } from '../../components/MultiSelectFilter';
import { NS } from '../../i18n/ns';
import type { FilterState } from './useRowFilters';

const distinct = (values: Iterable<string | undefined>) =>
  [...new Set([...values].filter((v): v is string => !!v))].sort();

type ControlsProps = {
  rows: readonly InterfaceRow[];
  filters: FilterState;
  onChange: (patch: Partial<FilterState>) => void;
  onClear: () => void;
  showNamespace: boolean;
};

/**
 * The filter selects and toggles. Memoized apart from the search box: a keystroke must not re-render three
 * PatternFly Selects (their Popper compares props on every render, which profiling showed at 40,000 rows).
 */
const FilterControls = memo<ControlsProps>(({ rows, filters, onChange, onClear, showNamespace }) => {
  const { t } = useTranslation(NS);
  const options = useMemo(() => {
    const networkLabel = (key: string) =>
      key === 'pod' ? t('Pod network') : key === 'primary-udn' ? t('Primary UDN') : key;
    return {
      namespaces: distinct(rows.map((r) => r.namespace)).map((v) => ({ value: v, label: v })),
      networks: distinct(rows.map((r) => r.network?.key)).map((v) => ({ value: v, label: networkLabel(v) })),
      bindings: distinct(rows.map((r) => r.binding)).map((v) => ({ value: v, label: v })),
    };
  }, [rows, t]);
  return (
    <>
      {showNamespace && (
        <ToolbarItem>
          <MultiSelectFilter
            label={t('Namespace')}
            options={options.namespaces}
            selected={filters.namespaces}
            onChange={(namespaces) => onChange({ namespaces })}
            testId="filter-namespace"
          />
        </ToolbarItem>
      )}
      <ToolbarItem>
        <MultiSelectFilter
          label={t('Network')}
          options={options.networks}
          selected={filters.networks}
          onChange={(networks) => onChange({ networks })}
          testId="filter-network"
        />
      </ToolbarItem>
      <ToolbarItem>
        <MultiSelectFilter
          label={t('Binding')}
          options={options.bindings}
          selected={filters.bindings}
          onChange={(bindings) => onChange({ bindings })}
          testId="filter-binding"
        />
      </ToolbarItem>
      <ToolbarItem>
        <ToggleGroup aria-label={t('Quick filters')}>
          <ToggleGroupItem
            text={t('No IP')}
            isSelected={filters.noIp}
            onChange={(_e, noIp) => onChange({ noIp })}
            data-test="filter-noip"
          />
          <ToggleGroupItem
            text={t('Pending changes')}
            isSelected={filters.pendingChanges}
            onChange={(_e, pendingChanges) => onChange({ pendingChanges })}
            data-test="filter-pending"
          />
          <ToggleGroupItem
            text={t('Duplicate MAC')}
            isSelected={filters.duplicateMac}
            onChange={(_e, duplicateMac) => onChange({ duplicateMac })}
            data-test="filter-duplicate-mac"
          />
        </ToggleGroup>
      </ToolbarItem>
      <ToolbarItem>
        <Button variant="link" onClick={onClear} isInline>
          {t('Clear filters')}
        </Button>
      </ToolbarItem>
    </>
  );
});
FilterControls.displayName = 'FilterControls';

export const InterfaceToolbar: FC<
  ControlsProps & {
    /** The search box's text (the page filters on it in the same render; the URL follows after a pause). */
    search: string;
    onSearch: (text: string) => void;
    summary: string;
    /** "Manage columns" (ManageColumns.tsx), at the end of the toolbar. */
    columnPicker?: ReactNode;
  }
> = ({ search, onSearch, summary, onClear, columnPicker, ...controls }) => {
  const { t } = useTranslation(NS);
  return (
    <Toolbar clearAllFilters={onClear} data-test="interface-toolbar">
      <ToolbarContent>
        <ToolbarItem>
          <SearchInput
            aria-label={t('Search by VM name, IP address or MAC address')}
            placeholder={t('VM name, IP (10.0.0.0/24, fd00::) or MAC')}
            value={search}
            onChange={(_e, v) => onSearch(v)}
            onClear={() => onSearch('')}
            data-test="interface-search"
          />
        </ToolbarItem>
        <FilterControls onClear={onClear} {...controls} />
        <ToolbarItem align={{ default: 'alignEnd' }} data-test="interface-summary">
          {summary}
        </ToolbarItem>
        {columnPicker && <ToolbarItem>{columnPicker}</ToolbarItem>}
      </ToolbarContent>
    </Toolbar>
  );
};
