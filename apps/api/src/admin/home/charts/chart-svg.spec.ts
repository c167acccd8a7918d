import { barChartSvg, escapeXml, niceCeil } from './chart-svg';

const base = { id: 'c1', labels: ['Jan', 'Feb', 'Mar'], format: (v: number) => String(v) };

describe('chart SVG', () => {
  it('niceCeil: 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 45, 99, 101].map(niceCeil)).toEqual([1, 1, 5, 10, 10, 20, 50, 100, 200]);
  });

  it('is accessible: role img, labelled by its title and desc, no script or style', () => {
    const svg = barChartSvg({ ...base, title: 'Requests', desc: 'Three months', series: [{ label: 'Access', values: [1, 2, 3], colour: '#0072B2' }] });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Requests</title><desc id="c1-desc">Three months</desc>');
    expect(svg).not.toMatch(/<script|style=|on\w+=/i);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('escapes every text (titles, labels, legend)', () => {
    const svg = barChartSvg({ ...base, labels: ['<b>'], title: 'A & B', desc: '"quoted"', series: [{ label: "x'<script>", values: [1], colour: '#000000' }, { label: 'y', values: [2], colour: '#FFFFFF' }] });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('&quot;quoted&quot;');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  it('stacks several series with a legend and writes each month total; bar heights are proportional', () => {
    const svg = barChartSvg({ ...base, title: 't', desc: 'd', series: [{ label: 'Access', values: [1, 0, 2], colour: '#0072B2' }, { label: 'Erasure', values: [1, 0, 3], colour: '#C05800' }] });
    const values = [...svg.matchAll(/<text class="value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(values).toEqual(['2', '0', '5']);
    const legend = [...svg.matchAll(/<text class="legend"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(legend).toEqual(['Access', 'Erasure']);
    const heights = [...svg.matchAll(/<rect class="bar"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    // Axis top is 5: 1 → 36, 2 → 72, 3 → 108 of 180.
    expect(heights).toEqual([36, 36, 72, 108]);
    expect(svg).toContain('<title>Mar, Erasure: 3</title>');
  });

  it('a month without data has no bar and a dash; a fixed maximum (100 %) is kept', () => {
    const svg = barChartSvg({ ...base, title: 't', desc: 'd', max: 100, series: [{ label: 'Share', values: [50, null, 100], colour: '#00785A' }] });
    const values = [...svg.matchAll(/<text class="value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(values).toEqual(['50', '–', '100']);
    expect([...svg.matchAll(/<rect class="bar"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]))).toEqual([90, 180]);
    expect(svg).not.toContain('class="legend"');
  });
});
