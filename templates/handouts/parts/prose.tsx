/** @jsxRuntime automatic @jsxImportSource react */
import { Link, Text } from '@react-pdf/renderer';
import { Children, cloneElement, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from 'react';

/** Above this penalty react-pdf never breaks a line there (its "infinity"). */
const NEVER = 10000;

type Direction = 'ltr' | 'rtl';
type StyleProp = ComponentProps<typeof Text>['style'];

/** The `direction` a style (object or nested array of them) ends with, if it sets one. */
function styleDirection(style: unknown): Direction | undefined {
  if (Array.isArray(style)) return style.reduce<Direction | undefined>((found, item) => styleDirection(item) ?? found, undefined);
  const value = (style as { direction?: unknown } | null | undefined)?.direction;
  return value === 'rtl' || value === 'ltr' ? value : undefined;
}

/**
 * Gives every run inside a paragraph (bold, italic, links, nested prose) the paragraph's
 * direction, unless the run sets its own.
 * Note: react-pdf does not inherit `direction` into nested `<Text>`, and textkit takes the
 * paragraph's bidi level from the first run: an Arabic item that starts with a bold lead-in was
 * laid out as a left-to-right paragraph, so its closing full stop showed at its start.
 */
function withDirection(children: ReactNode, direction: Direction): ReactNode {
  return Children.map(children, (child) => {
    if (!isValidElement(child) || (child.type !== Text && child.type !== Link && child.type !== Prose)) return child;
    const element = child as ReactElement<{ style?: StyleProp; children?: ReactNode }>;
    const own = styleDirection(element.props.style);
    const style = (own ? element.props.style : [{ direction }, ...[element.props.style ?? []].flat()]) as StyleProp;
    return cloneElement(element, { style, children: withDirection(element.props.children, own ?? direction) });
  });
}

/**
 * A paragraph of text that breaks lines only at spaces, laid out in its style's direction
 * throughout (see `withDirection`).
 * Note: react-pdf treats the join between two differently styled runs ("**911**" and ".") as a
 * hyphenation point and may break there with an added hyphen; a penalty of 10000 forbids it.
 */
export function Prose(props: ComponentProps<typeof Text>) {
  const own = (props as { children?: ReactNode }).children;
  if (own === undefined) return <Text hyphenationPenalty={NEVER} {...props} />;
  return <Text hyphenationPenalty={NEVER} {...props}>{withDirection(own, styleDirection(props.style) ?? 'ltr')}</Text>;
}
