import { useEffect, useState, type FC, type ReactNode } from 'react';
import { K8sContext, type K8sContextValue } from '../src/k8s/K8sContext';

/**
 * Gives the plugin's hooks the namespace hints the shell's proxy offers (see shell/vite.config.ts): on a real
 * OpenShift cluster the projects API answers that question instead. The client itself is the plugin's default.
 */
export const ShellK8s: FC<{ children: ReactNode }> = ({ children }) => {
  const [value, setValue] = useState<K8sContextValue | undefined>();
  useEffect(() => {
    void fetch('/api/shell/users')
      .then((r) => r.json() as Promise<{ namespaces?: string[] }>)
      .then((u) => setValue({ namespaceHints: u.namespaces ?? [] }))
      .catch(() => setValue({}));
  }, []);
  // Hooks resolve their namespace scope once; wait for the hints so a tenant never starts from an empty guess.
  return value ? <K8sContext.Provider value={value}>{children}</K8sContext.Provider> : null;
};
