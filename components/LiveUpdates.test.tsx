import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LIVE_UPDATES_SCRIPT, LiveUpdates } from './LiveUpdates';

describe('the new-updates offer of a running live report', () => {
  it('is a script of at most 1 KB that parses', () => {
    expect(Buffer.byteLength(LIVE_UPDATES_SCRIPT)).toBeLessThanOrEqual(1024);
    expect(() => new Function(LIVE_UPDATES_SCRIPT)).not.toThrow();
  });

  it('renders a hidden button (nothing shows without JavaScript) and the script', () => {
    const html = renderToStaticMarkup(<LiveUpdates />);
    expect(html).toMatch(/<button id="pembaruan-baru" type="button" hidden="" data-text="N pembaruan baru — tampilkan"/);
    expect(html).toContain(`<script>${LIVE_UPDATES_SCRIPT}</script>`);
  });
});
