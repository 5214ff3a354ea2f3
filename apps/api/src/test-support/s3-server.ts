import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { signRequest } from '../modules/media/aws-signature-v4.js';
import type { S3Settings } from '../modules/media/s3-media-storage.js';

export interface TestS3Server {
  readonly settings: S3Settings;
  /** `METHOD /path` of every request that passed the signature check, in order. */
  readonly requests: string[];
  /** The keys of every object in the bucket. */
  listObjectKeys(): string[];
  close(): Promise<void>;
}

// s3rver knows this one account; the secret is ours, since only our check verifies signatures.
const ACCESS_KEY_ID = 'S3RVER';
const SECRET_ACCESS_KEY = 'test-secret-key/for+signatures';

/**
 * A real S3-compatible server for tests: s3rver (objects on disk, S3's XML errors, ranges),
 * behind a check of each request's SigV4 signature, which s3rver does not verify itself. The
 * check re-signs what actually arrived (method, path, signed headers, declared payload hash)
 * with the server's secret, so it catches a request that differs from what the client signed;
 * the signing algorithm itself is pinned by AWS's published examples (aws-signature-v4.test.ts).
 */
export async function startTestS3Server(bucket = 'openpatrol-media'): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 'openpatrol-s3-'));
  const s3rver = new S3rver({
    directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const mismatch = findSignatureMismatch(request);
    if (mismatch) {
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>${mismatch}</Message></Error>`,
      );
      request.resume();
      return;
    }
    requests.push(`${request.method} ${request.url}`);
    handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: 'eu-central-1',
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: SECRET_ACCESS_KEY,
      forcePathStyle: true,
    },
    requests,
    // s3rver keeps each object as `<key>._S3rver_object` under <directory>/<bucket>.
    listObjectKeys: () =>
      readdirSync(path.join(directory, bucket), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('._S3rver_object'))
        .map((file) => file.slice(0, -'._S3rver_object'.length)),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      s3rver.logger.exceptions.unhandle();
      s3rver.logger.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function findSignatureMismatch(request: IncomingMessage): string | null {
  const authorization = request.headers.authorization ?? '';
  const parsed =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/.exec(
      authorization,
    );
  if (!parsed) return 'no SigV4 Authorization header';
  const [, accessKeyId, , region, signedHeaderList] = parsed;
  if (accessKeyId !== ACCESS_KEY_ID) return 'unknown access key';
  const signedHeaders = signedHeaderList!.split(';');
  for (const required of ['host', 'x-amz-content-sha256', 'x-amz-date'])
    if (!signedHeaders.includes(required)) return `${required} is not signed`;
  const amzDate = String(request.headers['x-amz-date']);
  const now = new Date(
    amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  if (Number.isNaN(now.getTime()) || Math.abs(Date.now() - now.getTime()) > 15 * 60_000)
    return 'x-amz-date is missing or more than 15 minutes off';
  const url = new URL(request.url ?? '/', 'http://placeholder');
  const headers = Object.fromEntries(
    signedHeaders
      .filter((name) => name !== 'x-amz-date')
      .map((name) => [name, String(request.headers[name] ?? '')]),
  );
  const expected = signRequest(
    {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      payloadHash: String(request.headers['x-amz-content-sha256']),
      now,
    },
    {
      accessKeyId: ACCESS_KEY_ID,
      secretAccessKey: SECRET_ACCESS_KEY,
      region: region!,
      service: 's3',
    },
  );
  return expected.authorization === authorization ? null : 'signature does not match';
}
