/** What the XMP metadata of a handout says about it. */
export interface XmpInfo {
  title: string;
  author: string;
  subject: string;
  lang: string;
  creator: string;
  producer: string;
  date: Date;
}

/** The PDF/UA-1 identification (ISO 14289-1, 5): written only into a handout that passed the checks. */
const CLAIM = '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>';

/** Room kept for the claim: an XML comment padded to the claim's length, replaced in place (XMP packets are made for that). */
const SLOT = '<!-- PDF/UA identification, when the checks pass -->'.padEnd(CLAIM.length, ' ');

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
const xmpDate = (date: Date): string => `${date.toISOString().split('.')[0]}Z`;

/**
 * The XMP descriptions of a handout, with its text escaped, and the slot for the PDF/UA claim.
 * Note: pdfkit's own writer puts the title and author into the XML unescaped; a `&` breaks it.
 */
export function xmpDescriptions(info: XmpInfo): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${xmpDate(info.date)}</xmp:CreateDate><xmp:ModifyDate>${xmpDate(info.date)}</xmp:ModifyDate><xmp:MetadataDate>${xmpDate(info.date)}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(info.title)}</dc:title>`,
    info.author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    info.subject ? `<dc:description>${alt(info.subject)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(info.lang)}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${escapeXml(info.producer)}</pdf:Producer></rdf:Description>`,
    SLOT,
  ].join('\n');
}

/** Writes the PDF/UA claim into the slot of a finished PDF, in place (same length: no offset moves). False when there is no slot. */
export function claimPdfUa(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = buffer.indexOf(SLOT, 0, 'latin1');
  if (at < 0 || buffer.indexOf(SLOT, at + 1, 'latin1') >= 0) return false;
  buffer.write(CLAIM, at, 'latin1');
  return true;
}
