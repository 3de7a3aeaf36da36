import { useEffect, useMemo, useState, type FC, type ReactNode } from 'react';
import {
  Bullseye,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
} from '@patternfly/react-core';
import { K8sContext, type K8sContextValue } from '../src/k8s/K8sContext';
import { chooseUser } from './UserSwitcher';

type ShellUsers = { users?: string[]; current?: string; namespaces?: string[] };

/** The proxy has no default identity (shell/guard.ts): until a user is chosen, ask instead of showing 401s. */
const ChooseUser: FC<{ users: string[] }> = ({ users }) => (
  <Bullseye>
    <EmptyState titleText="Who should the shell act as?" headingLevel="h1" data-test="choose-user">
      <EmptyStateBody>
        The shell’s API proxy sends this user’s credentials to the cluster. It has no default user.
      </EmptyStateBody>
      <EmptyStateFooter>
        <EmptyStateActions>
          {users.map((u) => (
            <Button key={u} variant="secondary" onClick={() => chooseUser(u)} data-test={`choose-user-${u}`}>
              {u}
            </Button>
          ))}
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  </Bullseye>
);

/**
 * Gives the plugin's hooks the namespace hints the shell's proxy offers (see shell/vite.config.ts): on a real
 * OpenShift cluster the projects API answers that question instead. The client itself is the plugin's default.
 */
export const ShellK8s: FC<{ children: ReactNode }> = ({ children }) => {
  const [users, setUsers] = useState<ShellUsers | undefined>();
  useEffect(() => {
    void fetch('/api/shell/users')
      .then((r) => r.json() as Promise<ShellUsers>)
      .then(setUsers)
      .catch(() => setUsers({}));
  }, []);
  const value = useMemo<K8sContextValue>(() => ({ namespaceHints: users?.namespaces ?? [] }), [users]);
  if (!users) return null;
  if (!users.current && users.users?.length) return <ChooseUser users={users.users} />;
  // Hooks resolve their namespace scope once; wait for the hints so a tenant never starts from an empty guess.
  return <K8sContext.Provider value={value}>{children}</K8sContext.Provider>;
};
