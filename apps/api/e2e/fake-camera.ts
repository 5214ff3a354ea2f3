import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
/** Video range luma: what a camera records for black and white paper. */
const BLACK = 16;
const WHITE = 235;

/**
 * Writes a Y4M (YUV4MPEG2, 4:2:0) video whose every frame shows `payload` as a QR code, for
 * Chromium's `--use-file-for-fake-video-capture`: the page's camera then films the code, the way
 * a phone held in front of a point's sticker would. Chromium plays the file in a loop.
 */
export function writeQrCodeVideo(path: string, payload: string, frames = 3): void {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quietZone = 4;
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (size + 2 * quietZone));
  const left = Math.floor((WIDTH - size * scale) / 2);
  const top = Math.floor((HEIGHT - size * scale) / 2);

  const luma = Buffer.alloc(WIDTH * HEIGHT, WHITE);
  for (let row = 0; row < size; row++)
    for (let column = 0; column < size; column++) {
      if (!qr.modules.get(row, column)) continue;
      for (let y = 0; y < scale; y++)
        luma.fill(
          BLACK,
          (top + row * scale + y) * WIDTH + left + column * scale,
          (top + row * scale + y) * WIDTH + left + (column + 1) * scale,
        );
    }
  // No colour: both chroma planes at their neutral value.
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}

/** A small PNG photo (a colour gradient), as a phone camera would hand the page a JPEG. */
export function writeTestPhoto(path: string, seed = 0): void {
  const png = new PNG({ width: 96, height: 64 });
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const index = (y * png.width + x) * 4;
      png.data[index] = (x * 2 + seed * 40) % 256;
      png.data[index + 1] = (y * 3 + seed * 90) % 256;
      png.data[index + 2] = 160;
      png.data[index + 3] = 255;
    }
  writeFileSync(path, PNG.sync.write(png));
}
