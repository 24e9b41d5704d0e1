/**
 * A curve as an SVG chart: benefits stacked by programme against the varied income, the line of
 * income plus benefits, cliffs shaded red and rises amber, in Chinese or English. Drawn by Apache
 * ECharts' server-side SVG renderer (no browser, no canvas; docs/decisions/0021-curves-and-charts.md).
 * Floats appear here only as pixel positions: the numbers a reader copies are the JSON's.
 */
import * as echarts from 'echarts';
import type { Rulebook } from '../rulebook/index.js';
import { INCOME_TYPES, type IncomeType } from '../schemas/income.js';
import type { Language } from '../explain/render.js';
import type { CurveResult, CurveSide } from './curve.js';
import { chartWords, type ChartWords } from './words.js';

export interface ChartOptions {
  lang: Language;
  width?: number;
  height?: number;
}

/** CJK faces first, so that Chinese labels render wherever one is installed; then any sans-serif.
 * Single quotes: ECharts writes the list into a double-quoted style attribute without escaping. */
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** Colour-blind-safe (Okabe–Ito) for the programmes; the net line black, cliffs red, rises amber. */
const PALETTE = ['#0072B2', '#009E73', '#56B4E9', '#CC79A7', '#E69F00', '#F0E442', '#D55E00', '#999999'];
const CLIFF = 'rgba(213, 94, 0, 0.22)';
const RISE = 'rgba(230, 159, 0, 0.18)';

// ECharts reads numbers: an exact decimal string becomes a pixel position here, nowhere else.
const px = (amount: string | null): number | null => (amount === null ? null : Number(amount));

function shaded(side: CurveSide, words: ChartWords) {
  const cliffs = side.cliffs.map((c) => [{ xAxis: px(c.from), name: words.cliffLabel(c.lost), itemStyle: { color: CLIFF } }, { xAxis: px(c.to) }]);
  const rises = side.rises.map((r) => [{ xAxis: px(r.from), name: words.riseLabel(r.gained), itemStyle: { color: RISE } }, { xAxis: px(r.to) }]);
  return [...cliffs, ...rises];
}

/** The programmes worth a layer: those paid something somewhere on the curve. */
function drawn(curve: CurveResult): string[] {
  return curve.programmes.filter((id) => curve.points.some((p) => p.programmes[id] !== null && Number(p.programmes[id]) !== 0));
}

function programmeSeries(curve: CurveResult, rulebook: Rulebook, lang: Language) {
  return drawn(curve).map((id, i) => ({
    type: 'line' as const,
    name: rulebook.programmes.get(id)?.name[lang] ?? id,
    stack: 'benefits',
    symbol: 'none',
    lineStyle: { width: 0.5 },
    areaStyle: { opacity: 0.85 },
    color: PALETTE[i % PALETTE.length],
    data: curve.points.map((p) => [px(p.value), px(p.programmes[id] ?? null)]),
  }));
}

function netSeries(side: CurveSide, name: string, dashed: boolean, words: ChartWords) {
  return {
    type: 'line' as const,
    name,
    symbol: 'none',
    color: dashed ? '#5b2a86' : '#111111',
    lineStyle: { width: 2.5, type: dashed ? ('dashed' as const) : ('solid' as const) },
    data: side.points.map((p) => [px(p.value), px(p.net)]),
    // The reform's labels sit a line lower, in its line's colour: its cliffs are often a step or
    // two from the baseline's, and labels on one row would overwrite each other.
    markArea: {
      silent: true,
      label: { fontSize: 11, color: dashed ? '#5b2a86' : '#7a2e00', position: 'insideTop' as const, offset: [0, dashed ? 16 : 0], fontFamily: FONT_FAMILY },
      data: shaded(side, words),
    },
    z: 5,
  };
}

/** The ECharts option of a curve (exposed so a web page can draw the same chart interactively). */
export function chartOption(curve: CurveResult, rulebook: Rulebook, options: ChartOptions) {
  const { lang } = options;
  const words = chartWords(lang);
  const pack = rulebook.packs.get(curve.jurisdiction);
  const income = INCOME_TYPES[curve.vary.type as IncomeType]?.[lang] ?? curve.vary.type;
  const unknown = curve.unknown.map((u) => rulebook.programmes.get(u.programme)?.name[lang] ?? u.programme);
  const series = [...programmeSeries(curve, rulebook, lang), netSeries(curve, words.net, false, words)];
  if (curve.reform) series.push(netSeries(curve.reform, words.reformNet(curve.reform.name), true, words));
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: {
      text: words.title(curve.household, pack?.manifest.name[lang] ?? curve.jurisdiction, curve.jurisdiction, curve.month),
      subtext: [words.subtitle(curve.vary.member, income, curve.vary.step), words.legendNote, ...(unknown.length > 0 ? [words.unknownNote(unknown)] : [])].join('\n'),
      left: 16,
      top: 10,
      textStyle: { fontSize: 17, fontFamily: FONT_FAMILY },
      subtextStyle: { fontSize: 12, lineHeight: 17, fontFamily: FONT_FAMILY, color: '#444' },
    },
    // ECharts measures text without a browser from Helvetica-like widths; the fonts a viewer has
    // are often wider, so the legend leaves room between items rather than overlap them.
    legend: { bottom: 6, left: 'center', itemGap: 28, width: '90%', textStyle: { fontFamily: FONT_FAMILY } },
    grid: { left: 72, right: 32, top: 114 + 17 * (words.legendNote.split('\n').length - 1) + (unknown.length > 0 ? 18 : 0), bottom: 112 },
    xAxis: {
      type: 'value' as const,
      min: px(curve.vary.from),
      max: px(curve.vary.to),
      name: words.xAxis(curve.vary.member, income),
      nameLocation: 'middle' as const,
      nameGap: 28,
      nameTextStyle: { fontFamily: FONT_FAMILY },
    },
    yAxis: { type: 'value' as const, name: words.yAxis, nameTextStyle: { fontFamily: FONT_FAMILY }, min: 0 },
    series,
  };
}

/** The chart as a standalone SVG document. */
export function curveSvg(curve: CurveResult, rulebook: Rulebook, options: ChartOptions): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: options.width ?? 960, height: options.height ?? 600 });
  try {
    chart.setOption(chartOption(curve, rulebook, options) as echarts.EChartsOption);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${chart.renderToSVGString()}\n`;
  } finally {
    chart.dispose();
  }
}
