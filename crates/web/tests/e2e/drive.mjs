// Drives a running Sightline server in Debian's headless Chromium (playwright-core, no browser
// download) and runs axe-core on the main pages. Started by crates/cli/tests/e2e_web.rs, which
// starts the server and creates the accounts; this script prints one JSON line with what it saw
// and exits 1 on the first failed expectation or on any serious/critical axe violation.
//
// Environment: SIGHTLINE_URL, LEADER, ANALYST, ADMIN, PASSWORD, UPLOAD (a file to import), SHOTS (folder for PNG screenshots),
// CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const base = process.env.SIGHTLINE_URL;
const shots = process.env.SHOTS;
const password = process.env.PASSWORD;
mkdirSync(shots, { recursive: true });

const report = { pages: [], violations: [], audit: null };

function fail(message) {
  console.log(JSON.stringify({ ...report, error: message }));
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

try {
  // The pages carry a CSP without any script source (as they should): let the test inject axe.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30000);

  async function axe(name) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () =>
      await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    for (const v of result.violations) {
      report.violations.push({
        page: name, id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      });
    }
    report.pages.push({ page: name, url: page.url().replace(base, ''), violations: result.violations.length });
  }

  // What a user first sees (1280x900), and the whole page beside it.
  async function shot(name) {
    await page.screenshot({ path: `${shots}/${name}.png` });
    await page.screenshot({ path: `${shots}/${name}-full.png`, fullPage: true });
  }

  // axe itself must find a known fault, so a broken injection cannot pass silently.
  await page.setContent('<html><body><img src="x.png"><input type="text"></body></html>');
  await page.evaluate(axeSource);
  const selfCheck = await page.evaluate(async () => (await window.axe.run()).violations.map((v) => v.id));
  if (!selfCheck.includes('image-alt')) fail(`axe did not flag an image without alt text: ${selfCheck}`);

  async function expectStatus(response, what) {
    if (!response || response.status() !== 200) {
      fail(`${what}: HTTP ${response ? response.status() : 'no response'} at ${page.url()}`);
    }
  }

  async function signIn(name) {
    await expectStatus(await page.goto(`${base}/login`), 'login page');
    await page.fill('#name', name);
    await page.fill('#password', password);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
  }

  // The login page.
  await page.goto(`${base}/login`);
  await axe('login');

  // A leader signs in and lands on the dashboard.
  await signIn(process.env.LEADER);
  if (new URL(page.url()).pathname !== '/') fail(`after signing in: at ${page.url()}`);
  if (!(await page.textContent('h1'))) fail('the dashboard has no heading');
  await shot('dashboard');
  await axe('dashboard');

  // Drill to an indicator: children in care, whose children the leader may see.
  const indicatorLink = page.locator('a[href="/indicators/cla_count"]').first();
  if ((await indicatorLink.count()) === 0) fail('the dashboard has no link to cla_count');
  await Promise.all([page.waitForLoadState('load'), indicatorLink.click()]);
  if (!page.url().endsWith('/indicators/cla_count')) fail(`indicator: at ${page.url()}`);
  await shot('indicator');
  await axe('indicator');

  // The children behind the figure, then one child's journey.
  const behind = page.locator('a[href="/indicators/cla_count/children"]').first();
  if ((await behind.count()) === 0) fail('the indicator page has no link to the children behind it');
  await Promise.all([page.waitForLoadState('load'), behind.click()]);
  await axe('children behind');
  const childLink = page.locator('main a[href^="/children/"]').first();
  if ((await childLink.count()) === 0) fail('no child listed behind cla_count');
  const childPath = await childLink.getAttribute('href');
  await Promise.all([page.waitForLoadState('load'), childLink.click()]);
  if (!page.url().endsWith(childPath)) fail(`child: at ${page.url()}`);
  await shot('child');
  await axe('child');
  const childId = decodeURIComponent(childPath.slice('/children/'.length));

  // Worklists and the plan.
  await expectStatus(await page.goto(`${base}/worklists`), 'worklists');
  await axe('worklists');
  await expectStatus(await page.goto(`${base}/plan`), 'plan');
  await shot('plan');
  await axe('plan');
  await expectStatus(await page.goto(`${base}/plan/priorities/P1`), 'plan priority');
  await axe('plan priority');
  await shot('plan-priority');
  // Post a progress update through the form (CSRF token from the page).
  await page.selectOption('#target', 'priority');
  await page.check('#rag-amber');
  await page.fill('#commentary', 'Audit of referrals completed; two teams still behind.');
  await Promise.all([page.waitForLoadState('load'), page.click('form[action$="/updates"] button[type=submit]')]);
  if (!(await page.content()).includes('Audit of referrals completed')) fail('the posted plan update is not listed');
  await page.goto(`${base}/plan/priorities/P1#post-update`);
  await shot('plan-updated');
  await expectStatus(await page.goto(`${base}/reports`), 'reports');
  await axe('reports');

  // An analyst uploads the demo's CIN census file through the import form.
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/logout"] button')]);
  await signIn(process.env.ANALYST);
  await expectStatus(await page.goto(`${base}/imports`), 'imports');
  await axe('imports');
  await page.setInputFiles('#files', process.env.UPLOAD);
  const [uploaded] = await Promise.all([page.waitForNavigation(), page.click('form[action="/imports"] button[type=submit]')]);
  await expectStatus(uploaded, 'upload');
  if (!(await page.textContent('h1')).includes('Files imported')) fail('the upload was not imported');
  await shot('imported');
  await axe('imported');

  // Sign out; an admin sees the leader's look at the child in the audit log.
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/logout"] button')]);
  await signIn(process.env.ADMIN);
  await expectStatus(await page.goto(`${base}/admin/audit?user=${encodeURIComponent(process.env.LEADER)}`), 'audit');
  await shot('audit');
  await axe('audit');
  const rows = await page.$$eval('table tbody tr', (trs) => trs.map((tr) => Array.from(tr.cells).map((c) => c.textContent.trim())));
  const seen = rows.find((r) => r[2] === process.env.LEADER && r[4] === 'view_child' && r[5] === `child:${childId}`);
  if (!seen) fail(`no audit entry for ${process.env.LEADER} viewing the child`);
  report.audit = { who: seen[2], action: seen[4], page: seen[6] };
  if (seen[6] !== childPath) fail(`the audit entry names page ${seen[6]}, expected ${childPath}`);

  const serious = report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(JSON.stringify(report));
  process.exit(serious.length > 0 ? 1 : 0);
} catch (e) {
  fail(String(e && e.stack || e));
} finally {
  await browser.close();
}
