import { contentOperators, readPdfObjects, streamData, type PdfObject } from './pdf-objects.ts';

/** Operators that put marks on the page: text, painted paths, shadings, images and forms. */
const MARKING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI']);

const ref = (dict: string, key: string): number | undefined => {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return match ? Number(match[1]) : undefined;
};

/** Problems with one page's content: marks outside marked content, unbalanced sequences. */
function checkContent(page: number, content: PdfObject | undefined): string[] {
  const data = content && streamData(content);
  if (!data) return [`Page ${page} has no content stream.`];
  let depth = 0;
  let loose = 0;
  for (const operator of contentOperators(data.toString('latin1'))) {
    if (operator === 'BDC' || operator === 'BMC') depth += 1;
    else if (operator === 'EMC') {
      depth -= 1;
      if (depth < 0) return [`Page ${page} closes marked content it never opened.`];
    } else if (MARKING.has(operator) && depth === 0) loose += 1;
  }
  const problems: string[] = [];
  if (loose > 0) problems.push(`Page ${page}: ${loose} drawing operator(s) are neither tagged content nor an artifact.`);
  if (depth !== 0) problems.push(`Page ${page} leaves marked content open.`);
  return problems;
}

/**
 * Checks a finished handout for what PDF/UA asks and a machine can tell: marked and tagged,
 * a language, the title shown, XMP metadata, every mark on every page either tagged content or
 * an artifact, tab order by structure, link annotations in the structure with a description,
 * and alternate text on every figure. Returns the problems found; none means it may claim PDF/UA.
 */
export function verifyTaggedPdf(bytes: Uint8Array): string[] {
  const objects = readPdfObjects(bytes);
  const all = [...objects.values()];
  const catalog = all.find((o) => /\/Type \/Catalog\b/.test(o.dict));
  if (!catalog) return ['The PDF has no catalog.'];
  const problems: string[] = [];
  const markInfo = objects.get(ref(catalog.dict, 'MarkInfo') ?? -1);
  if (!markInfo || !/\/Marked true/.test(markInfo.dict)) problems.push('The PDF is not marked as tagged (/MarkInfo /Marked true).');
  if (ref(catalog.dict, 'StructTreeRoot') === undefined) problems.push('The PDF has no structure tree.');
  if (!/\/Lang \(.+?\)/.test(catalog.dict)) problems.push('The PDF has no document language.');
  if (ref(catalog.dict, 'Metadata') === undefined) problems.push('The PDF has no XMP metadata.');
  const preferences = objects.get(ref(catalog.dict, 'ViewerPreferences') ?? -1);
  if (!preferences || !/\/DisplayDocTitle true/.test(preferences.dict)) problems.push('The PDF does not ask viewers to show its title.');

  const pages = all.filter((o) => /\/Type \/Page\b/.test(o.dict));
  if (pages.length === 0) problems.push('The PDF has no pages.');
  pages.forEach((page, index) => {
    if (!/\/Tabs \/S\b/.test(page.dict)) problems.push(`Page ${index + 1} does not set the tab order to the structure (/Tabs /S).`);
    problems.push(...checkContent(index + 1, objects.get(ref(page.dict, 'Contents') ?? -1)));
  });
  for (const annotation of all.filter((o) => /\/Subtype \/Link\b/.test(o.dict))) {
    if (!/\/StructParent \d+/.test(annotation.dict)) problems.push(`Link annotation ${annotation.id} is not in the structure tree.`);
    if (!/\/Contents (\(.+?\)|<[0-9a-fA-F]+>)/.test(annotation.dict)) problems.push(`Link annotation ${annotation.id} has no description (/Contents).`);
  }
  for (const figure of all.filter((o) => /\/S \/Figure\b/.test(o.dict))) {
    if (!/\/Alt /.test(figure.dict)) problems.push(`Figure ${figure.id} has no alternate text.`);
  }
  return problems;
}
