// Draws the 128x128 extension icon (images/icon.png) without any image library:
// a teal rounded square with a white shield and a dark keyhole. Usage: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);

function inRoundedSquare(x, y, margin, radius) {
  const lo = margin + radius;
  const hi = size - 1 - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= margin && y >= margin && x < size - margin && y < size - margin;
}

function inShield(x, y) {
  const top = 24, shoulder = 56, bottom = 108, half = 36, mid = size / 2;
  if (y < top || y > bottom) return false;
  if (y <= shoulder) return Math.abs(x - mid) <= half;
  const t = (y - shoulder) / (bottom - shoulder);
  return Math.abs(x - mid) <= half * Math.sqrt(1 - t * t);
}

function inKeyhole(x, y) {
  const mid = size / 2;
  if ((x - mid) ** 2 + (y - 58) ** 2 <= 11 ** 2) return true;
  return y >= 58 && y <= 86 && Math.abs(x - mid) <= 5 + (y - 58) * 0.12;
}

for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    let rgba = [0, 0, 0, 0];
    if (inRoundedSquare(x, y, 2, 22)) rgba = [14, 116, 120, 255];
    if (inShield(x, y)) rgba = [245, 248, 250, 255];
    if (inKeyhole(x, y)) rgba = [16, 42, 56, 255];
    pixels.set(rgba, (y * size + x) * 4);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${png.length} bytes`);
