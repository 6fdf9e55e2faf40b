import type { SourcePosition } from '../../../src/core/model.ts';

/** The prop that marks a printed element with the line it came from (read back to name an overflow). */
export const SOURCE_PROP = 'data-source';

/** Props that tag an element with its source position; react-pdf keeps unknown props in its layout. */
export function sourceTag(position: SourcePosition): object {
  return { [SOURCE_PROP]: `${position.line}:${position.column}` };
}
