import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckError } from '../../../src/errors/deck-error.js';
import { messages } from '../../../src/errors/messages.js';
import { createBuildOptions } from '../../../src/options.js';
import { loadProject, loadsFromNetwork } from '../../../src/stages/load.js';
import { ROOT, readDefaultText } from '../../helpers.js';

/** A copy of templates/ with one extra theme, and a data file that asks for it. */
function projectWithTheme(name: string, css: string) {
  const dir = mkdtempSync(join(tmpdir(), 'datadeck-theme-'));
  const templatesDir = join(dir, 'templates');
  cpSync(`${ROOT}templates`, templatesDir, { recursive: true });
  writeFileSync(join(templatesDir, 'themes', `${name}.css`), css);
  const dataFile = join(dir, 'deck.yaml');
  writeFileSync(dataFile, readDefaultText().replace('theme: aula', `theme: ${name}`));
  return createBuildOptions({ dataFile, templatesDir, outDir: join(dir, 'dist') });
}

async function loadError(options: ReturnType<typeof createBuildOptions>): Promise<DeckError> {
  try {
    await loadProject(options);
  } catch (error) {
    if (error instanceof DeckError) return error;
    throw error;
  }
  throw new Error('loadProject accepted the project');
}

describe('themes work offline or are refused', () => {
  it('recognises CSS that would fetch from the network', () => {
    expect(loadsFromNetwork('@import "https://fonts.googleapis.com/css?family=Lato";')).toBe(true);
    expect(loadsFromNetwork("@import url('//fonts.example.com/a.css');")).toBe(true);
    expect(loadsFromNetwork('@font-face { src: url(https://example.com/font.woff2) }')).toBe(true);
    expect(loadsFromNetwork('@font-face { src: url(data:font/woff2;base64,AAAA) } :root { --x: 1 }')).toBe(false);
  });

  it('refuses a theme that @imports web fonts, listing the themes that work offline', async () => {
    const error = await loadError(projectWithTheme('web', '@import "https://fonts.googleapis.com/css?family=Lato";\n.reveal { color: red }'));
    expect(error.problems).toMatchObject([{ code: 'theme', ...messages.onlineTheme('web', ['aula']), dataPath: ['meta', 'theme'] }]);
    expect(error.problems[0]?.line).toBeGreaterThan(0);
  });

  it('accepts a theme dropped into templates/themes/', async () => {
    const project = await loadProject(projectWithTheme('oscuro', '.reveal { color: white }'));
    expect(project.assets.themeName).toBe('oscuro');
    expect(project.assets.themeCss).toContain('.reveal { color: white }');
  });
});
