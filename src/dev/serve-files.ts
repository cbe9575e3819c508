import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export function pickContentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` a request target names, or undefined when it names none: a `..` or `.` segment (raw or
 * percent-encoded), an encoded slash or backslash, an empty segment (`//etc`), a dotfile (the build's temp file)
 * or anything but an origin-form path. Decided on the raw target, before anything could normalise `..` away.
 */
export function resolveRequestPath(root: string, target: string): string | undefined {
  if (!target.startsWith('/')) return undefined;
  const path = target.split(/[?#]/)[0] ?? '';
  const segments = path.slice(1).split('/');
  // A folder's address serves its index.html; a folder itself is never listed.
  if (segments.at(-1) === '') segments[segments.length - 1] = 'index.html';
  const names: string[] = [];
  for (const segment of segments) {
    const name = decodeSegment(segment);
    if (name === undefined || name === '' || name.startsWith('.') || /[/\\\0]/.test(name)) return undefined;
    names.push(name);
  }
  const file = join(root, ...names);
  const inside = relative(root, file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? undefined : file;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    // Malformed percent-encoding names no file: the request gets 404 like any unknown path.
    return undefined;
  }
}

/** The file's bytes, or undefined when it is missing, a folder, or (through a link) outside `root`. */
export async function readServedFile(root: string, file: string): Promise<Buffer | undefined> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    const inside = relative(realRoot, realFile);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
    return await readFile(realFile);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}
