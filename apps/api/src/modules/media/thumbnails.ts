import { Worker } from 'node:worker_threads';

/** Thumbnails fit in a square of this many pixels, keeping the picture's proportions. */
export const THUMBNAIL_MAX_SIDE = 320;
/**
 * Images above this many pixels get no thumbnail: decoding one takes 4 bytes a pixel (200 MB at
 * 50 megapixels) and seconds of CPU. Phone cameras stay below it in their default modes.
 */
export const THUMBNAIL_MAX_SOURCE_PIXELS = 50_000_000;
/** The formats the pure-JS decoder reads. WebP would need a WebAssembly codec: no thumbnail. */
export const THUMBNAIL_SOURCE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);
/** A decode that takes longer than this is abandoned (its worker is stopped). */
const THUMBNAIL_TIMEOUT_MILLIS = 30_000;

export interface Thumbnail {
  readonly jpeg: Buffer;
  /** The source picture's size as decoded, EXIF orientation applied. */
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

export interface ThumbnailMaker {
  /** A JPEG no larger than {@link THUMBNAIL_MAX_SIDE} on either side; rejects if undecodable. */
  makeThumbnail(image: Uint8Array): Promise<Thumbnail>;
  /** Stops the worker thread, if one is running. */
  close(): Promise<void>;
}

/**
 * The code of the worker thread. Pure-JS decoding of a 12-megapixel JPEG takes about two seconds
 * of CPU, which on the main thread would stall every other request; a worker thread keeps the
 * server answering. It is source text (`eval`) rather than a file of its own so it runs the same
 * from the TypeScript sources (tsx does not reach worker threads) and from the compiled build.
 * Jimp applies the EXIF orientation while decoding, so the thumbnail is upright.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loading = import(workerData.jimpUrl);
parentPort.on('message', async ({ id, image, maxSide }) => {
  try {
    const { Jimp } = await loading;
    const decoded = await Jimp.fromBuffer(Buffer.from(image));
    const sourceWidth = decoded.bitmap.width;
    const sourceHeight = decoded.bitmap.height;
    if (sourceWidth > maxSide || sourceHeight > maxSide) decoded.scaleToFit({ w: maxSide, h: maxSide });
    // JPEG has no transparency: transparent pixels are laid on white instead of turning black.
    const flat = new Jimp({ width: decoded.bitmap.width, height: decoded.bitmap.height, color: 0xffffffff });
    flat.composite(decoded, 0, 0);
    const jpeg = await flat.getBuffer('image/jpeg', { quality: 80 });
    const bytes = new Uint8Array(jpeg);
    parentPort.postMessage({ id, jpeg: bytes, sourceWidth, sourceHeight }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

interface Pending {
  resolve(thumbnail: Thumbnail): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface WorkerAnswer {
  readonly id: number;
  readonly jpeg?: Uint8Array;
  readonly sourceWidth?: number;
  readonly sourceHeight?: number;
  readonly error?: string;
}

/**
 * One worker thread, started on first use and reused: on a two-core server one decoder beside
 * the request thread is the right number, and requests queue in the worker's message order.
 * While no thumbnail is pending the worker does not keep the process alive.
 */
export function createThumbnailMaker(): ThumbnailMaker {
  const jimpUrl = import.meta.resolve('jimp');
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function failAll(error: Error) {
    for (const [id, job] of pending) {
      clearTimeout(job.timer);
      job.reject(error);
      pending.delete(id);
    }
  }

  function stop(reason: Error) {
    const stopping = worker;
    worker = null;
    failAll(reason);
    return stopping ? stopping.terminate().then(() => undefined) : Promise.resolve();
  }

  function start(): Worker {
    const started = new Worker(WORKER_SOURCE, { eval: true, workerData: { jimpUrl } });
    started.on('message', (answer: WorkerAnswer) => {
      const job = pending.get(answer.id);
      if (!job) return;
      pending.delete(answer.id);
      clearTimeout(job.timer);
      if (pending.size === 0) started.unref();
      if (answer.jpeg && answer.sourceWidth !== undefined && answer.sourceHeight !== undefined) {
        job.resolve({
          jpeg: Buffer.from(answer.jpeg.buffer, answer.jpeg.byteOffset, answer.jpeg.byteLength),
          sourceWidth: answer.sourceWidth,
          sourceHeight: answer.sourceHeight,
        });
      } else {
        job.reject(new Error(`Could not make a thumbnail: ${answer.error ?? 'no image'}`));
      }
    });
    started.on('error', (error) => {
      if (worker === started) void stop(error);
    });
    started.on('exit', () => {
      if (worker === started) void stop(new Error('The thumbnail worker stopped'));
    });
    return started;
  }

  return {
    makeThumbnail(image) {
      worker ??= start();
      const current = worker;
      current.ref();
      const id = nextId++;
      // A copy the worker can own: the caller keeps its buffer.
      const copy = new Uint8Array(image);
      return new Promise<Thumbnail>((resolve, reject) => {
        const timer = setTimeout(() => {
          void stop(new Error('Making a thumbnail took too long'));
        }, THUMBNAIL_TIMEOUT_MILLIS);
        pending.set(id, { resolve, reject, timer });
        current.postMessage({ id, image: copy, maxSide: THUMBNAIL_MAX_SIDE }, [copy.buffer]);
      });
    },
    close: () => stop(new Error('The thumbnail maker was closed')),
  };
}
