// Certificates for the local cluster's client-certificate users: a client CA (kube-apiserver --client-ca-file) and
// the client certificates it signs, whose subject the API server reads as the user (CN) and groups (O), as
// k8s.io/apiserver pkg/authentication/request/x509 does. Node can sign but not build certificates, so the DER
// (RFC 5280, ITU-T X.690) is written here: ECDSA P-256 keys and SHA-256 signatures, no dependency, no openssl.
import {
  type KeyObject,
  X509Certificate,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  sign,
} from 'node:crypto';

// --- DER ---------------------------------------------------------------------------------------------------------

const length = (n: number): Buffer => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const seq = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);
/** A non-negative INTEGER from big-endian bytes (a leading 0 keeps it positive). */
const integer = (bytes: Buffer): Buffer => {
  let b = bytes;
  while (b.length > 1 && b[0] === 0 && ((b[1] ?? 0) & 0x80) === 0) b = b.subarray(1);
  return tlv(0x02, (b[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
};
const oid = (dotted: string): Buffer => {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const arc of rest) {
    const digits = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) digits.unshift(0x80 | (v & 0x7f));
    out.push(...digits);
  }
  return tlv(0x06, Buffer.from(out));
};
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
const bool = (v: boolean) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const octets = (b: Buffer) => tlv(0x04, b);
const bits = (b: Buffer, unused = 0) => tlv(0x03, Buffer.from([unused]), b);
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);
/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5). */
const time = (d: Date): Buffer => {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14); // YYYYMMDDHHMMSS
  return d.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`))
    : tlv(0x18, Buffer.from(`${iso}Z`));
};

// --- X.509 -------------------------------------------------------------------------------------------------------

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

/** Subject or issuer: O (one RDN each, as Go's pkix.Name writes several organizations) then CN. */
const name = (cn: string, organizations: readonly string[] = []): Buffer =>
  seq(...organizations.map((o) => set(seq(oid('2.5.4.10'), utf8(o)))), set(seq(oid('2.5.4.3'), utf8(cn))));

/** One TLV at `at`: where its content starts and where it ends. */
const read = (der: Buffer, at: number): { content: number; end: number } => {
  const first = der[at + 1] ?? 0;
  let len = first;
  let content = at + 2;
  if (first & 0x80) {
    len = 0;
    for (let i = 0; i < (first & 0x7f); i++) len = len * 256 + (der[content + i] ?? 0);
    content += first & 0x7f;
  }
  return { content, end: content + len };
};

/** The subject Name of a DER certificate: Certificate → tbsCertificate → its 6th element (after [0] version). */
const subjectOf = (der: Buffer): Buffer => {
  const tbs = read(der, read(der, 0).content);
  let at = tbs.content;
  for (let i = 0; i < 5; i++) at = read(der, at).end; // version, serial, signature, issuer, validity
  return der.subarray(at, read(der, at).end);
};

const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

export type Pem = { cert: string; key: string };

export type CertificateRequest = {
  commonName: string;
  organizations?: readonly string[];
  /** A CA (signs certificates) or a client certificate (TLS client authentication). */
  ca: boolean;
  days: number;
  /** The signer; none: self-signed. */
  issuer?: Pem;
};

const pem = (label: string, der: Buffer): string =>
  `-----BEGIN ${label}-----\n${(der.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;

/** A new key pair and its certificate, signed by `issuer` or by itself. */
export const createCertificate = (req: CertificateRequest): Pem => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const issuerCert = req.issuer ? new X509Certificate(req.issuer.cert) : undefined;
  const signer: KeyObject = req.issuer ? createPrivateKey(req.issuer.key) : privateKey;
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01; // positive, never zero
  const now = Date.now();
  const subject = name(req.commonName, req.organizations);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const extensions = req.ca
    ? [
        extension('2.5.29.19', true, seq(bool(true))), // basicConstraints: CA
        extension('2.5.29.15', true, bits(Buffer.from([0x86]), 1)), // keyUsage: digitalSignature, keyCertSign, cRLSign
      ]
    : [
        extension('2.5.29.19', true, seq()), // basicConstraints: not a CA
        extension('2.5.29.15', true, bits(Buffer.from([0x80]), 7)), // keyUsage: digitalSignature
        extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.2'))), // extKeyUsage: clientAuth
      ];
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ECDSA_SHA256,
    issuerCert ? subjectOf(issuerCert.raw) : subject, // issuer: the signer's subject, byte for byte
    seq(time(new Date(now - 3600_000)), time(new Date(now + req.days * 86_400_000))),
    subject,
    spki,
    explicit(3, seq(...extensions)),
  );
  const signature = sign('sha256', tbs, signer); // ECDSA: DER-encoded (r, s)
  return {
    cert: pem('CERTIFICATE', seq(tbs, ECDSA_SHA256, bits(signature))),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
};
