/**
 * The chart is drawn without a browser and checked in one: the SVG for a Lingwu household with a
 * disabled member carries its words in both languages, and a real headless Chromium (Debian's
 * package) renders it to a picture with the programmes' colours, the net line and the cliff's
 * shading in it — not a blank page, not an XML error page. Skipped, and said so, where Chromium is
 * absent (.ci/run installs it).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benefitCurve } from '../../src/analysis/curve.js';
import { curveSvg } from '../../src/analysis/chart.js';
import { bundledRulebook } from '../../src/load.js';
import { countInked, countNear, decodePng } from '../support/png.js';

const household = JSON.parse(readFileSync(new URL('../../examples/curve-lingwu.json', import.meta.url), 'utf8')) as unknown;
const rulebook = bundledRulebook();
const curve = benefitCurve(household, { month: '2024-07', vary: 'worker.wages', from: '0', to: '3000', step: '50', rulebook });

const CHROMIUM = process.env.CHROMIUM ?? 'chromium';
const hasChromium = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasChromium) console.warn(`chart.test.ts: the rendering test is skipped: no "${CHROMIUM}" on PATH (apt-get install chromium; .ci/run does)`);

/** A colour drawn at `alpha` over the white background. */
const over = ([r, g, b]: [number, number, number], alpha: number): [number, number, number] =>
  [r, g, b].map((c) => Math.round(c * alpha + 255 * (1 - alpha))) as [number, number, number];

function screenshot(svg: string, width: number, height: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'curve-chart-'));
  try {
    const file = join(dir, 'chart.svg');
    const png = join(dir, 'chart.png');
    writeFileSync(file, svg);
    const args = ['--headless', '--disable-gpu', '--hide-scrollbars', `--user-data-dir=${join(dir, 'profile')}`, `--window-size=${width},${height}`, `--screenshot=${png}`];
    // Chromium refuses to run as root with its sandbox on (CI containers run as root).
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const run = spawnSync(CHROMIUM, [...args, pathToFileURL(file).href], { encoding: 'utf8', timeout: 90_000 });
    if (run.status !== 0) throw new Error(`chromium failed (${run.status ?? run.signal}): ${run.stderr.slice(-500)}`);
    return readFileSync(png);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the curve as an SVG chart', () => {
  it('names the household, the place, the month and the programmes, in Chinese and in English', () => {
    const zh = curveSvg(curve, rulebook, { lang: 'zh' });
    expect(zh.startsWith('<?xml')).toBe(true);
    expect(zh).toContain('灵武市（cn-640181）· 2024-07');
    expect(zh).toContain('最低生活保障');
    expect(zh).toContain('断崖 −755.00');
    expect(zh).toContain('跳升 +660.00');
    expect(zh).toContain('Noto Sans CJK SC');
    const en = curveSvg(curve, rulebook, { lang: 'en' });
    expect(en).toContain('Lingwu (cn-640181) · 2024-07');
    expect(en).toContain('cliff −755.00');
    expect(en).toContain('income plus benefits');
    // Programmes not known this month are named on the chart, not drawn as zero.
    expect(en).toContain('never counted as zero');
  });

  it('is well-formed: every attribute value is quoted once (the font list once broke it)', () => {
    const svg = curveSvg(curve, rulebook, { lang: 'zh' });
    expect(svg).not.toMatch(/font-family:"/);
    expect(svg.match(/<svg\b/g)).toHaveLength(1);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it.skipIf(!hasChromium)('renders in headless Chromium to a picture that is not blank', () => {
    const [width, height] = [960, 600];
    const image = decodePng(screenshot(curveSvg(curve, rulebook, { lang: 'zh', width, height }), width, height));
    expect([image.width, image.height]).toEqual([width, height]);
    const pixels = width * height;
    // A tenth of the picture inked (axes, labels, areas; about 18 % when drawn), and the layers that make it this chart.
    expect(countInked(image) / pixels).toBeGreaterThan(0.1);
    const dibao = countNear(image, over([0x00, 0x72, 0xb2], 0.85));
    const care = countNear(image, over([0x00, 0x9e, 0x73], 0.85));
    const netLine = countNear(image, [0x11, 0x11, 0x11], 40);
    const cliff = countNear(image, over([213, 94, 0], 0.22), 8);
    expect(dibao / pixels).toBeGreaterThan(0.05);
    expect(care / pixels).toBeGreaterThan(0.005);
    expect(netLine).toBeGreaterThan(1000);
    expect(cliff).toBeGreaterThan(1000);
    // An XML error page (Chromium's pink box) is not a chart.
    expect(countNear(image, [255, 221, 221], 6)).toBeLessThan(100);
  });
});
