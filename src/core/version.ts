import { readFileSync } from 'node:fs';

/** Kitpress's own version, from its package.json. */
export const KITPRESS_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
