import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** An output folder the build must refuse, with nothing touched: the content itself is fine. */
export interface OutputCase {
  name: string;
  /** Makes what the case needs under the case's folder and gives the `--out` to pass. */
  prepare: (caseDir: string, content: string, cache: string) => string;
  /** What the refusal says (after "Refusing to use ... as the output folder: "). */
  reason: RegExp;
}

export const outputCases: OutputCase[] = [
  { name: '--out is the content folder', prepare: (_dir, content) => content, reason: /is the content folder/ },
  { name: '--out is inside the content folder', prepare: (_dir, content) => join(content, 'en', 'site'), reason: /inside the content folder/ },
  { name: '--out is the folder that holds the content', prepare: (dir) => dir, reason: /holds the content folder/ },
  { name: '--out is the cache folder', prepare: (_dir, _content, cache) => cache, reason: /cache/ },
  {
    name: '--out holds a package.json',
    prepare: (dir) => {
      mkdirSync(join(dir, 'project'));
      writeFileSync(join(dir, 'project', 'package.json'), '{"name":"mine"}');
      return join(dir, 'project');
    },
    reason: /package\.json/,
  },
  {
    name: '--out is a folder of someone else\'s files',
    prepare: (dir) => {
      mkdirSync(join(dir, 'photos'));
      writeFileSync(join(dir, 'photos', 'holiday.jpg'), 'not really a photo');
      return join(dir, 'photos');
    },
    reason: /not made by Kitpress|marker|\.kitpress-output\.json/,
  },
  {
    name: '--out is a file',
    prepare: (dir) => {
      writeFileSync(join(dir, 'notes.txt'), 'my notes');
      return join(dir, 'notes.txt');
    },
    reason: /file/,
  },
];
