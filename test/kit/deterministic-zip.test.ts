import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CompressedFiles, deterministicZip, writeDeterministicZip, zipSize } from '../../src/kit/deterministic-zip.ts';
import { removeTempDirs, tempDir } from './temp-dirs.ts';
import { centralDirectory, unzipTest } from './zip-tools.ts';

const time = new Date('2026-11-22T00:00:00Z');
const page = Buffer.from(`<!doctype html><p>${'Hola. '.repeat(400)}</p>`);
const files = new Map<string, Buffer>([
  ['index.html', page],
  ['señales/index.html', Buffer.from('<p>Señales</p>')],
  ['empty.txt', Buffer.alloc(0)],
  ['pdf/es/a-letter.pdf', Buffer.from('%PDF-1.7 not really')],
]);

async function unpack(zip: Buffer): Promise<string> {
  const dir = await tempDir('kitpress-zip-');
  await writeFile(join(dir, 'kit.zip'), zip);
  await mkdir(join(dir, 'out'));
  execFileSync('unzip', ['-q', join(dir, 'kit.zip'), '-d', join(dir, 'out')]);
  return join(dir, 'out');
}

describe('deterministicZip', () => {
  afterAll(removeTempDirs);

  it('gives zips the real unzip reads back byte for byte, non-ASCII names and empty files included', async () => {
    const zip = await deterministicZip('kit-es', files, time);
    const dir = await tempDir('kitpress-zip-test-');
    await writeFile(join(dir, 'kit.zip'), zip);
    expect(unzipTest(join(dir, 'kit.zip'))).toContain('No errors detected');
    const out = await unpack(zip);
    for (const [path, bytes] of files) expect(await readFile(join(out, 'kit-es', path)), path).toEqual(bytes);
    const names = centralDirectory(zip).map((r) => [r.name, (r.flags & 0x800) !== 0]);
    expect(names).toContainEqual(['kit-es/señales/', true]);
    expect(names).toContainEqual(['kit-es/index.html', false]);
  });

  it('gives the same bytes for the same files, whether their compression was shared with other zips or not', async () => {
    const shared = new CompressedFiles();
    await deterministicZip('other', new Map([['a.html', page]]), time, shared);
    const once = await deterministicZip('kit-es', files, time, shared);
    const alone = await deterministicZip('kit-es', new Map([...files].reverse()), time);
    expect(once.equals(alone)).toBe(true);
  });

  it('stores fonts and images as they are, and deflates pages and PDFs', async () => {
    const font = Buffer.from('wOF2'.repeat(200));
    const zip = await deterministicZip('kit', new Map([...files, ['fonts/a.woff2', font], ['img/b.png', font]]), time);
    const methods = Object.fromEntries(centralDirectory(zip).filter((r) => !r.name.endsWith('/')).map((r) => [r.name, r.method]));
    expect(methods).toEqual({ 'kit/empty.txt': 8, 'kit/fonts/a.woff2': 0, 'kit/img/b.png': 0, 'kit/index.html': 8, 'kit/pdf/es/a-letter.pdf': 8, 'kit/señales/index.html': 8 });
    const out = await unpack(zip);
    expect(await readFile(join(out, 'kit', 'fonts', 'a.woff2'))).toEqual(font);
  });

  it('knows the size of a zip without making it: folders, non-ASCII names, stored and deflated files, compressed sizes kept in a folder', async () => {
    const kit = new Map<string, Buffer>([...files, ['fonts/a.woff2', Buffer.from('wOF2'.repeat(200))], ['a/b/c/ñandú (1).html', page], ['SHA256SUMS', Buffer.from('x  index.html\n')]]);
    const dir = await tempDir('kitpress-zip-size-');
    for (const top of ['kit-es', 'kit ñ']) {
      const zip = await deterministicZip(top, kit, time);
      expect(await zipSize(top, kit)).toBe(zip.length);
      // Sized through a folder of compressed files, once writing it and once reading it back.
      expect(await zipSize(top, kit, new CompressedFiles(dir))).toBe(zip.length);
      expect(await zipSize(top, kit, new CompressedFiles(dir))).toBe(zip.length);
      expect((await deterministicZip(top, kit, time, new CompressedFiles(dir))).equals(zip)).toBe(true);
    }
    expect(await zipSize('kit', new Map())).toBe((await deterministicZip('kit', new Map(), time)).length);
  });

  it('writes to a file, an entry at a time, the same bytes it gives in memory, and leaves no other file', async () => {
    const kit = new Map<string, Buffer>([...files, ['fonts/a.woff2', Buffer.from('wOF2'.repeat(200))], ['a/b/ñandú.html', page]]);
    const dir = await tempDir('kitpress-zip-file-');
    const zip = await deterministicZip('kit ñ', kit, time);
    expect(await writeDeterministicZip(join(dir, 'kits', 'kit.zip'), 'kit ñ', kit, time, new CompressedFiles(join(dir, 'deflated')))).toBe(zip.length);
    expect((await readFile(join(dir, 'kits', 'kit.zip'))).equals(zip)).toBe(true);
    expect(await readdir(join(dir, 'kits'))).toEqual(['kit.zip']);
    expect(unzipTest(join(dir, 'kits', 'kit.zip'))).toContain('No errors detected');
  });

  it('zips files put aside compressed in a folder as it zips their bytes, holding no bytes for them but the stored-as-is ones', async () => {
    const font = Buffer.from('wOF2'.repeat(200));
    const kit = new Map<string, Buffer>([...files, ['fonts/a.woff2', font], ['a/ñandú.html', page]]);
    const dir = await tempDir('kitpress-zip-aside-');
    const compressed = new CompressedFiles(join(dir, 'deflated'));
    const aside = new Map(await Promise.all([...kit].map(async ([path, bytes]) => [path, await compressed.putAside(path, bytes)] as const)));
    expect([...aside].filter(([, bytes]) => bytes instanceof Uint8Array).map(([path]) => path)).toEqual(['fonts/a.woff2']);
    const zip = await deterministicZip('kit ñ', kit, time);
    // Read back by another CompressedFiles, as the next round or build does.
    expect(await zipSize('kit ñ', aside, new CompressedFiles(join(dir, 'deflated')))).toBe(zip.length);
    expect((await deterministicZip('kit ñ', aside, time, new CompressedFiles(join(dir, 'deflated')))).equals(zip)).toBe(true);
    // Without a folder nothing is put aside.
    expect(await new CompressedFiles().putAside('index.html', page)).toBe(page);
  });

  it('compresses what compresses: a repeated page takes a small part of its size', async () => {
    const zip = await deterministicZip('kit', new Map([['index.html', page]]), time);
    expect(zip.length).toBeLessThan(page.length / 5);
  });
});
