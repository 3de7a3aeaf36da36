// Generated credentials: random bearer tokens for the static token file, the service-account key pair, and one
// kubeconfig per user.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { USERS, type UserName } from './state';

/** The identity kube-controller-manager uses; not one of the users tests act as. */
export const CONTROLLER_USER = 'system:kube-controller-manager';

export type Tokens = Record<UserName | typeof CONTROLLER_USER, string>;

export const generateTokens = (): Tokens =>
  Object.fromEntries([...USERS, CONTROLLER_USER].map((u) => [u, randomBytes(24).toString('hex')])) as Tokens;

/**
 * The --token-auth-file CSV (token,user,uid,"groups"). admin is in system:masters so that it can bootstrap RBAC
 * before any binding exists, and is also bound to cluster-admin by a ClusterRoleBinding (see rbac.ts), so it stays
 * cluster-admin through RBAC alone. Tenants and viewer get their rights only from RBAC.
 */
export const tokenFile = (tokens: Tokens): string => {
  const groups: Record<string, string> = { admin: 'system:masters', [CONTROLLER_USER]: 'system:masters' };
  return (
    Object.entries(tokens)
      .map(([user, token]) => `${token},${user},${user}${groups[user] ? `,"${groups[user]}"` : ''}`)
      .join('\n') + '\n'
  );
};

export const serviceAccountKeys = (): { privateKey: string; publicKey: string } =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

export const kubeconfig = (opts: {
  server: string;
  caFile: string;
  user: string;
  token: string;
  namespace?: string;
}) =>
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'local-cluster', cluster: { server: opts.server, 'certificate-authority': opts.caFile } },
    ],
    users: [{ name: opts.user, user: { token: opts.token } }],
    contexts: [
      {
        name: `${opts.user}@local-cluster`,
        context: {
          cluster: 'local-cluster',
          user: opts.user,
          ...(opts.namespace ? { namespace: opts.namespace } : {}),
        },
      },
    ],
    'current-context': `${opts.user}@local-cluster`,
  });
