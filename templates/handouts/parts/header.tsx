/** @jsxRuntime automatic @jsxImportSource react */
import { View } from '@react-pdf/renderer';
import { margins, ink } from './styles.ts';
import type { PrintContext } from './print-context.ts';
import { Prose } from './prose.tsx';
import { tag, textLang } from './tag.ts';

/** The first sheet's heading: the handout title, with the organisation's name at the far end, over a heavy rule. */
export function Header({ ctx }: { ctx: PrintContext }) {
  return (
    <View style={[ctx.styles.chromeRow, { ...ctx.chromeFont, alignItems: 'flex-end', marginBottom: ctx.fontSize, paddingBottom: 5 + ctx.titleOverhang, borderBottomWidth: 2, borderColor: ink.rule }]}>
      <Prose {...tag('H1', { placement: 'document', ...textLang(ctx) })} style={[ctx.styles.title, { flex: 1 }]}>{ctx.title}</Prose>
      <Prose {...tag('P', { placement: 'document' })} style={[ctx.styles.organisation, { maxWidth: '40%', textAlign: ctx.chromeDir === 'rtl' ? 'left' : 'right', paddingBottom: 2 }]}>{ctx.toolkit.organisation.name}</Prose>
    </View>
  );
}

/** A one-line reminder of the title at the top of every sheet after the first. */
export function RunningHeader({ ctx }: { ctx: PrintContext }) {
  const line = `${ctx.title} · ${ctx.toolkit.organisation.name}`;
  return (
    <Prose
      fixed
      {...tag('Artifact')}
      style={{
        position: 'absolute',
        top: margins.edge,
        left: margins.side,
        right: margins.side,
        ...ctx.chromeFont,
        fontSize: 9.5,
        textAlign: ctx.chromeDir === 'rtl' ? 'right' : 'left',
        ...(ctx.chromeDir === 'rtl' ? { direction: 'rtl' as const } : {}),
      }}
      render={({ pageNumber }) => (pageNumber > 1 ? line : '')}
    />
  );
}
