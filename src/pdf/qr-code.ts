import QRCode from 'qrcode';

/** A QR code as SVG path data: one unit per module, drawn inside a `size` x `size` square. */
export interface QrCode {
  /** Modules per side, quiet zone included. */
  size: number;
  /** Path data of the dark modules, in module units. */
  path: string;
}

/** Modules of white kept around the code so phones can find it. */
const QUIET_ZONE = 3;

const codes = new Map<string, QrCode>();

/**
 * Encodes text (an address) as a QR code; dark runs of each row become one rectangle.
 * Remembered per text: a handout's print context is made for its footer and for each body size.
 */
export function qrCode(text: string): QrCode {
  let code = codes.get(text);
  if (!code) codes.set(text, (code = encode(text)));
  return code;
}

function encode(text: string): QrCode {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}
