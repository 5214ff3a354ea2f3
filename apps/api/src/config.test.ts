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
});
