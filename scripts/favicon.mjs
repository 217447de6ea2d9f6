/**
 * Draws the site icon, a serif "W" on Warta red, into app/favicon.ico (PNG images inside an ICO
 * container, 16, 32 and 48 px) so browsers asking for /favicon.ico get it instead of a 404.
 * Run: node scripts/favicon.mjs
 */
import fs from 'node:fs';
import sharp from 'sharp';

const svg = (size) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 48 48">
  <rect width="48" height="48" rx="6" fill="#a3001b"/>
  <text x="24" y="37" text-anchor="middle" font-family="Noto Serif, serif" font-weight="700" font-size="36" fill="#fff">W</text>
</svg>`;

const sizes = [16, 32, 48];
const pngs = await Promise.all(sizes.map((s) => sharp(Buffer.from(svg(s))).png().toBuffer()));
const header = Buffer.alloc(6 + 16 * sizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2); // icon
header.writeUInt16LE(sizes.length, 4);
let offset = header.length;
sizes.forEach((size, i) => {
  const entry = 6 + 16 * i;
  header.writeUInt8(size, entry);
  header.writeUInt8(size, entry + 1);
  header.writeUInt16LE(1, entry + 4); // colour planes
  header.writeUInt16LE(32, entry + 6); // bits per pixel
  header.writeUInt32LE(pngs[i].length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += pngs[i].length;
});
fs.writeFileSync('app/favicon.ico', Buffer.concat([header, ...pngs]));
console.log('app/favicon.ico written');
