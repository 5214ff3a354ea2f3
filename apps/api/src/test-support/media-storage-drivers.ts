import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestS3Server } from './s3-server.js';

/** Media storage for a test server: its settings and a look at what it holds. */
export interface TestMediaStorage {
  /** Environment for createTestServer: DATA_DIR, and MEDIA_STORAGE with S3_* for S3. */
  readonly env: Record<string, string>;
  /** Every object stored, originals and thumbnails alike. */
  listStoredObjects(): string[];
  close(): Promise<void>;
}

/** Every driver, so media tests run once per driver: both must keep the same contract. */
export const MEDIA_STORAGE_DRIVERS: readonly {
  readonly name: string;
  open(): Promise<TestMediaStorage>;
}[] = [
  {
    name: 'disk',
    async open() {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'openpatrol-media-test-'));
      const mediaDir = path.join(dataDir, 'media');
      return {
        env: { DATA_DIR: dataDir },
        listStoredObjects: () => {
          try {
            return readdirSync(mediaDir, { recursive: true, withFileTypes: true })
              .filter((entry) => entry.isFile())
              .map((entry) => path.join(entry.parentPath, entry.name));
          } catch {
            return [];
          }
        },
        close: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'S3',
    async open() {
      const server = await startTestS3Server();
      const dataDir = mkdtempSync(path.join(tmpdir(), 'openpatrol-media-test-'));
      const { settings } = server;
      return {
        env: {
          DATA_DIR: dataDir,
          MEDIA_STORAGE: 's3',
          S3_ENDPOINT: settings.endpoint,
          S3_BUCKET: settings.bucket,
          S3_REGION: settings.region,
          S3_ACCESS_KEY_ID: settings.accessKeyId,
          S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
          S3_FORCE_PATH_STYLE: String(settings.forcePathStyle),
        },
        listStoredObjects: () => server.listObjectKeys(),
        close: async () => {
          await server.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];
