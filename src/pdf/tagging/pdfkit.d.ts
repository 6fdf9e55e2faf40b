/** pdfkit ships no types; Kitpress describes the part it uses in pdfkit-types.ts. */
declare module 'pdfkit' {
  const PDFDocument: unknown;
  export default PDFDocument;
}
