/** @jsxRuntime automatic @jsxImportSource react */
import { Path, Svg } from '@react-pdf/renderer';
import type { QrCode } from '../../../src/pdf/qr-code.ts';
import { ink } from './styles.ts';

/** Draws a QR code as vector squares, `size` points wide, so it stays sharp on any printer. */
export function QrCodeMark({ qr, size }: { qr: QrCode; size: number }) {
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${qr.size} ${qr.size}`} style={{ flexShrink: 0 }}>
      <Path d={qr.path} fill={ink.text} />
    </Svg>
  );
}
