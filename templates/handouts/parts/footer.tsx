/** @jsxRuntime automatic @jsxImportSource react */
import { View } from '@react-pdf/renderer';
import { footerHotlines, hotlineContacts, keepLtr } from '../../../src/pdf/print-text.ts';
import { QrCodeMark } from './qr-code.tsx';
import { ink, margins } from './styles.ts';
import type { PrintContext } from './print-context.ts';
import { Prose } from './prose.tsx';

/** The prop that marks the footer, so its height can be measured from react-pdf's layout. */
export const FOOTER_PROP = 'data-footer';

const QR_SIZE = 58;

/** An address split after each `/`, so it wraps between parts instead of being hyphenated. */
function AddressParts({ address, ctx }: { address: string; ctx: PrintContext }) {
  const parts = address.match(/[^/]+\/?|\//g) ?? [address];
  return (
    <View style={{ flexDirection: 'row', flexWrap: 'wrap', justifyContent: ctx.chromeDir === 'rtl' ? 'flex-end' : 'flex-start' }}>
      {parts.map((part, index) => (
        // An address reads left to right in every language.
        <Prose key={index} style={[ctx.styles.chromeBold, { direction: 'ltr', textAlign: 'left' }]}>{part}</Prose>
      ))}
    </View>
  );
}

/**
 * The footer of every sheet: the primary hotlines, a QR code to the page online with its
 * address, the toolkit's title, version and date, "Page x of y", and a draft notice.
 * `measure` lays it out in the flow (to learn its height) instead of pinning it to the sheet.
 */
export function Footer({ ctx, measure = false }: { ctx: PrintContext; measure?: boolean }) {
  const s = ctx.styles;
  const ui = ctx.locale.ui;
  const rtl = ctx.chromeDir === 'rtl';
  const pin = measure ? {} : { position: 'absolute' as const, left: margins.side, right: margins.side, bottom: margins.edge };
  return (
    <View fixed {...{ [FOOTER_PROP]: true }} style={{ ...pin, ...ctx.chromeFont, borderTopWidth: 1, borderColor: ink.rule, paddingTop: 5 }}>
      <View style={s.chromeRow}>
        <View style={{ flex: 1 }}>
          <Prose style={s.chromeBold}>{ctx.t('getHelp')}</Prose>
          {footerHotlines(ctx.locale).map((hotline) => (
            <Prose key={hotline.id} style={s.chrome}>
              {hotline.label}:{' '}
              <Prose style={{ fontWeight: 700 }}>{[...hotlineContacts(hotline, 'phone', ui, true, rtl), ...hotlineContacts(hotline, 'sms', ui, false, rtl)].join('  ·  ')}</Prose>
            </Prose>
          ))}
        </View>
        <View style={[s.chromeRow, { width: 150, [ctx.chromeDir === 'rtl' ? 'marginRight' : 'marginLeft']: 10 }]}>
          <View style={{ flex: 1, justifyContent: 'center', [ctx.chromeDir === 'rtl' ? 'paddingLeft' : 'paddingRight']: 4 }}>
            <Prose style={s.chrome}>{ctx.t('scanToOpen')}</Prose>
            <AddressParts address={ctx.shortUrl} ctx={ctx} />
          </View>
          <QrCodeMark qr={ctx.qr} size={QR_SIZE} />
        </View>
      </View>
      <View style={[s.chromeRow, { justifyContent: 'space-between', marginTop: 4, paddingTop: 3, borderTopWidth: 0.5, borderColor: ink.rule }]}>
        <Prose style={s.chrome}>{ctx.t('handoutFooter', { title: ctx.locale.title, version: keepLtr(ctx.toolkit.version, rtl), date: keepLtr(ctx.toolkit.date, rtl) })}</Prose>
        <Prose style={s.chromeBold} render={({ pageNumber, totalPages }) => ctx.t('pageXofY', { page: pageNumber, pages: totalPages })} />
      </View>
      {ctx.draft ? <Prose style={s.chromeBold}>{ctx.t('draftFooter')}</Prose> : null}
    </View>
  );
}
