import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { canonicalPath } from './canonical-path';

export interface ImageRules {
  /** The widths Next.js's optimiser may be asked for (images.deviceSizes and imageSizes). */
  widths: readonly number[];
  /** The qualities it may be asked for (images.qualities). */
  qualities: readonly number[];
  /** The folder the images are files of (public/). */
  publicDir: string;
}

/** A deployment id as Next.js accepts it (lib/deployment-id.cjs). */
const DEPLOYMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Article images: files under public/images with a raster extension. */
const IMAGE_PATH = /^\/images\/[a-z0-9][a-z0-9_.-]*(?:\/[a-z0-9][a-z0-9_.-]*)*\.(?:png|jpe?g|webp|avif|gif)$/i;

/**
 * Whether a query of /_next/image asks for an image the site has, spelled the one way the site
 * spells it: exactly url, w and q, once each; url a canonical path (no dot segments, escapes,
 * fragment or query) of a file under public/images; w and q from the configured lists. Each other
 * spelling would be a cache entry of its own and a fresh encode, so it is refused (400).
 * A last `dpl` (the deployment id pages add, next.config.js) is allowed with any well-formed id:
 * it is not part of the optimiser's cache key, and a page of the previous build asks with its own.
 */
export function isAllowedImageRequest(query: string, rules: ImageRules): boolean {
  const params = new URLSearchParams(query);
  const keys = [...params.keys()];
  if (keys.length === 4 && keys[3] === 'dpl' && DEPLOYMENT_ID.test(params.get('dpl')!)) params.delete('dpl');
  else if (keys.length !== 3) return false;
  if (new Set(params.keys()).size !== 3 || !params.has('url') || !params.has('w') || !params.has('q')) return false;
  const url = params.get('url')!;
  const width = params.get('w')!;
  const quality = params.get('q')!;
  if (!/^[1-9][0-9]{0,4}$/.test(width) || !rules.widths.includes(Number(width))) return false;
  if (!/^[1-9][0-9]?$|^100$/.test(quality) || !rules.qualities.includes(Number(quality))) return false;
  if (!IMAGE_PATH.test(url) || canonicalPath(url) !== url) return false;
  return isPublicFile(rules.publicDir, url);
}

/** Whether a request path is a file under public/ (Next.js serves those as they are). */
export function isPublicFile(publicDir: string, pathname: string): boolean {
  try {
    const file = path.join(publicDir, decodeURIComponent(pathname));
    return file.startsWith(publicDir + path.sep) && fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The optimiser's widths and qualities as next.config.js sets them (every list written out there). */
export function imageRulesOf(configFile: string, publicDir: string): ImageRules {
  const loaded = createRequire(configFile)(configFile);
  const images = (typeof loaded === 'function' ? loaded('phase-production-server') : loaded).images ?? {};
  const list = (name: string): number[] => {
    const value: unknown = images[name];
    if (!Array.isArray(value) || !value.every((n) => Number.isInteger(n))) throw new Error(`next.config.js: images.${name} must be written out as a list of whole numbers`);
    return value;
  };
  return { widths: [...list('deviceSizes'), ...list('imageSizes')], qualities: list('qualities'), publicDir };
}
