import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Corrections } from './Corrections';

describe('Corrections', () => {
  it('renders a labelled box with each correction and its Jakarta time', () => {
    const html = renderToStaticMarkup(<Corrections corrections={[{ date: '2024-06-21T09:00:00+07:00', text: 'Nama pejabat diperbaiki.' }]} />);
    expect(html).toContain('<h2 id="corrections-heading"');
    expect(html).toContain('Koreksi');
    expect(html).toContain('<time dateTime="2024-06-21T09:00:00+07:00">Jumat, 21 Juni 2024 | 09:00 WIB</time>');
    expect(html).toContain('Nama pejabat diperbaiki.');
  });

  it('renders nothing without corrections', () => {
    expect(renderToStaticMarkup(<Corrections corrections={[]} />)).toBe('');
  });
});
