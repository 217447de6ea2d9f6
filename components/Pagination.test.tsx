import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Pagination, pageWindow } from './Pagination';

describe('pageWindow', () => {
  it('lists every page of a short listing', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the first and last pages and the neighbours of the current one, with gaps between', () => {
    expect(pageWindow(1, 1150)).toEqual([1, 2, null, 1150]);
    expect(pageWindow(500, 1150)).toEqual([1, null, 499, 500, 501, null, 1150]);
    expect(pageWindow(1150, 1150)).toEqual([1, null, 1149, 1150]);
  });

  it('shows a single hidden page instead of a gap', () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10]);
    expect(pageWindow(7, 10)).toEqual([1, null, 6, 7, 8, 9, 10]);
  });

  it('widens with `around`', () => {
    expect(pageWindow(10, 20, 2)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
  });
});

describe('Pagination', () => {
  const hrefFor = (p: number) => `/topik/rusia/halaman/${p}`;

  it('renders a handful of links however many pages there are', () => {
    const html = renderToStaticMarkup(<Pagination page={500} totalPages={1150} hrefFor={hrefFor} />);
    expect(html.match(/<a /g)).toHaveLength(6); // previous, 1, 499, 501, 1150, next
    expect(html).toContain('<span aria-current="page"');
    expect(html).toContain('aria-label="Halaman 1150 dari 1150"');
    expect(html).toContain('href="/topik/rusia/halaman/499" rel="prev"');
    expect(html).toContain('href="/topik/rusia/halaman/501" rel="next"');
    expect(html.match(/…/g)).toHaveLength(2);
  });

  it('names previous and next in full while showing the short words their names contain', () => {
    const html = renderToStaticMarkup(<Pagination page={2} totalPages={3} hrefFor={hrefFor} />);
    expect(html).toContain('rel="prev" class="');
    expect(html).toMatch(/rel="prev"[^>]*aria-label="Halaman sebelumnya">‹ Sebelumnya<\/a>/);
    expect(html).toMatch(/rel="next"[^>]*aria-label="Halaman berikutnya">Berikutnya ›<\/a>/);
  });

  it('renders nothing for a single page', () => {
    expect(renderToStaticMarkup(<Pagination page={1} totalPages={1} hrefFor={hrefFor} />)).toBe('');
  });
});
