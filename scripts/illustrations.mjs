/**
 * Draws the flag illustrations used as article images (credited "Ilustrasi: Warta") into
 * public/images/articles/. Flags are drawn from their official geometry, so the images are our
 * own work and need no download. Run: node scripts/illustrations.mjs
 */
import path from 'node:path';
import sharp from 'sharp';

const W = 1600;
const H = 900;
const FW = 560;
const FH = 373; // 3:2 for every flag, side by side
const Y = (H - FH) / 2;

function star(cx, cy, r, fill, rotation = 0) {
  const points = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + rotation + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.382;
    points.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${fill}"/>`;
}

const rect = (x, y, w, h, fill) => `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"/>`;

const flags = {
  russia: (x) => rect(x, Y, FW, FH, '#fff') + rect(x, Y + FH / 3, FW, FH / 3, '#0039A6') + rect(x, Y + (2 * FH) / 3, FW, FH / 3, '#D52B1E'),
  northKorea: (x) => {
    const u = FH / 36;
    return (
      rect(x, Y, FW, FH, '#024FA2') +
      rect(x, Y + 6 * u, FW, 24 * u, '#fff') +
      rect(x, Y + 7 * u, FW, 22 * u, '#ED1C27') +
      `<circle cx="${x + FW * 0.33}" cy="${Y + FH / 2}" r="${8 * u}" fill="#fff"/>` +
      star(x + FW * 0.33, Y + FH / 2, 7.6 * u, '#ED1C27')
    );
  },
  indonesia: (x) => rect(x, Y, FW, FH / 2, '#CE1126') + rect(x, Y + FH / 2, FW, FH / 2, '#fff'),
  vietnam: (x) => rect(x, Y, FW, FH, '#DA251D') + star(x + FW / 2, Y + FH / 2, FH * 0.3, '#FFCD00'),
  china: (x) => {
    const u = FW / 30;
    let svg = rect(x, Y, FW, FH, '#EE1C25') + star(x + 5 * u, Y + 5 * u, 3 * u, '#FFFF00');
    for (const [sx, sy] of [[10, 2], [12, 4], [12, 7], [10, 9]]) {
      // Each small star points one tip at the centre of the large star.
      const angle = Math.atan2(5 - sy, 5 - sx) + Math.PI / 2;
      svg += star(x + sx * u, Y + sy * u, u, '#FFFF00', angle);
    }
    return svg;
  },
  unitedStates: (x) => {
    const stripe = FH / 13;
    let svg = rect(x, Y, FW, FH, '#fff');
    for (let i = 0; i < 13; i += 2) svg += rect(x, Y + i * stripe, FW, stripe, '#B22234');
    const cw = FW * 0.4;
    const ch = stripe * 7;
    svg += rect(x, Y, cw, ch, '#3C3B6E');
    for (let row = 0; row < 9; row++) {
      const count = row % 2 === 0 ? 6 : 5;
      for (let col = 0; col < count; col++) {
        const cx = x + (cw / 12) * (row % 2 === 0 ? 1 + col * 2 : 2 + col * 2);
        const cy = Y + (ch / 10) * (row + 1);
        svg += star(cx, cy, FH * 0.0308, "#fff");
      }
    }
    return svg;
  },
};

function scene(names) {
  const gap = 60;
  const total = names.length * FW + (names.length - 1) * gap;
  const scale = Math.min(1, (W - 120) / total);
  const offset = (W - total * scale) / 2;
  const body = names
    .map((name, i) => `<g filter="url(#s)">${flags[name](i * (FW + gap))}</g>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2b3440"/><stop offset="1" stop-color="#151a21"/></linearGradient>
<filter id="s" x="-10%" y="-10%" width="120%" height="130%"><feDropShadow dx="0" dy="12" stdDeviation="14" flood-opacity="0.45"/></filter></defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>
<g transform="translate(${offset} ${(H - H * scale) / 2}) scale(${scale})">${body}</g></svg>`;
}

const images = {
  'bendera-rusia-korea-utara': ['russia', 'northKorea'],
  'bendera-china-rusia-korea-utara': ['china', 'russia', 'northKorea'],
  'bendera-rusia-vietnam': ['russia', 'vietnam'],
  'bendera-indonesia-amerika-serikat': ['indonesia', 'unitedStates'],
  'bendera-indonesia': ['indonesia'],
};

const outDir = path.join(import.meta.dirname, '..', 'public', 'images', 'articles');
for (const [name, flagNames] of Object.entries(images)) {
  const file = path.join(outDir, `${name}.png`);
  await sharp(Buffer.from(scene(flagNames))).png({ compressionLevel: 9, palette: true }).toFile(file);
  console.log(file);
}
