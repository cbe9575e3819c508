import { describe, expect, it } from 'vitest';
import { compactSvg, roundNumbers } from '../../../src/charts/compact-svg.js';

const FONT = ' font-family="&quot;Source Sans 3&quot;, Arial, sans-serif"';

describe('compactSvg', () => {
  it('rounds coordinates to two decimals and leaves short numbers alone', () => {
    expect(roundNumbers('M48.89999999999998,0h810.126v-0.0001Z')).toBe('M48.9,0h810.13v0Z');
    expect(roundNumbers('translate(0.5,424.5)')).toBe('translate(0.5,424.5)');
  });

  it('never changes text, colours or ids, only geometry attributes', () => {
    const svg = `<svg width="10.12345"><text x="1.23456" fill="#123456"${FONT}>1.23456</text></svg>`;
    expect(compactSvg(svg)).toBe(`<svg${FONT} width="10.12"><text x="1.23" fill="#123456">1.23456</text></svg>`);
  });

  it('says a font that every text repeats once, on the root', () => {
    const svg = `<svg class="marks"><text${FONT}>a</text><g><text x="1"${FONT}>b</text></g></svg>`;
    expect(compactSvg(svg)).toBe(`<svg${FONT} class="marks"><text>a</text><g><text x="1">b</text></g></svg>`);
  });

  it('keeps each text its own font when the texts differ', () => {
    const svg = `<svg><text${FONT}>a</text><text font-family="serif">b</text><text>c</text></svg>`;
    expect(compactSvg(svg)).toBe(svg);
  });

  it('drops opacity="1", the default, but no other opacity', () => {
    expect(compactSvg('<svg><path opacity="1" d="M0,0"/><path opacity="0.5"/></svg>')).toBe(
      '<svg><path d="M0,0"/><path opacity="0.5"/></svg>',
    );
  });
});

describe('compactSvg drops what draws nothing', () => {
  it('removes empty elements that are display="none" and identity transforms, nothing else', () => {
    const svg =
      '<svg><g transform="translate(0,0)"><path class="foreground" d="" display="none"/><path d="M0,0h1"/></g><g display="none"><text>kept</text></g></svg>';
    expect(compactSvg(svg)).toBe('<svg><g><path d="M0,0h1"/></g><g display="none"><text>kept</text></g></svg>');
  });

  it('removes a zero-sized path unless it is stroked', () => {
    const svg = '<svg><path class="background" d="M0,0h0v0h0Z"/><path d="M0,0h0v0h0Z" stroke="#000"/></svg>';
    expect(compactSvg(svg)).toBe('<svg><path d="M0,0h0v0h0Z" stroke="#000"/></svg>');
  });
});
