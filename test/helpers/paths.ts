import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The default content that ships with Kitpress. */
export const defaultContent = join(repoRoot, 'content');
/** Where the test run builds the default content once (see global-setup.ts). */
export const builtDefault = join(repoRoot, 'test/output/default');
/** Fixture folders. */
export const fixtures = join(repoRoot, 'test/fixtures');
