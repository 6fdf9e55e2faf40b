/** @jsxRuntime automatic @jsxImportSource react */
import { Document, Link, Page, View } from '@react-pdf/renderer';
import type { Style } from '@react-pdf/types';
import { footerHotlines, footerLabel, hotlineContacts, keepLtr } from '../../src/pdf/print-text.ts';
import { renderBlocks } from '../handouts/parts/blocks.tsx';
import { CHROME_SIZE, ink, margins } from '../handouts/parts/styles.ts';
import type { PrintContext } from '../handouts/parts/print-context.ts';
import { Prose } from '../handouts/parts/prose.tsx';
import { Logo } from '../handouts/parts/header.tsx';
import { tag, tagGroup, tagProps, textLang, uiLang } from '../handouts/parts/tag.ts';

/** The named destination where the guide's section `index` starts (the table of contents links to it). */
export function guideDestination(index: number): string {
  return `kp-page-${index}`;
}

/** Sheet numbers where each section starts, filled in while the guide is laid out (see `FacilitatorGuide`). */
export type SectionStarts = (number | undefined)[];

/** What the guide prints: one print context per page of the toolkit, in menu order, and the guide's own words. */
export interface GuideInput {
  /** The cover's context: the locale's words and fonts, the sheet size. */
  ctx: PrintContext;
  /** One context per page of the toolkit (a page shown untranslated prints in its own language). */
  pages: PrintContext[];
  title: string;
  /** The notices each page carries, as on the site: shown in the source language, draft translation. */
  notices: string[][];
  /** Written by the layout: the sheet on which each section starts. */
  starts: SectionStarts;
}

/** Width kept for a sheet number in the table of contents, so filling it in never rewraps a line. */
const NUMBER_WIDTH = 36;

/** Width kept for "Page 12 of 34" in the footer (the longest wording of the shipped languages fits). */
const PAGE_NUMBER_WIDTH = 100;

/**
 * The facilitator guide: a cover with the primary hotlines, a table of contents with sheet
 * numbers that link to each page, then every page of the toolkit in menu order, each on sheets
 * of its own under a running header (guide and page title), above a footer with the primary
 * hotlines and "Page x of y".
 * Note: laid out once. Each section is its own <Page>, so react-pdf paginates it alone (long
 * documents in one <Page> cost the square of their length). A zero-size marker at the start of
 * each section records its sheet number when react-pdf splits that section into sheets; the
 * numbers of the table of contents are `render` text, which react-pdf resolves again once every
 * sheet exists, so they read the recorded numbers. The numbers sit in boxes of fixed width.
 */
export function FacilitatorGuide({ ctx, pages, title, notices, starts }: GuideInput) {
  const s = ctx.styles;
  const rtl = ctx.chromeDir === 'rtl';
  const date = new Date(`${ctx.toolkit.date}T00:00:00Z`);
  const align: Style = { textAlign: rtl ? 'right' : 'left' };
  const lines = ctx.locale.hotlines.filter((line) => line.primary);
  const sheet: Style = { paddingTop: margins.top, paddingBottom: ctx.footerSpace, paddingHorizontal: margins.side, ...ctx.chromeFont, color: ink.text };
  const chrome = (section: string) => (
    <>
      {section ? <RunningHeader ctx={ctx} text={`${title} · ${section}`} /> : null}
      <GuideFooter ctx={ctx} />
    </>
  );
  return (
    <Document title={title} author={ctx.toolkit.organisation.name} subject={ctx.locale.description} language={ctx.locale.lang} creator="Kitpress" producer="Kitpress" creationDate={date} modificationDate={date}>
      <Page size={ctx.sheet} style={sheet}>
        {chrome('')}
        <View {...tag('Sect')}>
          {ctx.logo && (
            <View style={{ alignItems: rtl ? 'flex-end' : 'flex-start', marginTop: 24 }}>
              <Logo logo={ctx.logo} />
            </View>
          )}
          <Prose {...tag('H1')} style={[s.title, { fontSize: ctx.fontSize * 2.6, lineHeight: `${+(ctx.fontSize * 2.6 * 1.15).toFixed(2)}pt`, marginTop: ctx.logo ? 24 : 72 }]}>{title}</Prose>
          <Prose {...tag('P')} style={[s.body, align, { marginTop: 18 }]}>{ctx.locale.description}</Prose>
          <Prose {...tag('P')} style={[s.organisation, { marginTop: 18 }]}>{ctx.toolkit.organisation.name}</Prose>
          <Prose {...tag('P')} style={[s.small, align, { marginTop: 4 }]}>{ctx.t('handoutFooter', { title: ctx.locale.title, version: keepLtr(ctx.toolkit.version, rtl), date: keepLtr(ctx.toolkit.date, rtl) })}</Prose>
          {lines.length > 0 && (
            <View {...tag('Div')} style={{ marginTop: 36, padding: 12, borderWidth: 2, borderColor: ink.rule }}>
              <Prose {...tag('H2')} style={[s.heading[2], align]}>{ctx.t('getHelp')}</Prose>
              <View {...tag('L', { numbering: 'None' })}>
                {lines.map((line) => {
                  // Each hotline as the handouts print it: its name, what it is for, how to reach it, its hours.
                  const item = tagGroup('LI');
                  const body = { parent: tagGroup('LBody', { parent: item }) };
                  return (
                    <View key={line.id} wrap={false} {...tagProps(item)} style={{ marginTop: 8 }}>
                      <Prose {...tag('Lbl')} style={[s.body, { fontWeight: 700 }]}>{line.label}</Prose>
                      {line.description ? <Prose {...tag('P', body)} style={s.body}>{line.description}</Prose> : null}
                      <Prose {...tag('P', body)} style={[s.body, { fontWeight: 700 }]}>{hotlineContacts(line, 'all', ctx.locale.ui, true, rtl).join('  ·  ')}</Prose>
                      {line.hours ? <Prose {...tag('P', body)} style={s.small}>{line.hours}</Prose> : null}
                    </View>
                  );
                })}
              </View>
            </View>
          )}
        </View>
      </Page>

      <Page size={ctx.sheet} style={sheet}>
        {chrome(ctx.t('guideContents'))}
        <View {...tag('Sect')}>
          <Prose {...tag('H2')} style={[s.heading[2], align, { marginBottom: 12 }]}>{ctx.t('guideContents')}</Prose>
          <View {...tag('L', { numbering: 'None' })}>
            {pages.map((page, index) => (
              <View key={index} {...tag('LI')} wrap={false} style={{ marginTop: 6 }}>
                <Link {...tag('Link')} src={`#${guideDestination(index)}`} style={[s.chromeRow, { color: ink.text, textDecoration: 'none', alignItems: 'flex-end' }]}>
                  <View {...tag('LBody', textLang(page))} style={{ flex: 1 }}>
                    <Prose style={[page.styles.body, { textAlign: page.dir === 'rtl' ? 'right' : 'left' }]}>{page.page.title}</Prose>
                  </View>
                  {/* No line height here: react-pdf lays `render` text out again later (see styles.ts). */}
                  <Prose
                    style={{ width: NUMBER_WIDTH, fontSize: ctx.fontSize, textAlign: rtl ? 'left' : 'right', fontWeight: 700 }}
                    render={() => (starts[index] === undefined ? '' : keepLtr(String(starts[index]), rtl))}
                  />
                </Link>
              </View>
            ))}
          </View>
        </View>
      </Page>

      {pages.map((page, index) => (
        <Page key={index} size={ctx.sheet} style={sheet}>
          {chrome(page.page.title)}
          <View
            render={({ pageNumber }) => {
              starts[index] = pageNumber;
              return null;
            }}
          />
          <View {...tag('Sect', textLang(page))} style={{ ...page.bodyFont }}>
            {/* The destination is on the title: react-pdf would name one on each sheet a split section reaches, and the last would win. */}
            <Prose id={guideDestination(index)} {...tag('H1')} style={[page.styles.title, { direction: page.dir, textAlign: page.dir === 'rtl' ? 'right' : 'left', marginBottom: page.fontSize, paddingBottom: 5 + page.titleOverhang, borderBottomWidth: 2, borderColor: ink.rule }]}>{page.page.title}</Prose>
            {notices[index]!.map((notice, n) => (
              <Prose key={n} {...tag('P', uiLang(page))} style={[s.small, { ...ctx.chromeFont }, { marginBottom: page.fontSize, padding: 6, borderWidth: 1, borderColor: ink.rule }]}>{notice}</Prose>
            ))}
            {renderBlocks(page.page.blocks, page)}
          </View>
        </Page>
      ))}
    </Document>
  );
}

/** The guide's title and the section's at the top of every sheet of a section. */
function RunningHeader({ ctx, text }: { ctx: PrintContext; text: string }) {
  const rtl = ctx.chromeDir === 'rtl';
  return (
    <Prose fixed {...tag('Artifact')} style={{ position: 'absolute', top: margins.edge, left: margins.side, right: margins.side, ...ctx.chromeFont, fontSize: CHROME_SIZE, textAlign: rtl ? 'right' : 'left', ...(rtl ? { direction: 'rtl' as const } : {}) }}>
      {text}
    </Prose>
  );
}

/** The prop that marks the guide's footer, so its height can be measured from react-pdf's layout. */
export const GUIDE_FOOTER_PROP = 'data-guide-footer';

/** A one-sheet document holding only the guide's footer, laid out in the flow to measure its height. */
export function GuideFooterMeasure({ ctx }: { ctx: PrintContext }) {
  return (
    <Document>
      <Page size={ctx.sheet} style={{ paddingHorizontal: margins.side, ...ctx.chromeFont }}>
        <GuideFooter ctx={ctx} measure />
      </Page>
    </Document>
  );
}

/** The primary hotlines and "Page x of y" at the foot of every sheet (running chrome: the cover lists the hotlines in full). */
function GuideFooter({ ctx, measure = false }: { ctx: PrintContext; measure?: boolean }) {
  const rtl = ctx.chromeDir === 'rtl';
  const s = ctx.styles;
  const pin: Style = measure ? {} : { position: 'absolute', bottom: margins.edge, left: margins.side, right: margins.side };
  return (
    <View fixed {...{ [GUIDE_FOOTER_PROP]: true }} {...tag('Artifact')} style={[s.chromeRow, { ...pin, borderTopWidth: 1, borderColor: ink.rule, paddingTop: 4, alignItems: 'flex-start' }]}>
      {/* One piece of text per hotline, side by side where they fit, as in the handout footer. */}
      <View style={[s.chromeRow, { flex: 1, flexWrap: 'wrap' }]}>
        <Prose style={[s.chromeBold, { [rtl ? 'marginLeft' : 'marginRight']: 10 }]}>{ctx.t('getHelp')}</Prose>
        {footerHotlines(ctx.locale).map((line) => (
          <Prose key={line.id} style={[s.chrome, { [rtl ? 'marginLeft' : 'marginRight']: 10 }]}>
            {`${footerLabel(line.label)}: ${hotlineContacts(line, 'all', ctx.locale.ui, false, rtl).join(' · ')}`}
          </Prose>
        ))}
      </View>
      {/* A box of fixed width: `render` text is empty when the row is first laid out, so it cannot size its own room. */}
      <View style={{ width: PAGE_NUMBER_WIDTH, [rtl ? 'marginRight' : 'marginLeft']: 12 }}>
        <Prose style={[s.chromeBold, { textAlign: rtl ? 'left' : 'right' }]} render={({ pageNumber, totalPages }) => ctx.t('pageXofY', { page: keepLtr(String(pageNumber), rtl), pages: keepLtr(String(totalPages), rtl) })} />
      </View>
    </View>
  );
}
