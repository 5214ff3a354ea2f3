import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('needs no configuration: port 8080, SQLite under ./data', () => {
    const config = loadConfig({}, '/srv/openpatrol');
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.deepEqual(config.database, {
      dialect: 'sqlite',
      filename: path.join('/srv/openpatrol/data', 'openpatrol.db'),
    });
    assert.equal(config.logLevel, 'info');
    assert.equal(config.publicUrl, 'http://localhost:8080');
  });

  it('selects PostgreSQL from a postgres:// DATABASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/openpatrol',
      DATABASE_SCHEMA: 'tenant_a',
      DATABASE_POOL_SIZE: '20',
    });
    assert.deepEqual(config.database, {
      dialect: 'postgres',
      connectionString: 'postgres://u@db:5432/openpatrol',
      schema: 'tenant_a',
      poolSize: 20,
    });
  });

  it('reads numbers and resolves a sqlite: path against the working directory', () => {
    const config = loadConfig(
      { PORT: '9000', DATABASE_URL: 'sqlite:var/op.db', PUBLIC_URL: 'https://patrol.example.com/' },
      '/srv',
    );
    assert.equal(config.port, 9000);
    assert.deepEqual(config.database, { dialect: 'sqlite', filename: '/srv/var/op.db' });
    assert.equal(config.publicUrl, 'https://patrol.example.com');
  });

  it('treats an empty variable as unset', () => {
    assert.equal(loadConfig({ PORT: '' }).port, 8080);
  });

  it('lists every problem at once, each naming its setting', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', BODY_LIMIT_BYTES: '10' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 3, error.message);
        assert.match(error.message, /PORT must be an integer/);
        assert.match(error.message, /LOG_LEVEL must be one of "fatal"/);
        assert.match(error.message, /BODY_LIMIT_BYTES must be >= 1024/);
        return true;
      },
    );
  });

  it('refuses an unknown database scheme and a relative PUBLIC_URL together', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://localhost/x', PUBLIC_URL: 'patrol.example.com' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems, [
          'DATABASE_URL must start with postgres://, postgresql:// or sqlite:',
          'PUBLIC_URL must be an absolute http:// or https:// URL',
        ]);
        return true;
      },
    );
  });

  it('runs the background worker inside serve unless WORKER_IN_PROCESS=false', () => {
    assert.equal(loadConfig({}).workerInProcess, true);
    assert.equal(loadConfig({ WORKER_IN_PROCESS: 'false' }).workerInProcess, false);
    assert.throws(() => loadConfig({ WORKER_IN_PROCESS: 'sometimes' }), /WORKER_IN_PROCESS/);
  });

  it('reads lists from DATABASE_READ_URL with the primary’s schema, on PostgreSQL only', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@primary:5432/openpatrol',
      DATABASE_SCHEMA: 'tenant_a',
      DATABASE_READ_URL: 'postgres://u@replica:5432/openpatrol',
      DATABASE_READ_POOL_SIZE: '30',
    });
    assert.deepEqual(config.readDatabase, {
      dialect: 'postgres',
      connectionString: 'postgres://u@replica:5432/openpatrol',
      schema: 'tenant_a',
      poolSize: 30,
    });
    assert.equal(loadConfig({}).readDatabase, undefined);
    assert.throws(
      () => loadConfig({ DATABASE_READ_URL: 'postgres://u@replica:5432/openpatrol' }),
      /DATABASE_READ_URL applies only when DATABASE_URL is a PostgreSQL URL/,
    );
  });

  it('keeps media on disk by default and in S3 when MEDIA_STORAGE=s3 names a bucket and keys', () => {
    assert.deepEqual(loadConfig({}, '/srv/openpatrol').mediaStorage, {
      driver: 'disk',
      directory: path.join('/srv/openpatrol/data', 'media'),
    });
    assert.deepEqual(
      loadConfig({
        MEDIA_STORAGE: 's3',
        S3_ENDPOINT: 'http://minio:9000/',
        S3_BUCKET: 'openpatrol-media',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
      }).mediaStorage,
      {
        driver: 's3',
        endpoint: 'http://minio:9000',
        bucket: 'openpatrol-media',
        region: 'us-east-1',
        accessKeyId: 'key',
        secretAccessKey: 'secret',
        forcePathStyle: true,
      },
    );
    assert.throws(
      () => loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'Not_A_Bucket' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems, [
          'S3_BUCKET must match the pattern ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$',
        ]);
        return true;
      },
    );
    assert.throws(
      () => loadConfig({ MEDIA_STORAGE: 's3', S3_BUCKET: 'media' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems, [
          'S3_ENDPOINT is required when MEDIA_STORAGE is s3',
          'S3_ACCESS_KEY_ID is required when MEDIA_STORAGE is s3',
          'S3_SECRET_ACCESS_KEY is required when MEDIA_STORAGE is s3',
        ]);
        return true;
      },
    );
  });
});
