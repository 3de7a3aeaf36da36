import { useState, type FC } from 'react';
import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';

type Option = { value: string; label: string };

/** A toolbar filter that selects any number of values; the badge counts the chosen ones. */
export const MultiSelectFilter: FC<{
  label: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  testId: string;
}> = ({ label, options, selected, onChange, testId }) => {
  const [open, setOpen] = useState(false);
  const toggle = (value: string) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <Select
      role="menu"
      isOpen={open}
      selected={selected}
      onSelect={(_e, v) => toggle(String(v))}
      onOpenChange={setOpen}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          onClick={() => setOpen(!open)}
          isExpanded={open}
          badge={selected.length ? <Badge isRead>{selected.length}</Badge> : undefined}
          data-test={testId}
        >
          {label}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={label}>
        {options.map((o) => (
          <SelectOption
            key={o.value}
            value={o.value}
            hasCheckbox
            isSelected={selected.includes(o.value)}
            data-test={`${testId}-${o.value}`}
          >
            {o.label}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};
