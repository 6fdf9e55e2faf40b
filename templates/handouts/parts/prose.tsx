/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from '@react-pdf/renderer';
import type { ComponentProps } from 'react';

/** Above this penalty react-pdf never breaks a line there (its "infinity"). */
const NEVER = 10000;

/**
 * A paragraph of text that breaks lines only at spaces.
 * Note: react-pdf treats the join between two differently styled runs ("**911**" and ".") as a
 * hyphenation point and may break there with an added hyphen; a penalty of 10000 forbids it.
 */
export function Prose(props: ComponentProps<typeof Text>) {
  return <Text hyphenationPenalty={NEVER} {...props} />;
}
