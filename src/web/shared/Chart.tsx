import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState } from 'react';

/**
 * A horizontal bar chart drawn by Observable Plot.
 *
 * Why Plot: it draws plain SVG (no canvas), so the chart scales to any width, prints, and takes
 * an aria-label; it is one small library on top of d3 that installs from npm with nothing
 * downloaded; and its declarative marks (bars, rules for the 95 % intervals, text) keep each chart
 * a few lines. The chart is role="img" with a summary in its aria-label: the numbers themselves
 * are in the table beside it ("Vis som tabell"), which is what screen-reader and keyboard users
 * read, so the SVG needs no focus of its own.
 *
 * Horizontal bars, because their labels stay readable on a 320 px phone, where columns would not.
 */

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11): 6.5:1 and 5.2:1. */
export const CHART_COLOURS = ['#1F5FA6', '#C2410C'] as const;

export interface ChartRow {
  label: string;
  /** null: hidden ("under 5") or no data: no bar, only the text */
  value: number | null;
  /** a second, inner bar (e.g. the first-timers of those who came) */
  inner?: number | null;
  /** the 95 % interval, drawn as a black line */
  low?: number | null;
  high?: number | null;
  /** written after the bar */
  text: string;
}

export function Chart({
  rows,
  share = false,
  label,
}: {
  rows: ChartRow[];
  /** values are shares 0–1 (axis in %) rather than counts */
  share?: boolean;
  /** what the chart shows, in one or two sentences: the SVG's aria-label */
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = box.current;
    if (!element || width === 0) return;
    const narrow = width < 480;
    const longest = Math.max(...rows.map((r) => r.label.length), 4);
    // About 7.5 px a character at 13 px: labels longer than the margin are cut with "…".
    const marginLeft = Math.min(narrow ? 104 : 200, 16 + longest * 7.5);
    const maxLabel = Math.floor((marginLeft - 14) / 7.5);
    const cut = (text: string) => (text.length > maxLabel ? `${text.slice(0, maxLabel - 1)}…` : text);
    const top = Math.max(1, ...rows.map((r) => Math.max(r.value ?? 0, r.inner ?? 0, r.high ?? 0)));
    const domain = share ? [0, 1.3] : [0, top * 1.25];
    const intervals = rows.filter((r) => r.low != null && r.high != null);
    const svg = Plot.plot({
      width,
      height: 34 + rows.length * 30,
      marginLeft,
      marginRight: 8,
      style: { fontSize: '13px', color: '#1a1a1a', background: 'transparent', overflow: 'hidden' },
      ariaLabel: label,
      x: {
        domain,
        ticks: share ? [0, 0.5, 1] : narrow ? 3 : 5,
        tickFormat: share ? (d: number) => `${Math.round(d * 100)} %` : undefined,
        grid: true,
        label: null,
      },
      y: { domain: rows.map((r) => r.label), tickFormat: cut, label: null, padding: 0.25 },
      marks: [
        Plot.barX(rows, { x: (r: ChartRow) => r.value ?? 0, y: 'label', fill: CHART_COLOURS[0] }),
        Plot.barX(
          rows.filter((r) => r.inner != null),
          {
            x: (r: ChartRow) => r.inner ?? 0,
            y: 'label',
            fill: CHART_COLOURS[1],
            insetTop: 6,
            insetBottom: 6,
          },
        ),
        Plot.ruleY(intervals, { x1: 'low', x2: 'high', y: 'label', stroke: '#000', strokeWidth: 2 }),
        Plot.tickX(intervals, {
          x: 'low',
          y: 'label',
          stroke: '#000',
          strokeWidth: 2,
          insetTop: 4,
          insetBottom: 4,
        }),
        Plot.tickX(intervals, {
          x: 'high',
          y: 'label',
          stroke: '#000',
          strokeWidth: 2,
          insetTop: 4,
          insetBottom: 4,
        }),
        Plot.text(rows, {
          x: (r: ChartRow) => Math.max(r.value ?? 0, r.inner ?? 0, r.high ?? 0),
          y: 'label',
          text: 'text',
          textAnchor: 'start',
          dx: 5,
          fill: '#1a1a1a',
        }),
        Plot.ruleX([0]),
      ],
    });
    // Plot labels each group of marks ("bar", "rule"): not allowed on a <g> without a role, and
    // nothing a reader needs inside an image. The summary is on the SVG itself.
    for (const part of svg.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
    element.replaceChildren(svg);
    return () => svg.remove();
  }, [rows, share, label, width]);

  return <div ref={box} className="chart" />;
}
