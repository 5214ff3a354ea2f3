import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for request headers, the scheme every S3-compatible service accepts
 * (AWS, MinIO, Ceph, Garage, R2, …). A hundred lines here instead of the AWS SDK's dozens of
 * packages: OpenPatrol needs four object calls, not the SDK.
 * Reference: "Signature Version 4 signing process" and "Authenticating Requests: Using the
 * Authorization Header" in the AWS documentation; tested against their published examples.
 */

export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  /** `s3` for object storage. */
  readonly service: string;
}

export interface RequestToSign {
  readonly method: string;
  /** The path as sent, already URI-encoded (see encodeS3Path). */
  readonly path: string;
  /** Query parameters, not encoded. */
  readonly query?: Readonly<Record<string, string>>;
  /** Every header to sign, `host` included; names in any case. */
  readonly headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  readonly payloadHash: string;
  readonly now: Date;
}

/** The SHA-256 of an empty body, which GET, HEAD and DELETE sign. */
export const EMPTY_PAYLOAD_HASH = createHash('sha256').update('').digest('hex');

/** RFC 3986 unreserved characters stay; everything else is %XX, upper-case (as SigV4 requires). */
export function encodeUriComponentStrict(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** An object key as an S3 path: each segment encoded, the slashes kept. */
export function encodeS3Path(key: string): string {
  return key.split('/').map(encodeUriComponentStrict).join('/');
}

/**
 * The headers to send: the given ones plus `x-amz-date` and `authorization` (S3 also wants
 * `x-amz-content-sha256`, which callers include so that it is signed).
 */
export function signRequest(
  request: RequestToSign,
  credentials: SigningCredentials,
): Record<string, string> {
  const amzDate = request.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  headers['x-amz-date'] = amzDate;

  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonicalHeaders = names
    .map((name) => `${name}:${headers[name]!.trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalQuery = Object.entries(request.query ?? {})
    .map(([name, value]) => [encodeUriComponentStrict(name), encodeUriComponentStrict(value)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalRequest = [
    request.method,
    request.path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    request.payloadHash,
  ].join('\n');

  const scope = `${day}/${credentials.region}/${credentials.service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, day);
  for (const part of [credentials.region, credentials.service, 'aws4_request'])
    key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');

  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
