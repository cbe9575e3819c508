import { describe, expect, it } from 'vitest';
import { spanishMessages } from '../../../src/errors/messages-es.js';
import { formatFailure, listCauses } from '../../../src/errors/report.js';

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
