// Drives Debian's chromium through the status page of a running Bridge host; the xunit test
// Bridge.Tests/Operations/StatusPageBrowserTests starts the host, seeds it and reads this script's JSON verdict.
// Environment: BRIDGE_URL, BRIDGE_ADMIN_KEY, BRIDGE_OPERATOR_KEY, BRIDGE_REPLAY_ID (a dead letter the admin replays),
// BRIDGE_KEPT_ID (a dead letter that stays), BRIDGE_ARTEFACTS (screenshots), CHROMIUM (default /usr/bin/chromium).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const env = name => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const url = env('BRIDGE_URL').replace(/\/$/, '');
const artefacts = env('BRIDGE_ARTEFACTS');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const timeout = 20000;

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

    const replayId = env('BRIDGE_REPLAY_ID');
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

  process.stdout.write(JSON.stringify(verdict) + '\n');
}

main().catch(error => { process.stderr.write(`status-page.js: ${error.stack || error}\n`); process.exit(1); });
