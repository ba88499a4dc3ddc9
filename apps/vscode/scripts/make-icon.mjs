// Draws images/icon.png (128x128): a cache drum with a red slash, "no negative cache". No dependencies.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const pixels = Buffer.alloc(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], alpha) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || alpha <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a = Math.min(1, alpha);
  const base = pixels[i + 3] / 255;
  const out = a + base * (1 - a);
  for (const [k, c] of [[0, r], [1, g], [2, b]]) {
    pixels[i + k] = Math.round((c * a + pixels[i + k] * base * (1 - a)) / (out || 1));
  }
  pixels[i + 3] = Math.round(out * 255);
}

/** Paints every pixel whose centre is inside `shape(x, y)`, with 4x4 supersampling for smooth edges. */
function fill(shape, colour) {
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
      blend(x, y, colour, hits / 16);
    }
  }
}

const roundedSquare = (x, y) => {
  const r = 24, lo = 4 + r, hi = SIZE - 4 - r;
  const dx = Math.max(lo - x, 0, x - hi), dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= r * r;
};
const ellipse = (cx, cy, rx, ry) => (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const slash = (x, y) => Math.abs((x - 64) + (y - 64)) <= 7 && Math.hypot(x - 64, y - 64) <= 50;

fill(roundedSquare, [30, 64, 120]);
// A database drum: body, then three rims.
fill(rect(36, 38, 92, 90), [235, 241, 250]);
fill(ellipse(64, 90, 28, 10), [235, 241, 250]);
fill(ellipse(64, 38, 28, 10), [190, 210, 235]);
for (const y of [56, 72]) fill((x, yy) => Math.abs(((x - 64) / 28) ** 2 + ((yy - y) / 10) ** 2 - 1) < 0.12 && yy > y, [30, 64, 120]);
fill(slash, [220, 50, 47]);

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  let crc = ~0;
  for (const byte of body) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(~crc >>> 0);
  return Buffer.concat([length, body, tail]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);
const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
