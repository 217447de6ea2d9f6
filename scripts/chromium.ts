/**
 * The Chromium that Playwright and the Lighthouse benchmark drive: Debian's /usr/bin/chromium
 * (or CHROMIUM_PATH), with no sandbox, GPU or background traffic, and no network but 127.0.0.1.
 */
export const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];
