import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { EMPTY_PAYLOAD_HASH, encodeS3Path, signRequest } from './aws-signature-v4.js';

/** The example credentials of AWS's S3 SigV4 documentation. */
const S3_EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
};

const signatureOf = (headers: Record<string, string>) =>
  /Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '')?.[1];

describe('AWS Signature Version 4', () => {
  it('signs the SigV4 test suite’s get-vanilla request as AWS does', () => {
    const headers = signRequest(
      {
        method: 'GET',
        path: '/',
        headers: { Host: 'example.amazonaws.com' },
        payloadHash: EMPTY_PAYLOAD_HASH,
        now: new Date('2015-08-30T12:36:00Z'),
      },
      {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
        service: 'service',
      },
    );
    assert.equal(
      headers.authorization,
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
    assert.equal(headers['x-amz-date'], '20150830T123600Z');
  });

  it('signs the S3 documentation’s ranged GET Object example', () => {
    const headers = signRequest(
      {
        method: 'GET',
        path: '/test.txt',
        headers: {
          host: 'examplebucket.s3.amazonaws.com',
          range: 'bytes=0-9',
          'x-amz-content-sha256': EMPTY_PAYLOAD_HASH,
        },
        payloadHash: EMPTY_PAYLOAD_HASH,
        now: new Date('2013-05-24T00:00:00Z'),
      },
      S3_EXAMPLE,
    );
    assert.equal(
      signatureOf(headers),
      'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    assert.match(
      headers.authorization!,
      /SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,/,
    );
  });

  it('signs the S3 documentation’s PUT Object example, encoding the key', () => {
    const body = 'Welcome to Amazon S3.';
    const payloadHash = createHash('sha256').update(body).digest('hex');
    const headers = signRequest(
      {
        method: 'PUT',
        path: `/${encodeS3Path('test$file.text')}`,
        headers: {
          host: 'examplebucket.s3.amazonaws.com',
          date: 'Fri, 24 May 2013 00:00:00 GMT',
          'x-amz-storage-class': 'REDUCED_REDUNDANCY',
          'x-amz-content-sha256': payloadHash,
        },
        payloadHash,
        now: new Date('2013-05-24T00:00:00Z'),
      },
      S3_EXAMPLE,
    );
    assert.equal(
      signatureOf(headers),
      '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });

  it('changes the signature when anything signed changes', () => {
    const request = {
      method: 'GET',
      path: '/a',
      headers: { host: 'h' },
      payloadHash: EMPTY_PAYLOAD_HASH,
      now: new Date('2026-12-04T00:00:00Z'),
    };
    const base = signatureOf(signRequest(request, S3_EXAMPLE));
    assert.notEqual(signatureOf(signRequest({ ...request, path: '/b' }, S3_EXAMPLE)), base);
    assert.notEqual(
      signatureOf(signRequest(request, { ...S3_EXAMPLE, secretAccessKey: 'other' })),
      base,
    );
  });
});
