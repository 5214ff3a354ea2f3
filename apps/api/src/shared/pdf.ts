import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);
// pdfmake's own Roboto, read from its package: it covers Latin, Cyrillic and Greek.
const ROBOTO_DIRECTORY = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
const FONTS = {
  Roboto: {
    normal: path.join(ROBOTO_DIRECTORY, 'Roboto-Regular.ttf'),
    bold: path.join(ROBOTO_DIRECTORY, 'Roboto-Medium.ttf'),
    italics: path.join(ROBOTO_DIRECTORY, 'Roboto-Italic.ttf'),
    bolditalics: path.join(ROBOTO_DIRECTORY, 'Roboto-MediumItalic.ttf'),
  },
};

/**
 * pdfmake's server API is one shared object. Our documents name no URLs or files, so the
 * policies refuse every download and every file but the fonts; set before each document (the
 * calls are cheap and idempotent) so no import order can leave them unset.
 */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === ROBOTO_DIRECTORY);
  return pdfmake.createPdf(definition).getBuffer();
}
