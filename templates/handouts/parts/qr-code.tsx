/** @jsxRuntime automatic @jsxImportSource react */
import { Path, Svg } from '@react-pdf/renderer';
import type { QrCode } from '../../../src/pdf/qr-code.ts';
import { ink } from './styles.ts';
import { tag } from './tag.ts';

/** Draws a QR code as vector squares, `size` points wide, so it stays sharp on any printer; a figure with `alt` as its text. */
export function QrCodeMark({ qr, size, alt }: { qr: QrCode; size: number; alt: string }) {
  return (
    <Svg {...tag('Figure', { alt })} width={size} height={size} viewBox={`0 0 ${qr.size} ${qr.size}`} style={{ flexShrink: 0 }}>
      <Path d={qr.path} fill={ink.text} />
    </Svg>
  );
}
