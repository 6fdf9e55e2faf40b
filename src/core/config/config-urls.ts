import type { ConfigUrl } from '../resolve/check-site-links.ts';
import type { Config } from './schema.ts';

const urlsOf = new WeakMap<Config, ConfigUrl[]>();

/** Records the web addresses a checked config holds, each with its key and place in kitpress.yaml. */
export function rememberConfigUrls(config: Config, urls: ConfigUrl[]): void {
  urlsOf.set(config, urls);
}

/** The web addresses a read config holds that the site links to (none for a config not read by `readConfig`). */
export function configUrls(config: Config): ConfigUrl[] {
  return urlsOf.get(config) ?? [];
}
