// Generated credentials: random bearer tokens for the static token file, the service-account key pair, the client
// CA with the client certificates it signs, and one kubeconfig per user.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { USERS, type UserName } from './state';
import { type Pem, createCertificate } from './x509';

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

/** Who signs and who holds the client certificates (kube-apiserver --client-ca-file). */
export const CLIENT_CA_NAME = 'local-cluster-client-ca';

/**
 * Users who sign in with a client certificate instead of a token: the API server reads the certificate's CN as
 * the user name and each O as a group. Same names as the token users, so RBAC treats them alike: `admin` in
 * `system:masters`, `tenant-a` with its RoleBindings only.
 */
export const CERT_USERS = { admin: ['system:masters'], 'tenant-a': [] } as const satisfies Partial<
  Record<UserName, readonly string[]>
>;
export type CertUser = keyof typeof CERT_USERS;

export const clientCa = (): Pem => createCertificate({ commonName: CLIENT_CA_NAME, ca: true, days: 3650 });

export const clientCertificate = (ca: Pem, user: CertUser): Pem =>
  createCertificate({ commonName: user, organizations: CERT_USERS[user], ca: false, days: 365, issuer: ca });

/** A kubeconfig for one user: a bearer token, or a client certificate and key (embedded, base64). */
export const kubeconfig = (
  opts: {
    server: string;
    caFile: string;
    user: string;
    namespace?: string;
  } & ({ token: string } | { certificate: Pem }),
) =>
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'local-cluster', cluster: { server: opts.server, 'certificate-authority': opts.caFile } },
    ],
    users: [
      {
        name: opts.user,
        user:
          'token' in opts
            ? { token: opts.token }
            : {
                'client-certificate-data': Buffer.from(opts.certificate.cert).toString('base64'),
                'client-key-data': Buffer.from(opts.certificate.key).toString('base64'),
              },
      },
    ],
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
