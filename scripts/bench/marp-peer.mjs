// The first-slide peer: Marp CLI's HTML output of the default deck's first slides, fetched on demand.
// Marp CLI is not a dependency of datadeck: the bench installs one pinned version into .bench/peers/marp
// (git-ignored) the first time it runs, and says why the row is missing when npm cannot fetch it (offline).
//
// The Markdown below is the default deck's opening as Marp would write it: the title slide (institution, the
// title, the subtitle, author · course · date, as in data/deck.yaml), then three content slides with the same
// text as slides 2-4 (a heading and two paragraphs; a lead, two terms and a takeaway; a lead and four items).
// Marp's default theme and bespoke template, --html off: the page Marp users get by default.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MARP_CLI_VERSION = '4.5.1';

const MARKDOWN = `---
marp: true
lang: es
title: Costos relacionados a los modelos de lenguaje
---

<!-- _class: lead -->

Escuela Politécnica Nacional

# Costos relacionados a los modelos de lenguaje

Actividad extracurricular 04

Luis Alexander Lema Delgado · GR1CC · 2 de noviembre de 2025

---

## Investigación sobre Modelos de Lenguaje Comerciales

En esta parte se investigaron algunas características sobre distintos modelos de lenguaje comerciales actuales, como ChatGPT, Claude, Gemini, Llama y Mistral.

El objetivo es comparar qué tipo de hardware utilizan, cuánto cuestan, el tiempo que tardan en entrenarse y su consumo de energía.

---

## ¿Qué es inferencia y entrenamiento?

Primero es importante entender la diferencia entre entrenamiento e inferencia.

**Entrenamiento:** es la etapa en la que el modelo aprende a partir de una gran cantidad de texto.

**Inferencia:** ocurre cuando el modelo ya entrenado genera respuestas a partir de una entrada.

**En pocas palabras:** el entrenamiento es el proceso de aprendizaje, mientras que la inferencia es la aplicación de lo aprendido.

---

## Aspectos a comparar

Para cada modelo se consideraron los siguientes puntos:

1. Tipo de GPU utilizada.
2. Costo total del hardware (precio de una GPU por el número de unidades).
3. Tiempo aproximado de entrenamiento.
4. Consumo energético tanto en el entrenamiento como en la inferencia.
`;

/**
 * Installs Marp CLI into `<benchDir>/peers/marp` when it is not there, writes the Markdown and converts it.
 * Resolves with the HTML file's path, or with `skipped` saying why (npm offline, conversion failed).
 */
export function prepareMarpPeer(benchDir) {
  const prefix = join(benchDir, 'peers', 'marp');
  const bin = join(prefix, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
  const versionFile = join(prefix, 'node_modules', '@marp-team', 'marp-cli', 'package.json');
  try {
    if (!existsSync(bin) || !existsSync(versionFile) || !isPinnedVersion(versionFile)) {
      mkdirSync(prefix, { recursive: true });
      // --ignore-scripts: nothing to build, and Marp's browser-based exports (PDF, images) are not used here.
      execFileSync(
        'npm',
        ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--ignore-scripts', `@marp-team/marp-cli@${MARP_CLI_VERSION}`],
        { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 180_000 },
      );
    }
  } catch (error) {
    return { skipped: `npm could not install @marp-team/marp-cli@${MARP_CLI_VERSION} (${firstLine(error)})` };
  }
  const markdown = join(prefix, 'deck.md');
  const html = join(prefix, 'deck.html');
  writeFileSync(markdown, MARKDOWN);
  try {
    execFileSync(process.execPath, [bin, '--no-stdin', '--no-config-file', markdown, '-o', html], {
      cwd: prefix,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 120_000,
    });
  } catch (error) {
    return { skipped: `marp could not convert the Markdown (${firstLine(error)})` };
  }
  return { html, version: MARP_CLI_VERSION, slides: 4 };
}

function isPinnedVersion(file) {
  return JSON.parse(readFileSync(file, 'utf8')).version === MARP_CLI_VERSION;
}

function firstLine(error) {
  const text = String(error?.stderr || error?.message || error);
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('npm warn')) ?? 'no message'
  );
}
