import { describe, expect, it } from 'vitest';
import { spanishMessages } from '../../../src/errors/messages-es.js';
import { lineStartsOf, positionAt } from '../../../src/errors/locate.js';
import { formatFailure, formatProblem, listCauses } from '../../../src/errors/report.js';

describe('an internal failure', () => {
  const failure = new Error('the chart could not be drawn', {
    cause: new Error('vega failed', { cause: new Error('bad expression: datum.x +') }),
  });

  it('prints the chain of causes under its message, before the hint', () => {
    const text = formatFailure(failure);
    expect(text.split('\n')).toEqual([
      expect.stringContaining('error[internal] datadeck failed unexpectedly: the chart could not be drawn.'),
      '  caused by: vega failed',
      '  caused by: bad expression: datum.x +',
      expect.stringMatching(/^ {2}hint: /),
    ]);
  });

  it('says "causado por" to a Spanish user', () => {
    expect(formatFailure(failure, spanishMessages)).toContain('  causado por: vega failed');
  });

  it('stops at a cycle instead of looping', () => {
    const first = new Error('a');
    const second = new Error('b', { cause: first });
    Object.assign(first, { cause: second });
    expect(listCauses(first).map((cause) => (cause as Error).message)).toEqual(['b', 'a']);
  });
});

describe('a line and column from an offset in a file', () => {
  const text = 'ab\n\ncde\nf';
  const starts = lineStartsOf(text);

  it('finds the line of every offset, at line starts, ends, empty lines and the last line', () => {
    const at = (offset: number) => {
      const { line, column } = positionAt(starts, offset, 1);
      return `${line}:${column}`;
    };
    expect([0, 1, 2, 3, 4, 6, 7, 8].map(at)).toEqual(['1:1', '1:2', '1:3', '2:1', '3:1', '3:3', '3:4', '4:1']);
  });
});

describe('warnings quoting many lines of one file', () => {
  it('quotes each problem its own line of the file', () => {
    const texts = new Map([['refs.bib', '@misc{a,\n}\n@misc{b,\n}\n']]);
    const quoted = [1, 3].map((line) =>
      formatProblem({ code: 'reference', message: 'Unused.', hint: 'cite it', file: 'refs.bib', line, column: 7, length: 1 }, 'warning', {
        texts,
      }),
    );
    expect(quoted.map((text) => text.split('\n')[2])).toEqual(['  > 1 | @misc{a,', '  > 3 | @misc{b,']);
  });
});
