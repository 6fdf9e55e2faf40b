/** @jsxRuntime automatic @jsxImportSource react */
import { Link, View } from '@react-pdf/renderer';
import { footerHotlines, footerLabel, hotlineContacts, keepLtr } from '../../../src/pdf/print-text.ts';
import { QrCodeMark } from './qr-code.tsx';
import { ink, margins } from './styles.ts';
import type { PrintContext } from './print-context.ts';
import { Prose } from './prose.tsx';
import { tag, tagGroup } from './tag.ts';

/** The prop that marks the footer, so its height can be measured from react-pdf's layout. */
export const FOOTER_PROP = 'data-footer';

/** The QR code's side: 0.8 inch (58 pt), the smallest that phones scan reliably from paper. */
const QR_SIZE = 58;

/**
 * "Scan to open this handout online:" and the address, a link to the page online. The address
 * is split after each `/`, so it wraps between parts instead of being hyphenated.
 */
function ScanLine({ ctx }: { ctx: PrintContext }) {
  const parts = ctx.shortUrl.match(/[^/]+\/?|\//g) ?? [ctx.shortUrl];
  const s = ctx.styles;
  return (
    <View {...tag('P')} style={[s.chromeRow, { flexWrap: 'wrap' }]}>
      <Prose style={s.chrome}>{ctx.t('scanToOpen')}{ctx.t('labelSeparator').replace(/ $/, '\u00a0')}</Prose>
      <Link src={ctx.url} style={{ flexDirection: 'row', flexWrap: 'wrap', color: ink.text, textDecoration: 'none' }}>
        {parts.map((part, index) => (
          // An address reads left to right in every language.
          <Prose key={index} style={[s.chromeBold, { direction: 'ltr', textAlign: 'left', color: ink.text, textDecoration: 'none' }]}>{part}</Prose>
        ))}
      </Link>
    </View>
  );
}

/**
 * The footer of every sheet, five lines beside a QR code to the page online: "Get help now"
 * with the address the code opens, the primary hotlines one a line, then the toolkit's title,
 * version and date with "Page x of y"; a draft notice under all. It is pinned to the bottom of
 * every sheet (fixed, absolutely positioned), so it takes no room in the flow: the body keeps
 * room for it (`footerSpace`, measured from `FooterMeasure`).
 */
export function Footer({ ctx }: { ctx: PrintContext }) {
  const s = ctx.styles;
  const ui = ctx.locale.ui;
  const rtl = ctx.chromeDir === 'rtl';
  // Read as: the help section (heading, hotlines), the address, the version line, the draft notice.
  const help = tagGroup('Div');
  const hotlines = tagGroup('L', { parent: help, numbering: 'None' });
  return (
    // Read after the body; on later sheets the repeated footer is running chrome (an artifact).
    <View fixed {...{ [FOOTER_PROP]: true }} {...tag('Sect', { placement: 'end' })} style={{ position: 'absolute', left: margins.side, right: margins.side, bottom: margins.edge, ...ctx.chromeFont, borderTopWidth: 1, borderColor: ink.rule, paddingTop: 4 }}>
      <View style={s.chromeRow}>
        <View style={{ flex: 1 }}>
          <View style={[s.chromeRow, { flexWrap: 'wrap', justifyContent: 'space-between' }]}>
            <Prose {...tag('H2', { parent: help })} style={[s.chromeBold, { [rtl ? 'marginLeft' : 'marginRight']: 12 }]}>{ctx.t('getHelp')}</Prose>
            <ScanLine ctx={ctx} />
          </View>
          {/* Hotlines side by side where they fit, so the web addresses take no extra lines. */}
          <View style={[s.chromeRow, { flexWrap: 'wrap' }]}>
            {footerHotlines(ctx.locale).map((hotline) => (
              <Prose key={hotline.id} {...tag('LBody', { parent: tagGroup('LI', { parent: hotlines }) })} style={[s.chrome, { [rtl ? 'marginLeft' : 'marginRight']: 10 }]}>
                {footerLabel(hotline.label)}{ctx.t('labelSeparator')}
                <Prose style={{ fontWeight: 700 }}>{hotlineContacts(hotline, 'all', ui, false, rtl).join(' · ')}</Prose>
              </Prose>
            ))}
          </View>
          <View style={[s.chromeRow, { justifyContent: 'space-between' }]}>
            <Prose {...tag('P')} style={s.chrome}>{ctx.t('handoutFooter', { title: ctx.locale.title, version: keepLtr(ctx.toolkit.version, rtl), date: keepLtr(ctx.toolkit.date, rtl) })}</Prose>
            <Prose {...tag('Artifact')} style={s.chromeBold} render={({ pageNumber, totalPages }) => ctx.t('pageXofY', { page: pageNumber, pages: totalPages })} />
          </View>
        </View>
        <View style={{ [rtl ? 'marginRight' : 'marginLeft']: 10 }}>
          <QrCodeMark qr={ctx.qr} size={QR_SIZE} alt={ctx.t('qrCodeAlt', { url: ctx.url })} />
        </View>
      </View>
      {ctx.draft ? <Prose {...tag('P')} style={s.chromeBold}>{ctx.t('draftFooter')}</Prose> : null}
    </View>
  );
}
