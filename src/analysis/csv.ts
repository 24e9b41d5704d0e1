/**
 * A curve as CSV: one row a point, baseline first and then the reform's (column `curve`), the
 * programmes' amounts as columns, and the cliff or rise a step ends in on the row of its higher end.
 * An amount not known is an empty cell, never a 0.
 */
import { stringify } from 'csv-stringify/sync';
import type { CurveResult, CurveSide } from './curve.js';

export function curveHeader(curve: CurveResult): string[] {
  return [
    'curve',
    'value',
    'income',
    'total',
    'net',
    'partial',
    'marginal_rate',
    ...curve.programmes,
    'cliff_lost',
    'cliff_programme',
    'cliff_rule',
    'rise_gained',
    'rise_programme',
    'rise_rule',
  ];
}

function rows(side: CurveSide, name: string, programmes: readonly string[]): string[][] {
  const cliffs = new Map(side.cliffs.map((c) => [c.to, c]));
  const rises = new Map(side.rises.map((r) => [r.to, r]));
  return side.points.map((p) => {
    const cliff = cliffs.get(p.value);
    const rise = rises.get(p.value);
    return [
      name,
      p.value,
      p.income,
      p.total,
      p.net,
      String(p.partial),
      p.marginalRate ?? '',
      ...programmes.map((id) => p.programmes[id] ?? ''),
      cliff?.lost ?? '',
      cliff?.programme ?? '',
      cliff?.rule ?? '',
      rise?.gained ?? '',
      rise?.programme ?? '',
      rise?.rule ?? '',
    ];
  });
}

export function curveCsv(curve: CurveResult): string {
  const body = [...rows(curve, 'baseline', curve.programmes), ...(curve.reform ? rows(curve.reform, `reform:${curve.reform.name}`, curve.programmes) : [])];
  return stringify([curveHeader(curve), ...body]);
}
