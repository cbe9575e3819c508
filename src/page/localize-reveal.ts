import type { DeckWords, RevealWords, SpeakerViewWords } from '../i18n/words.js';

/** The reveal.js release whose English text the anchors below copy; package.json pins exactly this version. */
export const REVEAL_VERSION = '6.0.2';

/** The words of one language as reveal's code receives them. */
interface Texts {
  readonly reveal: RevealWords;
  readonly speakerView: SpeakerViewWords;
  /** The speaker view's lang attribute. */
  readonly lang: string;
  /** The locale its clock is formatted in. */
  readonly clockLocale: string;
}

/** reveal.js 6.0.2's own English, exactly as its dist files write it. */
const SOURCE: Texts = {
  lang: 'en',
  clockLocale: 'en-US',
  reveal: {
    help: {
      title: 'Keyboard Shortcuts',
      key: 'KEY',
      action: 'ACTION',
      nextSlide: 'Next slide',
      previousSlide: 'Previous slide',
      navigateLeft: 'Navigate left',
      navigateRight: 'Navigate right',
      navigateUp: 'Navigate up',
      navigateDown: 'Navigate down',
      withoutFragments: 'Navigate without fragments',
      firstOrLastSlide: 'Jump to first/last slide',
      pause: 'Pause',
      fullscreen: 'Fullscreen',
      jumpToSlide: 'Jump to slide',
      overview: 'Slide overview',
      speakerView: 'Speaker notes view',
    },
    keys: { space: 'SPACE', shift: 'Shift' },
    resume: 'Resume presentation',
    controls: { previous: 'previous slide', next: 'next slide', above: 'above slide', below: 'below slide' },
    noNotes: 'No notes on this slide.',
    media: {
      play: 'Play media',
      playVideo: 'Play video',
      unmuteVideo: 'Unmute video',
      playAudio: 'Play audio',
      imageFailed: 'Unable to load image.',
      videoFailed: 'Unable to load video.',
    },
  },
  speakerView: {
    title: 'reveal.js - Speaker View',
    loading: 'Loading speaker view...',
    upcoming: 'Upcoming',
    time: 'Time',
    reset: 'Click to Reset',
    pacing: 'Pacing – Time to finish current slide',
    notes: 'Notes',
    layout: 'Layout',
    layouts: { default: 'Default', wide: 'Wide', tall: 'Tall', notesOnly: 'Notes only' },
    isClock12Hour: true,
    clockStart: '0:00 AM',
    crossOrigin: ['Cross origin error.', 'The speaker window can only be opened from the same origin.'],
    connectionFailed: ['Error connecting to main window.', 'Please try closing and reopening the speaker view.'],
    pacingTooShort: [
      'The pacing time for ',
      ' slide(s) is under the configured minimum of ',
      ' seconds. Check the data-timing attribute on individual slides, or consider increasing the totalTime or minimumTimePerSlide configuration options (or removing some slides).',
    ],
  },
};

// Each entry is a piece of reveal's code with its words as parameters: given SOURCE it is the exact text of the
// pinned release, given a catalogue it is its replacement. Anchors include enough code to occur exactly once.
const REVEAL_JS = (t: Texts): readonly string[] => {
  const { help, keys, controls, media } = t.reveal;
  return [
    `<p class="title">${help.title}</p>`,
    `<th>${help.key}</th><th>${help.action}</th>`,
    `this.shortcuts[\`&#8594;  ,  &#8595;  ,  ${keys.space}  ,  N  ,  L  ,  J\`]=\`${help.nextSlide}\``,
    `this.shortcuts[\`&#8592;  ,  &#8593;  ,  P  ,  H  ,  K\`]=\`${help.previousSlide}\``,
    `this.shortcuts[\`N  ,  ${keys.space}\`]=\`${help.nextSlide}\``,
    `this.shortcuts[\`P  ,  ${keys.shift} ${keys.space}\`]=\`${help.previousSlide}\``,
    `this.shortcuts[\`&#8592;  ,  H\`]=\`${help.navigateLeft}\``,
    `this.shortcuts[\`&#8594;  ,  L\`]=\`${help.navigateRight}\``,
    `this.shortcuts[\`&#8593;  ,  K\`]=\`${help.navigateUp}\``,
    `this.shortcuts[\`&#8595;  ,  J\`]=\`${help.navigateDown}\``,
    `this.shortcuts[\`Alt + &#8592;/&#8593/&#8594;/&#8595;\`]=\`${help.withoutFragments}\``,
    `this.shortcuts[\`${keys.shift} + &#8592;/&#8593/&#8594;/&#8595;\`]=\`${help.firstOrLastSlide}\``,
    `this.shortcuts[\`B  ,  .\`]=\`${help.pause}\``,
    `this.shortcuts.F=\`${help.fullscreen}\``,
    `this.shortcuts.G=\`${help.jumpToSlide}\``,
    `this.shortcuts[\`ESC, O\`]=\`${help.overview}\``,
    `this.jumpInput.placeholder=\`${help.jumpToSlide}\``,
    `<button class="resume-button">${t.reveal.resume}</button>`,
    `aria-label="\${e?\`${controls.next}\`:\`${controls.previous}\`}"`,
    `aria-label="\${e?\`${controls.previous}\`:\`${controls.next}\`}"`,
    `aria-label="${controls.above}"`,
    `aria-label="${controls.below}"`,
    `<span class="notes-placeholder">${t.reveal.noNotes}</span>`,
    `r=\`${media.play}\`;n>0?r=\`${media.playVideo}\`:t>0?r=\`${media.unmuteVideo}\`:e>0&&(r=\`${media.playAudio}\`)`,
    `>${media.imageFailed}<`,
    `>${media.videoFailed}<`,
  ];
};

const NOTES_JS = (t: Texts): readonly string[] => {
  const view = t.speakerView;
  return [
    `description:\`${t.reveal.help.speakerView}\``,
    `<html lang="${t.lang}">`,
    `<title>${view.title}</title>`,
    `<div id="connection-status">${view.loading}</div>`,
    `<span class="overlay-element label">${view.upcoming}</span>`,
    `<h4 class="label">${view.time} <span class="reset-button">${view.reset}</span></h4>`,
    `<span class="clock-value">${view.clockStart}</span>`,
    `<h4 class="label pacing-title" style="display: none">${view.pacing}</h4>`,
    `<h4 class="label">${view.notes}</h4>`,
    `'default': '${view.layouts.default}',`,
    `'wide': '${view.layouts.wide}',`,
    `'tall': '${view.layouts.tall}',`,
    `'notes-only': '${view.layouts.notesOnly}'`,
    `connectionStatus.innerHTML = '${view.crossOrigin[0]}<br>${view.crossOrigin[1]}';`,
    `connectionStatus.innerHTML = '${view.connectionFailed[0]}<br>${view.connectionFailed[1]}';`,
    `message = "${view.pacingTooShort[0]}" + slidesUnderMinimum + "${view.pacingTooShort[1]}" + minTimePerSlide + "${view.pacingTooShort[2]}";`,
    `toLocaleTimeString( '${t.clockLocale}', { hour12: ${String(view.isClock12Hour)}, hour: '2-digit', minute:'2-digit' } )`,
    `layoutLabel.innerHTML = '${view.layout}' + ( title ? ( ': ' + title ) : '' );`,
  ];
};

export interface RevealCode {
  readonly revealJs: string;
  readonly notesJs: string;
}

/**
 * reveal.js and its notes plugin speaking the deck's language. reveal has no API for most of its screens' words (the
 * speaker view is one fixed page it document.write()s), so its code is rewritten here, at build time. Every anchor
 * must be found exactly once: a reveal.js upgrade that changes one fails the build instead of bringing English back.
 */
export function localizeReveal(code: RevealCode, words: DeckWords, locale: string): RevealCode {
  if (
    lastLocalized?.code.revealJs === code.revealJs &&
    lastLocalized.code.notesJs === code.notesJs &&
    lastLocalized.words === words &&
    lastLocalized.locale === locale
  )
    return lastLocalized.result;
  checkRevealWords(words);
  // The locale is set into a lang="" attribute and a JS string: validate.ts allows only "es", "es-EC" and the like.
  if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(locale))
    throw new Error(`the locale ${JSON.stringify(locale)} is not a language code such as es or es-EC`);
  const texts: Texts = { reveal: words.reveal, speakerView: words.speakerView, lang: locale, clockLocale: locale };
  const result = {
    revealJs: replaceAnchors({ source: code.revealJs, file: 'reveal.js', from: REVEAL_JS(SOURCE), to: REVEAL_JS(texts) }),
    notesJs: replaceAnchors({ source: code.notesJs, file: 'plugin/notes.js', from: NOTES_JS(SOURCE), to: NOTES_JS(texts) }),
  };
  lastLocalized = { code, words, locale, result };
  return result;
}

// The dev server rebuilds with the same reveal.js and words on every save.
let lastLocalized:
  | { readonly code: RevealCode; readonly words: DeckWords; readonly locale: string; readonly result: RevealCode }
  | undefined;

/** Every text a catalogue gives reveal, to check it is plain (see RevealWords). */
export function listRevealWords(words: DeckWords): string[] {
  const { isClock12Hour: _, ...speakerView } = words.speakerView;
  return collectStrings({ reveal: words.reveal, speakerView });
}

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(collectStrings);
  return [];
}

const UNSAFE = /[`\\$<>&"']/;

function replaceAnchors(input: { source: string; file: string; from: readonly string[]; to: readonly string[] }): string {
  const { source, file } = input;
  const edits = input.from.map((anchor, index) => {
    const at = source.indexOf(anchor);
    const isOnce = at >= 0 && source.indexOf(anchor, at + 1) < 0;
    if (!isOnce) {
      const count = at < 0 ? 0 : source.split(anchor).length - 1;
      throw new Error(
        `reveal.js ${REVEAL_VERSION}'s text ${JSON.stringify(anchor)} occurs ${count} times in ${file}, not once: the installed reveal.js is not the release datadeck translates; pin reveal.js ${REVEAL_VERSION} or update src/page/localize-reveal.ts`,
      );
    }
    return { at, length: anchor.length, text: input.to[index] ?? anchor };
  });
  const ordered = [...edits].sort((a, b) => a.at - b.at);
  ordered.forEach((edit, index) => {
    const next = ordered[index + 1];
    if (next !== undefined && edit.at + edit.length > next.at)
      throw new Error(`two of datadeck's anchors overlap in ${file} at ${next.at}: src/page/localize-reveal.ts needs fixing`);
  });
  // One pass over the source, joined once: the files are 70–120 kB and there are ~40 edits.
  const pieces: string[] = [];
  let cursor = 0;
  for (const edit of ordered) {
    pieces.push(source.slice(cursor, edit.at), edit.text);
    cursor = edit.at + edit.length;
  }
  pieces.push(source.slice(cursor));
  return pieces.join('');
}

/** A catalogue string that would break the code it is set into (a quote, a tag, a template's ${) fails the build. */
export function checkRevealWords(words: DeckWords): void {
  const unsafe = listRevealWords(words).find((text) => UNSAFE.test(text));
  if (unsafe !== undefined)
    throw new Error(`the deck words ${JSON.stringify(unsafe)} contain one of \` \\ $ < > & " ': reveal's screens take plain text`);
}
