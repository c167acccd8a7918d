import type { Page } from 'playwright-core';

/** What is wrong with a page's layout at one viewport width; empty when it holds its shape. */
export interface LayoutProblems {
  /** The page is wider than the viewport: how much, and the outermost elements that stick out. */
  overflow: { scrollWidth: number; clientWidth: number; elements: string[] } | null;
  /** Pairs of text boxes drawn over each other (by more than `LAYOUT_TOLERANCE_PX` both ways). */
  overlaps: string[];
}

/** How far two text boxes may touch (anti-aliasing, tight line heights) before it counts as overlapping. */
export const LAYOUT_TOLERANCE_PX = 2;

/**
 * Runs in the page (JavaScript off only stops the page's own scripts; Playwright's
 * evaluate still runs). A string, because the tests compile without the DOM library.
 *
 * Overflow: the document scrolls sideways (`scrollWidth > clientWidth`); the elements
 * named are the outermost ones whose right edge passes the viewport and that no
 * scrolling or clipping box contains (a wide table in a `.table-wrap` scrolls on its own:
 * not overflow).
 *
 * Overlap: the text boxes are the line boxes of every visible text node (a Range's client
 * rectangles: the glyphs' lines, not the element's box, so a wide block beside a float is
 * no false positive), each cut to the boxes that clip it (overflow other than visible).
 * Left out on purpose: text that is not drawn (display none, visibility hidden, opacity 0,
 * inside a closed <details> other than its summary, <option>, SVG <title>/<desc>), text
 * clipped away (`clip`, `clip-path`, the visually-hidden pattern) and boxes narrower or
 * lower than the tolerance. Two boxes of one text node never count (its own lines).
 */
const CHECK = `(() => {
  const TOL = ${LAYOUT_TOLERANCE_PX};
  const doc = document.documentElement;
  const vw = doc.clientWidth;
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean).slice(0, 3) : [];
    if (cls.length) s += '.' + cls.join('.');
    const parent = el.parentElement;
    const where = parent && parent !== document.body ? (parent.id ? parent.tagName.toLowerCase() + '#' + parent.id : parent.tagName.toLowerCase()) + ' > ' : '';
    const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
    return where + s + (text ? ' "' + text + '"' : '');
  };
  const clips = (s) => s.overflowX !== 'visible' || s.overflowY !== 'visible';
  const clipCache = new Map();
  /** The rectangle an element's content can be seen in (viewport coordinates), or null when clipped away. */
  const visibleArea = (el) => {
    if (clipCache.has(el)) return clipCache.get(el);
    let area = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
    const parent = el.parentElement;
    if (parent) area = visibleArea(parent);
    const s = getComputedStyle(el);
    if (area && ((s.clip !== 'auto' && s.clip !== '') || s.clipPath !== 'none')) area = null;
    if (area && clips(s) && el !== doc && el !== document.body) {
      const r = el.getBoundingClientRect();
      area = { left: Math.max(area.left, r.left), top: Math.max(area.top, r.top), right: Math.min(area.right, r.right), bottom: Math.min(area.bottom, r.bottom) };
      if (area.right - area.left <= TOL || area.bottom - area.top <= TOL) area = null;
    }
    clipCache.set(el, area);
    return area;
  };
  const goneCache = new Map();
  /** Not drawn at all: display none or opacity 0 on the element or an ancestor. */
  const gone = (el) => {
    if (!el) return false;
    if (goneCache.has(el)) return goneCache.get(el);
    const s = getComputedStyle(el);
    const v = s.display === 'none' || s.opacity === '0' || gone(el.parentElement);
    goneCache.set(el, v);
    return v;
  };
  const hidden = (el) => {
    if (el.closest('option, title, desc, script, style, noscript, template')) return true;
    const closed = el.closest('details:not([open])');
    if (closed && !el.closest('summary')) return true;
    return gone(el) || getComputedStyle(el).visibility !== 'visible';
  };

  let overflow = null;
  if (doc.scrollWidth > vw) {
    const out = [];
    const walk = (el) => {
      for (const child of el.children) {
        const s = getComputedStyle(child);
        if (s.display === 'none') continue;
        const r = child.getBoundingClientRect();
        if (r.right > vw + 1 && r.width > 0) {
          // The outermost element that sticks out; a clipping or scrolling box contains its content.
          out.push(name(child));
          continue;
        }
        if (clips(s)) continue;
        // A word too long for its box sticks out as text, its element inside the page.
        for (const t of child.childNodes) {
          if (t.nodeType !== 3 || !t.nodeValue.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(t);
          if (range.getBoundingClientRect().right > vw + 1) { out.push('the text of ' + name(child)); break; }
        }
        walk(child);
      }
    };
    walk(document.body);
    if (!out.length) {
      // Nothing sticks out of the boxes walked: name the element whose right edge is the page's width (say an
      // absolutely positioned one inside a scrolling box, placed against the page and so not clipped by it).
      let edge = null;
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (Math.abs(r.right + window.scrollX - doc.scrollWidth) <= 1.5) edge = el;
      }
      if (edge) out.push(name(edge) + ' (' + getComputedStyle(edge).position + ')');
    }
    overflow = { scrollWidth: doc.scrollWidth, clientWidth: vw, elements: out.slice(0, 5) };
  }

  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node, id = 0;
  while ((node = walker.nextNode())) {
    if (!node.nodeValue || !node.nodeValue.trim()) continue;
    const el = node.parentElement;
    if (!el || hidden(el)) continue;
    const area = visibleArea(el);
    if (!area) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    id++;
    for (const r of range.getClientRects()) {
      const b = { id, el, left: Math.max(r.left, area.left), top: Math.max(r.top, area.top), right: Math.min(r.right, area.right), bottom: Math.min(r.bottom, area.bottom) };
      if (b.right - b.left > TOL && b.bottom - b.top > TOL) boxes.push(b);
    }
  }
  boxes.sort((a, b) => a.top - b.top);
  const overlaps = [];
  const seen = new Set();
  for (let i = 0; i < boxes.length && overlaps.length < 10; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].top < a.bottom - TOL; j++) {
      const b = boxes[j];
      if (a.id === b.id) continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > TOL && h > TOL) {
        const key = a.id + ':' + b.id;
        if (seen.has(key)) continue;
        seen.add(key);
        overlaps.push(name(a.el) + ' overlaps ' + name(b.el) + ' (' + Math.round(w) + 'x' + Math.round(h) + ' px)');
      }
    }
  }
  return { overflow, overlaps };
})()`;

/** The page's layout problems at its current viewport. */
export function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate<LayoutProblems>(CHECK);
}

/**
 * `<code>` elements that repeat the words just before them ("not required <code>not-required</code>",
 * "client (<code>client</code>)"), compared without case, hyphens or underscores; with `allowTagged`,
 * those in a `.code-tag` (a register's page and its edit page show each code beside its words so).
 */
export function repeatedCodes(page: Page, allowTagged: boolean): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const norm = (s) => s.toLowerCase().replace(/[-_]+/g, ' ').replace(/[^\\p{L}\\p{N} ]+/gu, ' ').replace(/\\s+/g, ' ').trim();
    const found = [];
    for (const code of document.querySelectorAll('main code')) {
      if (${allowTagged} && code.closest('.code-tag')) continue;
      const own = norm(code.textContent || '');
      if (!own) continue;
      // The text before the code in its block: its parent's text up to the code (the code-tag wrapper's parent when wrapped).
      const host = code.closest('.code-tag') || code;
      const block = host.parentElement;
      if (!block) continue;
      const range = document.createRange();
      range.setStart(block, 0);
      range.setEndBefore(host);
      const before = norm(range.toString());
      if (before === own || before.endsWith(' ' + own)) found.push(own + ' after "' + range.toString().replace(/\\s+/g, ' ').trim().slice(-60) + '"');
    }
    return found;
  })()`);
}
