import type { PaperSize } from '../core/model.ts';

/** Width and height of a sheet in PDF points (1/72 in). */
export interface SheetSize {
  width: number;
  height: number;
}

/** The paper sizes handouts print on: US Letter and ISO A4. */
export const paperSizes = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
} as const satisfies Record<PaperSize, SheetSize>;

/** One inch in PDF points. */
export const INCH = 72;
