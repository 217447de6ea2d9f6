import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedImageRequest } from './image-requests';

const rules = { widths: [640, 1200], qualities: [75], publicDir: path.resolve('public') };
const image = '/images/articles/bendera-rusia-korea-utara.png';
const query = (url: string, rest = '&w=640&q=75') => `url=${encodeURIComponent(url)}${rest}`;

describe('image optimiser requests', () => {
  it('allows an image that exists, at a configured width and quality', () => {
    expect(isAllowedImageRequest(query(image), rules)).toBe(true);
    expect(isAllowedImageRequest(`url=${image}&w=1200&q=75`, rules)).toBe(true);
  });

  it('allows the deployment id pages add last (dpl), this build\'s or another\'s', () => {
    expect(isAllowedImageRequest(query(image, '&w=640&q=75&dpl=063a7a3d8e3b'), rules)).toBe(true);
    expect(isAllowedImageRequest(query(image, '&w=640&q=75&dpl=063a7a3d8e3b-cd7b5944'), rules)).toBe(true);
  });

  it.each([
    ['another spelling of the path', query(`/./${image.slice(1)}`)],
    ['a dot segment', query('/images/x/../articles/bendera-rusia-korea-utara.png')],
    ['a fragment', query(`${image}#1`)],
    ['a query', query(`${image}?v=1`)],
    ['an escape', query('/images/articles/bendera%2Drusia-korea-utara.png')],
    ['a file that does not exist', query('/images/articles/tidak-ada.png')],
    ['a file outside images/', query('/favicon.ico')],
    ['another host', query('https://example.com/a.png')],
    ['a width not configured', query(image, '&w=641&q=75')],
    ['a quality not configured', query(image, '&w=640&q=74')],
    ['a padded width', query(image, '&w=0640&q=75')],
    ['a repeated parameter', query(image, '&w=640&w=640&q=75')],
    ['an extra parameter', query(image, '&w=640&q=75&x=1')],
    ['a missing parameter', query(image, '&w=640')],
    ['dpl not last', query(image, '&dpl=abc&w=640&q=75')],
    ['dpl twice', query(image, '&w=640&q=75&dpl=a&dpl=a')],
    ['dpl empty', query(image, '&w=640&q=75&dpl=')],
    ['dpl with other characters', query(image, '&w=640&q=75&dpl=a.b')],
    ['dpl in place of a parameter', query(image, '&w=640&dpl=abc')],
  ])('refuses %s', (_why, q) => expect(isAllowedImageRequest(q, rules)).toBe(false));
});

describe('image rules', () => {
  it('are read from next.config.js, every list written out', async () => {
    const { imageRulesOf } = await import('./image-requests');
    const read = imageRulesOf(path.resolve('next.config.js'), rules.publicDir);
    expect(read.qualities).toEqual([75]);
    expect(read.widths).toContain(640);
  });
});
