import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { EMPTY_PAYLOAD_HASH, encodeS3Path, signRequest } from './aws-signature-v4.js';
import { assertValidStorageKey, type MediaStorage } from './media-storage.js';

export interface S3Settings {
  /** Base URL of the service, without a path: https://s3.eu-central-1.amazonaws.com, http://minio:9000. */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>`. */
  readonly forcePathStyle: boolean;
  /** Where a streamed upload is spooled while its length and hash are computed; the OS's by default. */
  readonly spoolDirectory?: string;
}

/** A service that stops answering must not hold an upload or a download forever. */
const SOCKET_IDLE_TIMEOUT_MS = 30_000;

/**
 * Media in an S3-compatible bucket, through four signed object calls (PUT, GET, DELETE and the
 * ranged GET) over node:http, keeping the MediaStorage contract:
 * - `put` is atomic because S3 stores an object whole or not at all. A streamed body is first
 *   spooled to a temporary file: S3 needs the length before the bytes (no chunked uploads), and
 *   signing the payload's SHA-256 lets the service reject bytes damaged on the way. A body that
 *   fails half-way never reaches the bucket.
 * - `get` of a missing key is null; `delete` of a missing key succeeds (S3 answers 204 anyway).
 */
export function createS3MediaStorage(settings: S3Settings): MediaStorage {
  const endpoint = new URL(settings.endpoint);
  const isHttps = endpoint.protocol === 'https:';
  const agent = isHttps
    ? new https.Agent({ keepAlive: true })
    : new http.Agent({ keepAlive: true });
  const host = settings.forcePathStyle ? endpoint.host : `${settings.bucket}.${endpoint.host}`;
  const credentials = {
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: 's3',
  };

  function pathOf(key: string): string {
    assertValidStorageKey(key);
    return settings.forcePathStyle
      ? `/${encodeS3Path(settings.bucket)}/${encodeS3Path(key)}`
      : `/${encodeS3Path(key)}`;
  }

  function send(
    method: 'PUT' | 'GET' | 'DELETE',
    key: string,
    options: {
      headers?: Record<string, string>;
      payloadHash?: string;
      body?: Readable | Uint8Array;
    } = {},
  ): Promise<IncomingMessage> {
    const requestPath = pathOf(key);
    const payloadHash = options.payloadHash ?? EMPTY_PAYLOAD_HASH;
    const headers = signRequest(
      {
        method,
        path: requestPath,
        headers: { host, 'x-amz-content-sha256': payloadHash, ...options.headers },
        payloadHash,
        now: new Date(),
      },
      credentials,
    );
    return new Promise((resolve, reject) => {
      const request = (isHttps ? https : http).request({
        protocol: endpoint.protocol,
        hostname: settings.forcePathStyle
          ? endpoint.hostname
          : `${settings.bucket}.${endpoint.hostname}`,
        port: endpoint.port || undefined,
        method,
        path: requestPath,
        headers,
        agent,
        timeout: SOCKET_IDLE_TIMEOUT_MS,
      });
      request.on('timeout', () =>
        request.destroy(new Error(`S3 ${method} ${key}: no answer within 30 s`)),
      );
      request.on('error', reject);
      request.on('response', resolve);
      const { body } = options;
      if (body instanceof Readable) {
        body.on('error', (error) => request.destroy(error));
        // A refused or broken connection must not leave the spooled file open.
        request.on('error', () => body.destroy());
        body.pipe(request);
      } else {
        request.end(body);
      }
    });
  }

  return {
    async put(key, body) {
      if (!(body instanceof Readable)) {
        const payloadHash = createHash('sha256').update(body).digest('hex');
        await expectSuccess(
          await send('PUT', key, {
            headers: { 'content-length': String(body.byteLength) },
            payloadHash,
            body,
          }),
          `PUT ${key}`,
        );
        return;
      }
      const spooled = await spool(body, settings.spoolDirectory ?? tmpdir());
      try {
        await expectSuccess(
          await send('PUT', key, {
            headers: { 'content-length': String(spooled.size) },
            payloadHash: spooled.sha256,
            body: createReadStream(spooled.file),
          }),
          `PUT ${key}`,
        );
      } finally {
        await rm(spooled.file, { force: true });
      }
    },

    async get(key, range) {
      const response = await send('GET', key, {
        headers: range ? { range: `bytes=${range.start}-${range.end}` } : {},
      });
      if (response.statusCode === 404) {
        response.resume();
        return null;
      }
      if (response.statusCode !== 200 && response.statusCode !== 206)
        await expectSuccess(response, `GET ${key}`);
      // A ranged answer carries the whole size after the slash: `bytes 2-5/10`.
      const whole = /\/(\d+)$/.exec(String(response.headers['content-range'] ?? ''))?.[1];
      const size = Number(whole ?? response.headers['content-length']);
      return { body: response, size };
    },

    async delete(key) {
      const response = await send('DELETE', key);
      if (response.statusCode === 404) {
        response.resume();
        return;
      }
      await expectSuccess(response, `DELETE ${key}`);
    },
  };
}

/** Throws the service's error code and message unless the answer is 2xx; consumes the body. */
async function expectSuccess(response: IncomingMessage, what: string): Promise<void> {
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) {
    response.resume();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').slice(0, 2000);
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  throw new Error(
    `S3 ${what} answered ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`,
  );
}

/** Writes the stream to a temporary file, returning its size and SHA-256; removes it on failure. */
async function spool(
  body: Readable,
  directory: string,
): Promise<{ file: string; size: number; sha256: string }> {
  const file = path.join(directory, `openpatrol-s3-${randomUUID()}.tmp`);
  const handle = await open(file, 'wx', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of body) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.byteLength;
      await handle.write(bytes);
    }
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw error;
  }
  return { file, size, sha256: hash.digest('hex') };
}
