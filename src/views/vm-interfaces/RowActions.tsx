/**
 * A row's kebab menu. Until first opened it is only the toggle button: PatternFly's Dropdown (with its Popper)
 * is created on the first click, so the 20-odd visible rows of a 40,000-row table do not each build a menu on
 * every scroll or keystroke. The items are computed when the menu opens.
 */
import { useEffect, useRef, useState, type FC } from 'react';
import { Divider, Dropdown, DropdownItem, DropdownList, MenuToggle } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';

export type RowAction =
  { title: string; onClick: () => void; disabledReason?: string; 'data-test'?: string } | 'separator';

type Props = {
  /** The menu's items, asked for when it opens. */
  items: () => RowAction[];
  /** Accessible name of the toggle, e.g. "Actions for eth1 of vm-1". */
  label: string;
  'data-test'?: string;
};

export const RowActions: FC<Props> = ({ items, label, 'data-test': dataTest }) => {
  const [isOpen, setOpen] = useState(false);
  // 'no' → the plain toggle; 'opening' → the Dropdown exists and opens on the next task; 'yes' → stays created,
  // so closing can give focus back to its own toggle.
  const [created, setCreated] = useState<'no' | 'opening' | 'yes'>('no');
  const toggleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (created !== 'opening') return;
    // The Dropdown's toggle is a new button: keep the keyboard focus on it. Open on the next task: the Dropdown
    // listens for clicks outside it on window, and the click that created it is still on its way up there.
    toggleRef.current?.focus();
    const timer = setTimeout(() => {
      setCreated('yes');
      setOpen(true);
    }, 0);
    return () => clearTimeout(timer);
  }, [created]);
  const toggle = (
    <MenuToggle
      ref={toggleRef}
      aria-label={label}
      variant="plain"
      icon={<EllipsisVIcon />}
      isExpanded={isOpen}
      onClick={() => (created === 'no' ? setCreated('opening') : setOpen((o) => !o))}
      data-test={dataTest}
    />
  );
  if (created === 'no') return toggle;
  return (
    <Dropdown
      isOpen={isOpen}
      onOpenChange={setOpen}
      toggle={{ toggleNode: toggle, toggleRef }}
      popperProps={{ position: 'end' }}
      shouldFocusToggleOnSelect
      shouldFocusFirstItemOnOpen
    >
      <DropdownList>
        {isOpen &&
          items().map((item, i) =>
            item === 'separator' ? (
              <Divider key={`separator-${i}`} component="li" />
            ) : (
              <DropdownItem
                key={item.title}
                onClick={() => {
                  setOpen(false);
                  item.onClick();
                }}
                isAriaDisabled={!!item.disabledReason}
                tooltipProps={item.disabledReason ? { content: item.disabledReason } : undefined}
                data-test={item['data-test']}
              >
                {item.title}
              </DropdownItem>
            ),
          )}
      </DropdownList>
    </Dropdown>
  );
};
