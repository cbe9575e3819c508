import { describe, expect, it } from 'vitest';
import { findProtectedTexts, readBibtexValue, toSentenceCase } from '../../../src/cite/sentence-case.js';

describe("a .bib title in sentence case, as APA 7 writes a work's title", () => {
  it('lowers the capitals of title case, keeping the first word and the first word after a colon', () => {
    expect(toSentenceCase('Energy Efficiency across Programming Languages: How Do Energy, Time, and Memory Relate?', [])).toBe(
      'Energy efficiency across programming languages: How do energy, time, and memory relate?',
    );
  });

  it('keeps acronyms, inner capitals, the pronoun I and what the .bib protects with braces', () => {
    const raw = '{Measuring {GPT-4} and {P}ython on the {NVIDIA H100}: What I Learned from JavaScript and ACM Papers}';
    const kept = findProtectedTexts(raw);
    expect(kept).toEqual(['GPT-4', 'P', 'NVIDIA H100']);
    expect(toSentenceCase('Measuring GPT-4 and Python on the NVIDIA H100: What I Learned from JavaScript and ACM Papers', kept)).toBe(
      'Measuring GPT-4 and Python on the NVIDIA H100: What I learned from JavaScript and ACM papers',
    );
  });

  it('protects a whole title written in double braces, and leaves a sentence-case title as it is', () => {
    const raw = '{{The Computer Language Benchmarks Game}}';
    expect(toSentenceCase('The Computer Language Benchmarks Game', findProtectedTexts(raw))).toBe('The Computer Language Benchmarks Game');
    expect(toSentenceCase('Ranking programming languages by energy efficiency', [])).toBe(
      'Ranking programming languages by energy efficiency',
    );
  });

  it('treats an accent as a letter, not a protection, and lowers hyphenated title-case words part by part', () => {
    expect(findProtectedTexts("{Energ{\\'i}a de los Lenguajes}")).toEqual([]);
    expect(toSentenceCase('Energy-Efficient Large-Scale Training', [])).toBe('Energy-efficient large-scale training');
  });

  it('reads a field value as written, over several lines and in quotes', () => {
    const text = '@article{a,\n  title = {A {B}\n  C},\n  note = "x {y} z",\n  year = 2017\n}';
    expect(readBibtexValue(text, 2, 11)).toBe('{A {B}\n  C}');
    expect(readBibtexValue(text, 4, 10)).toBe('"x {y} z"');
    expect(readBibtexValue(text, 5, 10)).toBe('2017');
    expect(findProtectedTexts('"x {y} z"')).toEqual(['y']);
  });
});
