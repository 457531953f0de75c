// Drives code-server (a real VS Code) from headless Chromium with playwright-core and checks the
// PaperLsp extension end to end. Called by run.sh:
//   node drive.mjs --url URL --workspace DIR --scenario scenario.json --artifacts DIR [--images DIR] [--client-only]
// Exit code 0 when every check passed; otherwise the first failure is printed, with a screenshot.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    workspace: { type: 'string' },
    scenario: { type: 'string' },
    artifacts: { type: 'string' },
    images: { type: 'string' },
    'client-only': { type: 'boolean', default: false },
    'expect-no-server': { type: 'boolean', default: false },
  },
});
const scenario = JSON.parse(readFileSync(options.scenario, 'utf8'));
const clientOnly = options['client-only'];
const artifacts = options.artifacts;
mkdirSync(artifacts, { recursive: true });
if (options.images) mkdirSync(options.images, { recursive: true });

const t0 = Date.now();
const log = (...a) => console.error(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const checks = [];

class CheckFailed extends Error {}
const fail = message => {
  throw new CheckFailed(message);
};

const profile = join(artifacts, 'chrome-profile');
rmSync(profile, { recursive: true, force: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  env: { ...process.env, XDG_CONFIG_HOME: join(profile, 'xdg-config'), XDG_CACHE_HOME: join(profile, 'xdg-cache') },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-crash-reporter', '--disable-breakpad'],
});
const page = context.pages()[0] ?? (await context.newPage());

const editor = page.locator('.editor-instance .monaco-editor').first();
const statusBar = page.locator('.part.statusbar');
const normalize = text => text.replace(/\u00a0/g, ' ');

async function check(name, body) {
  log(`… ${name}`);
  await body();
  checks.push(name);
  log(`ok ${name}`);
}

async function notifications() {
  return page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts().catch(() => []);
}

/** The editor's lines, top to bottom. */
async function editorLines() {
  return editor.locator('.view-lines .view-line').evaluateAll(lines =>
    lines
      .map(line => ({ top: parseFloat(line.style.top || '0'), text: line.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map(line => line.text),
  ).then(lines => lines.map(normalize));
}

/** Colour of the token `text`: an exact token first, else one that starts with it, else one that contains it. */
async function tokenColour(text) {
  const tokens = await editor.locator('.view-lines .view-line span > span').evaluateAll(spans =>
    spans.map(s => ({ text: (s.textContent ?? '').replace(/\u00a0/g, ' '), colour: getComputedStyle(s).color })));
  const token = tokens.find(t => t.text === text) ?? tokens.find(t => t.text.startsWith(text)) ?? tokens.find(t => t.text.includes(text));
  if (!token) fail(`no token ${JSON.stringify(text)} in the editor`);
  return token.colour;
}

async function serverFailureMessage() {
  const texts = await notifications();
  return texts.find(t => /PaperLsp/.test(t) && /not found|could not be started|needs the \.NET|does not exist|couldn't create connection|will not be restarted|crashed/.test(t));
}

let exitCode = 0;
try {
  await check('workbench shows the workspace folder', async () => {
    await page.goto(`${options.url.replace(/\/$/, '')}/?folder=${encodeURIComponent(options.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  });

  await check(`opens ${scenario.file}`, async () => {
    const base = scenario.file.split('/').pop();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.locator('.monaco-workbench').click({ position: { x: 640, y: 400 } }).catch(() => {});
      await page.keyboard.press('Control+P');
      try {
        await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 5000 });
        await page.keyboard.type(scenario.file, { delay: 20 });
        await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${base}"]`, { timeout: 10000 });
        await page.keyboard.press('Enter');
        await page.waitForSelector(`.tabs-container .tab[aria-label*="${base}"]`, { timeout: 10000 });
        break;
      } catch (error) {
        log(`quick open attempt ${attempt} failed: ${String(error.message).split('\n')[0]}`);
        await page.keyboard.press('Escape').catch(() => {});
        if (attempt === 5) fail(`could not open ${scenario.file}`);
        await page.waitForTimeout(1000);
      }
    }
    await editor.locator('.view-lines .view-line').first().waitFor({ timeout: 20000 });
  });

  await check('language mode is "Paper Notes"', async () => {
    const mode = page.locator('[id="status.editor.mode"]');
    await mode.waitFor({ timeout: 20000 });
    await page.waitForFunction(() => document.getElementById('status.editor.mode')?.textContent?.includes('Paper Notes'), null, { timeout: 20000 })
      .catch(async () => fail(`language mode shows ${JSON.stringify(await mode.innerText())}, not "Paper Notes"`));
  });

  await check('the grammar colours comments, headings, @paper, fields and references', async () => {
    // Tokenization is asynchronous: wait until the @paper keyword has its own token.
    await page.waitForFunction(() => [...document.querySelectorAll('.editor-instance .view-line span > span')].some(s => s.textContent === '@paper'), null, { timeout: 20000 })
      .catch(() => fail('the @paper entry header is not a token of its own: the grammar did not load'));
    // The scenario names a run of plain prose and one token of each construct, as they appear in its notes file.
    const { prose: proseText, ...coloured } = scenario.grammar;
    const prose = await tokenColour(proseText);
    const same = [];
    for (const [what, text] of Object.entries(coloured)) {
      if ((await tokenColour(text)) === prose) same.push(what);
    }
    if (same.length > 0) fail(`these have the colour of plain prose (${prose}): ${same.join(', ')}`);
  });
  await page.screenshot({ path: join(artifacts, 'grammar.png') });

  if (clientOnly) {
    if (options['expect-no-server']) {
      await check('without a server: one clear error, no crash', async () => {
        let message;
        for (let i = 0; i < 60 && !message; i++) {
          message = await serverFailureMessage();
          if (!message) await page.waitForTimeout(500);
        }
        if (!message) fail(`no PaperLsp error notification; notifications: ${JSON.stringify(await notifications())}`);
        log('notification:', message);
        await statusBar.locator('.statusbar-item', { hasText: 'PaperLsp' }).first().waitFor({ timeout: 10000 });
      });
    }
  } else {
    await check('the server loads the collection (status bar: N papers)', async () => {
      const papers = statusBar.locator('.statusbar-item', { hasText: /\d[\d,]* papers?\b/ }).first();
      for (let i = 0; i < 120; i++) {
        if (await papers.isVisible().catch(() => false)) return;
        const failure = await serverFailureMessage();
        if (failure) fail(`the PaperLsp server did not start: ${failure}`);
        await page.waitForTimeout(500);
      }
      fail(`no "N papers" status bar item after 60 s; status bar: ${normalize(await statusBar.innerText())}`);
    });

    await check(`diagnostics arrive (Problems count >= ${scenario.minProblems})`, async () => {
      const problems = page.locator('[id="status.problems"]');
      let total = 0;
      for (let i = 0; i < 60; i++) {
        const text = await problems.innerText().catch(() => '');
        total = (text.match(/\d+/g) ?? []).map(Number).reduce((a, b) => a + b, 0);
        if (total >= scenario.minProblems) return;
        await page.waitForTimeout(500);
      }
      fail(`the Problems count stayed at ${total}`);
    });

    await check(`completion offers and inserts [[${scenario.title}]]`, async () => {
      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('[[', { delay: 50 });
      await page.keyboard.type(scenario.type, { delay: 60 });
      const row = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row', { hasText: scenario.title }).first();
      if (!(await row.isVisible().catch(() => false))) {
        await row.waitFor({ timeout: 8000 }).catch(async () => {
          await page.keyboard.press('Control+Space');
          await row.waitFor({ timeout: 15000 }).catch(() => fail(`"${scenario.title}" is not in the suggestions after typing [[${scenario.type}`));
        });
      }
      await page.waitForTimeout(500); // let the details pane render for the picture
      if (options.images) await page.screenshot({ path: join(options.images, 'completion.png') });
      await row.click();
      await page.waitForTimeout(500);
      const lines = await editorLines();
      const line = lines.findLast(l => l.includes(`[[${scenario.title}`)); // the line just typed, at the end
      if (line?.trim() !== `[[${scenario.title}]]`) fail(`after accepting, the line reads ${JSON.stringify(line ?? lines.at(-1))}, not "[[${scenario.title}]]"`);
    });

    await check('hover on a reference shows its abstract', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Home'); // the reference may be scrolled out of view; only visible lines are in the DOM
      const token = editor.locator('.view-lines .view-line span > span', { hasText: scenario.hoverText }).first();
      const hover = page.locator('.monaco-hover', { hasText: scenario.abstractSnippet }).first();
      for (let attempt = 1; attempt <= 3; attempt++) {
        await page.mouse.move(5, 5);
        await token.hover();
        if (await hover.waitFor({ state: 'visible', timeout: 8000 }).then(() => true, () => false)) break;
        if (attempt === 3) {
          const shown = await page.locator('.monaco-hover').allInnerTexts().catch(() => []);
          fail(`no hover containing "${scenario.abstractSnippet}"; hovers: ${JSON.stringify(shown)}`);
        }
      }
      await page.waitForTimeout(300);
      if (options.images) await page.screenshot({ path: join(options.images, 'hover.png') });
    });

    await check('"Insert paper reference…" searches the server and inserts [[Title]]', async () => {
      const expected = `[[${scenario.title}]]`;
      // Counted with the end of the file in view (only the lines in view are in the DOM), after the view has settled.
      const count = async () => {
        await page.keyboard.press('Control+End');
        await page.waitForTimeout(400);
        return (await editorLines()).filter(l => l.trim() === expected).length;
      };
      await page.mouse.move(5, 5);
      await editor.locator('.view-lines').click();
      const before = await count();
      await page.keyboard.press('Enter');
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 5000 });
      await page.keyboard.type('PaperLsp: Insert Paper Reference', { delay: 20 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Insert Paper Reference' }).first().waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Insert paper reference' }).waitFor({ timeout: 10000 });
      await page.keyboard.type(scenario.type, { delay: 40 });
      // The picker first lists the collection in order (the empty query), where the title may already be; clicking it
      // there can race the typed query's results replacing the list. Its ranked results put the title first: wait for that.
      const row = page.locator('.quick-input-list .monaco-list-row[data-index="0"]', { hasText: scenario.title });
      await row.waitFor({ timeout: 10000 }).catch(() => fail(`"${scenario.title}" is not the first paperlsp/searchPapers result for "${scenario.type}"`));
      await page.waitForTimeout(300);
      await row.click();
      for (let i = 0; i < 20 && (await count()) === before; i++) await page.waitForTimeout(250);
      if ((await count()) !== before + 1) fail(`no new line reading ${expected}; lines: ${JSON.stringify((await editorLines()).slice(-3))}`);
    });
  }
} catch (error) {
  exitCode = 1;
  const message = error instanceof CheckFailed ? error.message : String(error?.stack ?? error);
  console.error(`\nE2E FAILED: ${message}`);
  console.error(`status bar: ${normalize(await statusBar.innerText().catch(() => ''))}`);
  console.error(`notifications: ${JSON.stringify(await notifications())}`);
  await page.screenshot({ path: join(artifacts, 'failure.png') }).catch(() => {});
  console.error(`screenshot: ${join(artifacts, 'failure.png')}`);
} finally {
  await context.close().catch(() => {});
}
console.log(JSON.stringify({ ok: exitCode === 0, mode: clientOnly ? 'client-only' : 'full', passed: checks, seconds: (Date.now() - t0) / 1000 }, null, 2));
process.exit(exitCode);
