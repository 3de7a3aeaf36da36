import { useEffect, useState, type FC } from 'react';
import { MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';
import { UserIcon } from '@patternfly/react-icons/dist/esm/icons/user-icon';
import { USER_COOKIE } from './users';

type Users = { users: string[]; current?: string };

/** Acting as someone else means new data everywhere, so the page reloads. */
export const chooseUser = (user: string): void => {
  document.cookie = `${USER_COOKIE}=${encodeURIComponent(user)}; path=/; SameSite=Strict`;
  window.location.reload();
};

/** Chooses which token the API proxy uses. A new identity means new data everywhere, so the page reloads. */
export const UserSwitcher: FC = () => {
  const [users, setUsers] = useState<Users>({ users: [] });
  const [open, setOpen] = useState(false);
  useEffect(() => {
    void fetch('/api/shell/users')
      .then((r) => r.json() as Promise<Users>)
      .then(setUsers);
  }, []);
  return (
    <Select
      isOpen={open}
      selected={users.current}
      onSelect={(_e, v) => chooseUser(String(v))}
      onOpenChange={setOpen}
      toggle={(ref) => (
        <MenuToggle
          ref={ref}
          onClick={() => setOpen(!open)}
          isExpanded={open}
          icon={<UserIcon />}
          data-test="user-switcher"
        >
          {users.current ?? '…'}
        </MenuToggle>
      )}
    >
      <SelectList aria-label="Act as user">
        {users.users.map((u) => (
          <SelectOption key={u} value={u} data-test={`user-${u}`}>
            {u}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};
