import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import {
  fill,
  type PDFContentStream,
  type PDFContext,
  type PDFDocument,
  PDFImage,
  PDFName,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
  PDFString,
  PngEmbedder,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
} from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * What every PDF of Landsby's is drawn with besides text (text-setter.ts): A4 in millimetres,
 * images embedded once per document (and a PNG compressed once per process), QR codes as vector
 * rectangles, clickable links, finished pages compressed early, and the document's information.
 */

/** Points per millimetre: the layouts are written in millimetres from the page's top left corner. */
export const MM = 72 / 25.4;
export const A4 = { width: 210, height: 297 } as const;

export type Align = 'left' | 'right' | 'center';

// --- Images --------------------------------------------------------------------------------------------

const isPng = (b: Uint8Array) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/** A PNG decoded and compressed once, to be put into any number of documents. */
interface PreparedPng {
  embedder(): PngEmbedder;
}
const preparedPngs = new Map<string, Promise<PreparedPng>>();

/**
 * pdf-lib decodes a PNG and deflates its pixels again for every document it goes into (~15 ms
 * for a 600 × 400 photo); a print run puts the same image in thousands of per-household PDFs.
 * So the compressed image streams are made once and copied into each document.
 */
function preparePng(key: string, bytes: Uint8Array): Promise<PreparedPng> {
  let prepared = preparedPngs.get(key);
  if (!prepared) {
    prepared = PngEmbedder.for(bytes).then((png) => {
      const { image } = png as unknown as {
        image: { rgbChannel: Uint8Array; alphaChannel?: Uint8Array; bitsPerComponent: number };
      };
      const rgb = deflateSync(image.rgbChannel);
      const alpha = image.alphaChannel ? deflateSync(image.alphaChannel) : undefined;
      const base = {
        Type: 'XObject',
        Subtype: 'Image',
        Width: png.width,
        Height: png.height,
        Filter: 'FlateDecode',
      };
      const embedIntoContext = async (context: PDFContext, ref?: PDFRef) => {
        const sMask = alpha
          ? context.register(
              context.stream(alpha, {
                ...base,
                BitsPerComponent: image.bitsPerComponent,
                ColorSpace: 'DeviceGray',
                Decode: [0, 1],
              }),
            )
          : undefined;
        const xObject = context.stream(rgb, {
          ...base,
          BitsPerComponent: image.bitsPerComponent,
          ColorSpace: 'DeviceRGB',
          ...(sMask ? { SMask: sMask } : {}),
        });
        if (ref) {
          context.assign(ref, xObject);
          return ref;
        }
        return context.register(xObject);
      };
      // PDFImage takes only pdf-lib's own embedders: one made from the decoded PNG, whose
      // embedding copies the streams compressed above instead of compressing again.
      return {
        embedder: () => Object.assign(Object.create(png) as PngEmbedder, { embedIntoContext }),
      };
    });
    if (preparedPngs.size >= 16) preparedPngs.clear();
    preparedPngs.set(key, prepared);
    prepared.catch(() => preparedPngs.delete(key));
  }
  return prepared;
}

/**
 * The images of one document, each embedded once however many times it is drawn (a print run's
 * event image, the municipality's logo). undefined for bytes that are neither PNG nor JPEG.
 */
export class DocumentImages {
  private readonly images = new Map<string, PDFImage>();

  constructor(private readonly doc: PDFDocument) {}

  async embed(bytes: Uint8Array): Promise<PDFImage | undefined> {
    const key = createHash('sha1').update(bytes).digest('hex');
    let image = this.images.get(key);
    if (!image) {
      if (isJpeg(bytes)) {
        image = await this.doc.embedJpg(bytes); // kept as it is (DCTDecode): nothing to cache
      } else if (isPng(bytes)) {
        const prepared = await preparePng(key, bytes);
        image = PDFImage.of(this.doc.context.nextRef(), this.doc, prepared.embedder());
        await image.embed();
      } else {
        return undefined;
      }
      this.images.set(key, image);
    }
    return image;
  }
}

// --- Pages ---------------------------------------------------------------------------------------------

/**
 * Compresses a finished page's drawing now. pdf-lib keeps every drawing operator as an object
 * until the document is saved: ~240 kB a page, 2.4 GB for a print run of 10,000. Swapping the
 * page's content stream for its compressed bytes lets them go (a later drawing on the page
 * would start a new content stream, as pdf-lib does anyway).
 */
export function sealPage(doc: PDFDocument, page: PDFPage): void {
  const internal = page as unknown as { contentStream?: PDFContentStream; contentStreamRef?: PDFRef };
  const { contentStream, contentStreamRef } = internal;
  if (!contentStream || !contentStreamRef) return;
  // Compressed with Node's zlib (FlateDecode is the zlib format), copied out of zlib's 16 kB
  // output chunk so only its own few kB stay in memory.
  const dict = contentStream.dict.clone();
  dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  const compressed = Uint8Array.prototype.slice.call(deflateSync(contentStream.getUnencodedContents()));
  doc.context.assign(contentStreamRef, PDFRawStream.of(dict, compressed));
  internal.contentStream = undefined;
  internal.contentStreamRef = undefined;
}

/**
 * The QR code as vector rectangles (sharp at any print resolution), error correction M. One
 * rectangle per horizontal run of dark modules, all filled at once.
 */
export function drawQrCode(page: PDFPage, text: string, left: number, top: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const module = (size * MM) / n;
  const x0 = left * MM;
  const yTop = (A4.height - top) * MM;
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const from = col;
      while (col < n && qr.modules.get(row, col)) col++;
      ops.push(rectangle(x0 + from * module, yTop - (row + 1) * module, (col - from) * module, module));
    }
  }
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

/** A clickable link (for the same PDF read on a screen as digital mail). */
export function linkAnnotation(
  doc: PDFDocument,
  page: PDFPage,
  url: string,
  box: { left: number; top: number; width: number; height: number },
): void {
  const annotation = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [
        box.left * MM,
        (A4.height - box.top - box.height) * MM,
        (box.left + box.width) * MM,
        (A4.height - box.top) * MM,
      ],
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
    }),
  );
  page.node.addAnnot(annotation);
}

/** The document's title, author and language, as a PDF reader and a screen reader show them. */
export function setInfo(doc: PDFDocument, title: string, author: string, language?: string): void {
  doc.setTitle(title);
  doc.setAuthor(author);
  doc.setCreator('Landsby');
  doc.setProducer('Landsby (pdf-lib)');
  if (language) doc.setLanguage(language);
}
