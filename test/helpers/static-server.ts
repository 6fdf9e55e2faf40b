import { createServer, type Server } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

/** A running static server: its origin, the URL of the served folder, and how to stop it. */
export interface StaticServer {
  origin: string;
  /** `origin` + sub-path, ending with `/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` under `subPath` (e.g. `/safer-online/`) on 127.0.0.1 at a random port, the way a
 * plain web host does: `dir/` serves `dir/index.html`, `dir` redirects to `dir/`, anything else 404
 * (with the site's `404.html` when there is one).
 */
export async function startStaticServer(root: string, subPath = '/'): Promise<StaticServer> {
  const base = subPath.endsWith('/') ? subPath : `${subPath}/`;
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const notFound = async () => {
      const page = join(root, '404.html');
      const exists = await stat(page).then((s) => s.isFile(), () => false);
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (exists) createReadStream(page).pipe(res);
      else res.end('Not found');
    };
    if (!path.startsWith(base) && `${path}/` !== base) return notFound();
    const relative = path.slice(base.length);
    const file = normalize(join(root, relative));
    if (file !== normalize(root) && !file.startsWith(normalize(root) + sep) && file !== normalize(root + sep)) return notFound();
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` });
        return res.end();
      }
      const index = join(file, 'index.html');
      if (!(await stat(index).catch(() => undefined))?.isFile()) return notFound();
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      return createReadStream(index).pipe(res);
    }
    if (!info?.isFile()) return notFound();
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': info.size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
