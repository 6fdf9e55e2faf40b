import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { FINGERPRINTED_DIR, hostHeaders, type HostHeaders } from './host-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

/** A running preview server. */
export interface PreviewServer {
  /** The site's address, base path included: `http://127.0.0.1:4322/safer-online/`. */
  url: string;
  close(): Promise<void>;
}

/** The base path a built site was made for, read from its home page's canonical link. */
export async function builtBasePath(siteDir: string): Promise<string> {
  const home = await readFile(join(siteDir, 'index.html'), 'utf8').catch(() => undefined);
  if (home === undefined) throw new Error('no index.html');
  const canonical = /<link rel="?canonical"? href="([^"]+)"/.exec(home)?.[1];
  const path = canonical ? new URL(canonical).pathname : '/';
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * Serves a built site the way a careful static host does: under its base path, `dir/` as
 * `dir/index.html`, `dir` redirected to `dir/`, the site's `404.html` for anything else, and the
 * headers of `hostHeaders` (CSP, nosniff, a year of caching for fingerprinted files only).
 */
export async function startPreviewServer(siteDir: string, options: { host?: string; port?: number } = {}): Promise<PreviewServer> {
  const base = await builtBasePath(siteDir);
  const headers = await hostHeaders(siteDir);
  const root = normalize(siteDir);
  const server = createServer((req, res) => {
    serve(req, res, root, base, headers).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': TYPES['.txt']! });
      res.end('Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}${base}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

async function serve(req: IncomingMessage, res: ServerResponse, root: string, base: string, headers: HostHeaders): Promise<void> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return send(res, 400, headers, 'text/plain; charset=utf-8', 'Bad address');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, headers, TYPES['.txt']!, 'Method not allowed');
  // The host's root is not the site: say where it is.
  if (path === '/' && base !== '/') return redirect(res, base, headers);
  if (`${path}/` === base) return redirect(res, base, headers);
  if (!path.startsWith(base)) return notFound(req, res, root, headers);
  const file = normalize(join(root, path.slice(base.length)));
  if (file !== root && !file.startsWith(root + sep)) return notFound(req, res, root, headers);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!path.endsWith('/')) return redirect(res, `${path}/`, headers);
    return sendFile(req, res, join(file, 'index.html'), 200, headers, false);
  }
  if (!info?.isFile()) return notFound(req, res, root, headers);
  const fingerprinted = path.slice(base.length).startsWith(`${FINGERPRINTED_DIR}/`);
  return sendFile(req, res, file, 200, headers, fingerprinted);
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status: number, headers: HostHeaders, fingerprinted: boolean): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return notFound(req, res, '', headers);
  res.writeHead(status, {
    ...headers.all,
    ...(fingerprinted ? headers.fingerprinted : headers.revalidate),
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

async function notFound(req: IncomingMessage, res: ServerResponse, root: string, headers: HostHeaders): Promise<void> {
  const page = root && join(root, '404.html');
  if (page && (await stat(page).catch(() => undefined))?.isFile()) return sendFile(req, res, page, 404, headers, false);
  return send(res, 404, headers, TYPES['.txt']!, 'Not found');
}

function redirect(res: ServerResponse, location: string, headers: HostHeaders): void {
  res.writeHead(301, { ...headers.all, location });
  res.end();
}

function send(res: ServerResponse, status: number, headers: HostHeaders, type: string, body: string): void {
  res.writeHead(status, { ...headers.all, 'content-type': type });
  res.end(body);
}
