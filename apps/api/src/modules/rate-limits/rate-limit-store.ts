import { Redis } from 'ioredis';

/**
 * Where rate-limit counts live: in this process by default, or in Redis so that every API process
 * behind a load balancer counts against the same limit. Both count fixed windows that start with
 * a key's first request.
 */
export interface RateLimitStore {
  /** Counts one request for `key`; answers the count so far in its window and when it ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Resolves once the store can count (Redis connected); a memory store is ready at once. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createMemoryRateLimitStore({
  now = Date.now,
}: { now?: () => number } = {}): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  // Expired windows are dropped on a timer, so keys of callers who went away do not pile up.
  const sweeper = setInterval(() => {
    const time = now();
    for (const [key, window] of windows) if (window.resetAt <= time) windows.delete(key);
  }, 30_000);
  sweeper.unref();

  return {
    async hit(key, windowMs) {
      const time = now();
      let window = windows.get(key);
      if (!window || window.resetAt <= time) {
        window = { count: 0, resetAt: time + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetInMs: window.resetAt - time };
    },
    ready: async () => undefined,
    close: async () => clearInterval(sweeper),
  };
}

/**
 * One round trip per request: INCR and the window's expiry in a script, so two processes can never
 * both start a window or leave a key without expiry.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

export function createRedisRateLimitStore({
  url,
  keyPrefix = 'openpatrol:rate-limit:',
}: {
  url: string;
  keyPrefix?: string;
}): RateLimitStore {
  const redis = new Redis(url, {
    lazyConnect: true,
    // A request must not wait for Redis to come back: without a connection the command fails at
    // once and the limiter lets the request through (rate-limits.ts).
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
  });
  // ioredis reconnects by itself; without a listener its errors would crash the process.
  redis.on('error', () => undefined);

  return {
    async hit(key, windowMs) {
      const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, keyPrefix + key, windowMs)) as [
        number,
        number,
      ];
      return { count, resetInMs: ttl };
    },
    async ready() {
      if (redis.status === 'wait') await redis.connect();
    },
    async close() {
      if (redis.status === 'end') return;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
