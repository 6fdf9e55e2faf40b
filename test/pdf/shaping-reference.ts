import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

/** A grey-scale picture cut to its ink: what is compared between a PDF and Chromium. */
export interface Ink {
  png: PNG;
  /** Pixels darker than mid-grey. */
  inked: number;
}

const isInk = (png: PNG, i: number) => png.data[i]! * 0.3 + png.data[i + 1]! * 0.59 + png.data[i + 2]! * 0.11 < 128 && png.data[i + 3]! > 128;

/** The smallest rectangle holding every inked pixel, with `pad` white pixels around it. */
export function cropToInk(png: PNG, pad = 4): Ink {
  let [top, left, bottom, right] = [png.height, png.width, -1, -1];
  let inked = 0;
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      if (!isInk(png, (y * png.width + x) * 4)) continue;
      inked += 1;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  if (bottom < 0) return { png: new PNG({ width: 1, height: 1 }), inked: 0 };
  const out = new PNG({ width: right - left + 1 + 2 * pad, height: bottom - top + 1 + 2 * pad });
  out.data.fill(255);
  for (let y = top; y <= bottom; y += 1) {
    for (let x = left; x <= right; x += 1) {
      const from = (y * png.width + x) * 4;
      const to = ((y - top + pad) * out.width + (x - left + pad)) * 4;
      const a = png.data[from + 3]! / 255;
      for (let c = 0; c < 3; c += 1) out.data[to + c] = Math.round(png.data[from + c]! * a + 255 * (1 - a));
      out.data[to + 3] = 255;
    }
  }
  return { png: out, inked };
}

/** Pastes a picture onto a white canvas of a given size, at its top-left corner. */
function onCanvas(png: PNG, width: number, height: number): PNG {
  const out = new PNG({ width, height });
  out.data.fill(255);
  PNG.bitblt(png, out, 0, 0, Math.min(png.width, width), Math.min(png.height, height), 0, 0);
  return out;
}

/** How two inked pictures differ: the share of ink pixels that differ, and the difference image. */
export function compareInk(a: Ink, b: Ink): { share: number; sizeDelta: number; diff: PNG } {
  const width = Math.max(a.png.width, b.png.width);
  const height = Math.max(a.png.height, b.png.height);
  const diff = new PNG({ width, height });
  const changed = pixelmatch(onCanvas(a.png, width, height).data, onCanvas(b.png, width, height).data, diff.data, width, height, { threshold: 0.3 });
  return {
    share: changed / Math.max(1, Math.max(a.inked, b.inked)),
    sizeDelta: Math.max(Math.abs(a.png.width - b.png.width), Math.abs(a.png.height - b.png.height)),
    diff,
  };
}
