/**
 * Which client hooks use. Plugin pages need no provider: they fall back to the console client. Tests and the
 * shell may provide another one, plus namespace hints for users who cannot list namespaces (see access.ts).
 */
import { createContext, useContext } from 'react';
import type { K8sClient } from './client';
import { getConsoleK8sClient } from './consoleClient';

export type K8sContextValue = { client?: K8sClient; namespaceHints?: readonly string[] };

export const K8sContext = createContext<K8sContextValue>({});

export const useK8sClient = (): K8sClient => useContext(K8sContext).client ?? getConsoleK8sClient();

export const useNamespaceHints = (): readonly string[] | undefined => useContext(K8sContext).namespaceHints;
