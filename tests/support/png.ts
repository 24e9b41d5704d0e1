/**
 * Just enough of PNG to read a browser's screenshot: 8-bit RGB or RGBA, not interlaced, the five
 * row filters. No dependency, so the chart test needs nothing but Chromium.
 */
import { inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGB triples, row by row. */
  rgb: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(file: Buffer): Image {
  if (file.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [depth, colour, , , interlace] = [header[8], header[9], header[10], header[11], header[12]];
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour ${colour}, interlace ${interlace}`);
  const channels = colour === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(data));
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x += 1) {
      const byte = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predicted === undefined) throw new Error(`bad PNG filter ${filter}`);
      pixels[y * stride + x] = (byte + predicted) & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i += 1) rgb.set(pixels.subarray(i * channels, i * channels + 3), i * 3);
  return { width, height, rgb };
}

/** Pixels within `tolerance` of a colour on every channel. */
export function countNear(image: Image, [r, g, b]: readonly [number, number, number], tolerance = 24): number {
  let count = 0;
  for (let i = 0; i < image.rgb.length; i += 3) {
    if (Math.abs(image.rgb[i]! - r) <= tolerance && Math.abs(image.rgb[i + 1]! - g) <= tolerance && Math.abs(image.rgb[i + 2]! - b) <= tolerance) count += 1;
  }
  return count;
}

/** Pixels that are not (nearly) white. */
export function countInked(image: Image): number {
  let count = 0;
  for (let i = 0; i < image.rgb.length; i += 3) if (image.rgb[i]! < 235 || image.rgb[i + 1]! < 235 || image.rgb[i + 2]! < 235) count += 1;
  return count;
}
