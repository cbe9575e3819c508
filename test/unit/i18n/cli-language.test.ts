import { describe, expect, it } from 'vitest';
import { spanishMessages } from '../../../src/errors/messages-es.js';
import { messages, translateMessage, type MessageCatalogue } from '../../../src/errors/messages.js';
import { formatFailure } from '../../../src/errors/report.js';
import { DeckError } from '../../../src/errors/deck-error.js';
import { chooseCliLanguage, findMessages } from '../../../src/i18n/cli-language.js';
import { formatRebuildLine } from '../../../src/dev/describe-changes.js';
import { HELPER_NAMES } from '../../../src/data/sentences.js';

const choose = (env: Record<string, string>, flag?: string) => {
  const chosen = chooseCliLanguage({ flag, env });
  return 'language' in chosen ? chosen.language : chosen.problem.message;
};

describe("the CLI's language", () => {
  it('is Spanish on a Spanish system, whatever the region or encoding', () => {
    for (const LANG of ['es_EC.UTF-8', 'es_ES', 'es', 'es_MX.utf8', 'es_ES@euro']) expect(choose({ LANG }), LANG).toBe('es');
  });

  it('is English on any other system, and with no language set', () => {
    for (const LANG of ['en_US.UTF-8', 'C.UTF-8', 'C', 'POSIX', 'fr_FR.UTF-8', 'pt_BR.UTF-8', 'estonian'])
      expect(choose({ LANG }), LANG).toBe('en');
    expect(choose({})).toBe('en');
  });

  it('reads LC_ALL before LC_MESSAGES before LANG, and skips an empty one, as POSIX does', () => {
    expect(choose({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'es_ES.UTF-8', LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(choose({ LC_ALL: 'es_CO.UTF-8', LANG: 'en_US.UTF-8' })).toBe('es');
    expect(choose({ LC_MESSAGES: 'es_PE.UTF-8', LANG: 'en_US.UTF-8' })).toBe('es');
    expect(choose({ LC_ALL: '', LC_MESSAGES: '', LANG: 'es_AR.UTF-8' })).toBe('es');
  });

  it('follows --lang over the system, and refuses a language it does not speak', () => {
    expect(choose({ LANG: 'en_US.UTF-8' }, 'es')).toBe('es');
    expect(choose({ LC_ALL: 'es_ES.UTF-8' }, 'en')).toBe('en');
    expect(choose({}, 'ES')).toBe('es');
    expect(choose({}, 'fr')).toBe(messages.badCliLanguage('fr', ['es', 'en']).message);
  });
});

describe('the Spanish catalogue', () => {
  it('must have every sentence of the English one: a missing entry does not typecheck', () => {
    const { help: _help, ...withoutHelp } = spanishMessages;
    // @ts-expect-error a catalogue without one of the English entries is not a MessageCatalogue
    const incomplete: MessageCatalogue = withoutHelp;
    expect(Object.keys(incomplete)).not.toContain('help');
    expect(Object.keys(spanishMessages).sort()).toEqual(Object.keys(messages).sort());
  });

  it('documents every option of --help', () => {
    const options = (help: string) => [...new Set(help.match(/--[a-z]+/g))].sort();
    expect(options(spanishMessages.help())).toEqual(options(messages.help()));
  });

  it('says a problem again in Spanish from the entry that made it', () => {
    const problem = { code: 'schema' as const, ...messages.expectedWholeNumber('diez mil') };
    expect(translateMessage(problem, spanishMessages)).toMatchObject(spanishMessages.expectedWholeNumber('diez mil'));
    expect(translateMessage(problem, findMessages('en'))).toMatchObject(messages.expectedWholeNumber('diez mil'));
  });

  it("keeps --strict's note in Spanish, and leaves a sentence a stage rewrote as it is rather than lose a part", () => {
    const warning = messages.formulaMismatch({ row: 'A', field: 'f', formula: 'x * 2', computed: '4', given: '5' });
    const strict = translateMessage({ ...warning, hint: messages.strictHint(warning.hint) }, spanishMessages);
    expect(strict.hint).toBe(
      spanishMessages.strictHint(
        spanishMessages.formulaMismatch({ row: 'A', field: 'f', formula: 'x * 2', computed: '4', given: '5' }).hint,
      ),
    );
    const rewritten = translateMessage({ ...warning, message: 'something else' }, spanishMessages);
    expect(rewritten.message).toBe('something else');
  });

  it('reports an error in Spanish: the words of the report too', () => {
    const report = formatFailure(
      new DeckError([
        { code: 'usage', ...messages.unknownCommand('x', ['build']) },
        { code: 'usage', ...messages.notesNotPublic() },
      ]),
      spanishMessages,
    );
    expect(report).toContain('Comando desconocido: "x"');
    expect(report).toContain('  sugerencia: ');
    expect(report).toContain('Se encontraron 2 problemas; no se escribió nada.');
    expect(report).not.toMatch(/hint|Unknown|found/);
  });

  it("gives the dev server's rebuild line in Spanish", () => {
    const changes = [
      { path: ['rows', 4, 'units'], before: 2000, after: 2400 },
      { path: ['meta', 'title'], before: 'a', after: undefined },
      { path: ['rows', 0, 'name'], before: undefined, after: 'x' },
    ];
    expect(formatRebuildLine({ changes: changes.slice(0, 1), files: [], slideCount: 2, chartCount: 1, ms: 18.4 }, spanishMessages)).toBe(
      'rows[4].units 2000 → 2400 · 2 diapositivas, 1 gráfico · 18 ms',
    );
    expect(formatRebuildLine({ changes, files: [], slideCount: 1, chartCount: 0, ms: 9 }, spanishMessages)).toBe(
      '3 cambios: rows[4].units 2000 → 2400, meta.title eliminado, … · 1 diapositiva · 9 ms',
    );
    expect(formatRebuildLine({ changes: [], files: [], slideCount: 0, chartCount: 0, ms: 9 }, spanishMessages)).toBe('sin cambios · 9 ms');
  });

  it("writes every sentence helper's usage in Spanish, and datadeck's own details too", () => {
    for (const helper of HELPER_NAMES)
      expect(spanishMessages.helperArguments(helper, 'the English usage').hint, helper).not.toContain('the English usage');
    expect(spanishMessages.fileUnreadable('x', 'it is a folder').message).toBe('No se puede leer x: es una carpeta.');
    expect(spanishMessages.keyNotShown('columns', 'text', 'table').message).toContain('no muestra ninguna tabla');
    expect(spanishMessages.template('t.hbs', 'The partial notes could not be found').message).toBe(
      'La plantilla t.hbs falló: no se encuentra el parcial notes',
    );
  });
});
