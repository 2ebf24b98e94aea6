// Drives Debian's chromium through the status page of a running Bridge host; the xunit test
// Bridge.Tests/Operations/StatusPageBrowserTests starts the host, seeds it and reads this script's JSON verdict.
// Environment: BRIDGE_URL, BRIDGE_ADMIN_KEY, BRIDGE_OPERATOR_KEY, BRIDGE_REPLAY_ID (a dead letter the admin replays),
// BRIDGE_KEPT_ID (a dead letter that stays), BRIDGE_REQUEST_ID (the material request the test drives while the page
// watches), BRIDGE_ARTEFACTS (screenshots), CHROMIUM (default /usr/bin/chromium).
// The test drives the host between the page's steps: the script prints `STEP <name>` and waits for `GO` on stdin
// (request: the request is posted; confirm: its pick is confirmed; fix: the missing mapping is added).
// The verdict is the last line, `VERDICT {json}`.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { chromium } = require('playwright-core');

const input = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function step(name) {
  process.stdout.write(`STEP ${name}\n`);
  const { value, done } = await input.next();
  if (done || value.trim() !== 'GO') throw new Error(`step ${name}: the test answered ${done ? 'nothing' : value}`);
}

const env = name => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const url = env('BRIDGE_URL').replace(/\/$/, '');
const artefacts = env('BRIDGE_ARTEFACTS');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const timeout = 60000;

async function signIn(browser, key) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  // The printed sign-in link: the key travels in the fragment, which the browser never sends to the server.
  await page.goto(`${url}/signin#key=${encodeURIComponent(key)}`);
  await page.waitForURL(`${url}/`);
  return page;
}

const figure = (page, id) => page.locator(`#${id} b`).textContent();

async function main() {
  if (!fs.existsSync(executablePath)) throw new Error(`chromium not found at ${executablePath} (apt-get install chromium)`);
  fs.mkdirSync(artefacts, { recursive: true });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const verdict = {};
  try {
    const admin = await signIn(browser, env('BRIDGE_ADMIN_KEY'));
    await admin.waitForFunction(() => Number(document.querySelector('#kpi-in b')?.textContent) > 0);
    verdict.messagesIn = Number(await figure(admin, 'kpi-in'));
    verdict.deadLettersBefore = Number(await figure(admin, 'kpi-dead-letters'));
    verdict.systemsRows = await admin.locator('#systems tr').count();
    verdict.who = await admin.locator('#who').textContent();
    await admin.screenshot({ path: path.join(artefacts, 'status-page.png'), fullPage: true });

    // A material request appears and completes while the page is open, without a reload.
    const requestId = env('BRIDGE_REQUEST_ID');
    const kitRow = `#kits tr:has(a.request:text-is("${requestId}"))`;
    await step('request');
    await admin.locator(kitRow).waitFor();
    verdict.requestFirstSeenAs = await admin.locator(`${kitRow} td:nth-child(4)`).textContent();
    await step('confirm');
    await admin.locator(`${kitRow} td:nth-child(4):text-is("Completed")`).waitFor();
    verdict.requestCompletedLive = true;
    // Its timeline is one click away.
    await admin.locator(`${kitRow} a.request`).click();
    await admin.waitForFunction(() => document.querySelectorAll('#trace tr').length > 3);
    verdict.timelineKinds = await admin.locator('#trace tr td:nth-child(2)').allTextContents();
    await admin.screenshot({ path: path.join(artefacts, 'status-page-timeline.png'), fullPage: true });

    // Before the fix the preview says the letter still fails; after it, what the mapping would now make.
    const replayId = env('BRIDGE_REPLAY_ID');
    await admin.locator(`button.preview[data-id="${replayId}"]`).click();
    await admin.locator('#preview-title:has-text("still fails")').waitFor();
    verdict.previewBeforeFix = await admin.locator('#preview-title').textContent();
    await step('fix');
    await admin.locator(`button.preview[data-id="${replayId}"]`).click();
    await admin.locator('#preview-title:has-text("would be accepted")').waitFor();
    verdict.previewAfterFix = await admin.locator('#preview-title').textContent();
    verdict.previewAddedLines = await admin.locator('#preview span.add').count();

    await admin.locator(`button.replay[data-id="${replayId}"]`).click();
    await admin.locator(`button.replay[data-id="${replayId}"]`).waitFor({ state: 'detached' });
    await admin.waitForFunction(before => Number(document.querySelector('#kpi-dead-letters b')?.textContent) < before, verdict.deadLettersBefore);
    verdict.deadLettersAfter = Number(await figure(admin, 'kpi-dead-letters'));
    verdict.adminReplayButtons = await admin.locator('button.replay').count();
    await admin.screenshot({ path: path.join(artefacts, 'status-page-after-replay.png'), fullPage: true });

    const operator = await signIn(browser, env('BRIDGE_OPERATOR_KEY'));
    const keptId = env('BRIDGE_KEPT_ID');
    // The dead-letter table is drawn (its rows carry the kept letter's reason) before the buttons are counted.
    await operator.waitForFunction(() => document.querySelectorAll('#dead-letters tr').length > 1);
    verdict.operatorWho = await operator.locator('#who').textContent();
    verdict.operatorDeadLetterRows = await operator.locator('#dead-letters tr').count() - 1;
    verdict.operatorReplayButtons = await operator.locator('button.replay').count();
    // The server refuses too: the same request the button would send, with the operator's cookie.
    verdict.operatorReplayStatus = await operator.evaluate(async id =>
      (await fetch(`/api/dead-letters/${id}/replay`, { method: 'POST', credentials: 'same-origin' })).status, keptId);
    await operator.screenshot({ path: path.join(artefacts, 'status-page-operator.png'), fullPage: true });
  } finally {
    await browser.close();
  }

  process.stdout.write('VERDICT ' + JSON.stringify(verdict) + '\n');
  process.exit(0);
}

main().catch(error => { process.stderr.write(`status-page.js: ${error.stack || error}\n`); process.exit(1); });
