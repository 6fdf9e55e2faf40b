/** @jsxRuntime automatic @jsxImportSource react */
import { Image, View } from '@react-pdf/renderer';
import { margins, ink } from './styles.ts';
import type { PrintContext } from './print-context.ts';
import { Prose } from './prose.tsx';
import { tag, textLang } from './tag.ts';

/** Height of the logo in the header, in points (0.4 in). */
export const LOGO_HEIGHT = 28.8;

/**
 * The first sheet's heading: the handout title, with the organisation's logo and name at the far
 * end, over a heavy rule in the organisation's colour.
 */
export function Header({ ctx }: { ctx: PrintContext }) {
  const farEnd = ctx.chromeDir === 'rtl' ? 'left' : 'right';
  return (
    <View style={[ctx.styles.chromeRow, { ...ctx.chromeFont, alignItems: 'flex-end', marginBottom: ctx.fontSize, paddingBottom: 5 + ctx.titleOverhang, borderBottomWidth: 2, borderColor: ctx.ruleColour }]}>
      <Prose {...tag('H1', { placement: 'document', ...textLang(ctx) })} style={[ctx.styles.title, { flex: 1 }]}>{ctx.title}</Prose>
      <View style={{ maxWidth: '40%', alignItems: farEnd === 'right' ? 'flex-end' : 'flex-start' }}>
        {ctx.logo && <Logo logo={ctx.logo} />}
        <Prose {...tag('P', { placement: 'document' })} style={[ctx.styles.organisation, { textAlign: farEnd, paddingBottom: 2 }]}>{ctx.toolkit.organisation.name}</Prose>
      </View>
    </View>
  );
}

/** The organisation's logo, `LOGO_HEIGHT` tall (narrower when it is very wide), a figure with its alt text. */
export function Logo({ logo }: { logo: NonNullable<PrintContext['logo']> }) {
  const { png, width, height } = logo.image;
  const w = Math.min(LOGO_HEIGHT * (width / height), 144);
  return <Image {...tag('Figure', { alt: logo.alt, placement: 'document' })} src={{ data: Buffer.from(png.buffer, png.byteOffset, png.byteLength), format: 'png' }} style={{ width: w, height: w * (height / width), marginBottom: 4 }} />;
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
