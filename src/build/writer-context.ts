import type { Diagnostics } from '../core/diagnostics/diagnostic.ts';
import type { Toolkit } from '../core/model.ts';
import type { Progress } from './progress.ts';

/** What every writer stage receives from the pipeline. */
export interface WriterContext {
  toolkit: Toolkit;
  diagnostics: Diagnostics;
  /** The staging folder: the site root of this build. */
  outDir: string;
  /** Cache folder for work that can be reused between builds. */
  cacheDir: string;
  /** The content folder (for assets such as images; writers never read pages). */
  contentDir: string;
  progress: Progress;
}
