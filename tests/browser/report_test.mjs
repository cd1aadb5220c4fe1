// Renders the flagship report with the `entente` binary, opens it in headless Chromium
// (Debian's /usr/bin/chromium through playwright-core), checks that every issue has non-empty
// SVG charts and that nothing is fetched from the network, and saves a screenshot.
// Usage: node report_test.mjs ENTENTE SCENARIO OUT_DIR. Exit 0 pass, 1 fail, 77 skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.ENTENTE_CHROMIUM || '/usr/bin/chromium';
const [entente, scenario, outDir] = process.argv.slice(2);
if (!entente || !scenario || !outDir) {
  console.error('usage: node report_test.mjs ENTENTE SCENARIO OUT_DIR');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.log(`SKIP: ${CHROMIUM} is missing; install Debian's chromium (scripts/install-deps)`);
  process.exit(77);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  console.log(`SKIP: playwright-core is not installed (npm ci in ${process.cwd()}): ${e.message}`);
  process.exit(77);
}

mkdirSync(outDir, { recursive: true });
const html = resolve(join(outDir, 'flagship-report.html'));
const made = spawnSync(entente, ['report', scenario, '-o', html, '--draws', '500', '--seed', '1', '--noise', '10%'],
                       { encoding: 'utf8' });
if (made.status !== 0) {
  console.error(`entente report failed (${made.status}): ${made.stderr}`);
  process.exit(1);
}

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  const outside = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) outside.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });

  const issues = await page.$$eval('section.issue', (sections) => sections.map((s) => ({
    id: s.dataset.issue,
    charts: [...s.querySelectorAll('svg')].map((svg) => {
      const box = svg.getBoundingClientRect();
      return { width: box.width, height: box.height, shapes: svg.querySelectorAll('line,rect,circle,polygon,polyline').length,
               texts: svg.querySelectorAll('text').length };
    }),
  })));
  const summaryItems = await page.$$eval('ul.summary > li', (li) => li.length);
  check(issues.length > 0, 'no issue sections');
  check(issues.length === summaryItems, `${issues.length} issue sections but ${summaryItems} summary items`);
  for (const issue of issues) {
    check(issue.charts.length >= 4, `${issue.id}: ${issue.charts.length} charts, expected scale, histogram, tornado, trajectories, gap`);
    issue.charts.forEach((c, i) => {
      check(c.width > 100 && c.height > 50, `${issue.id}: chart ${i} is ${c.width}x${c.height}`);
      check(c.shapes >= 3 && c.texts >= 2, `${issue.id}: chart ${i} has ${c.shapes} shapes and ${c.texts} texts`);
    });
  }
  // Actor markers on the flagship's first issue: one per stance.
  const markers = await page.$eval('section.issue', (s) => s.querySelector('svg').querySelectorAll('circle.actor, rect.veto').length);
  check(markers >= 3, `first issue: only ${markers} actor markers`);
  check(outside.length === 0, `network requests: ${outside.join(', ')}`);
  check(errors.length === 0, `page errors: ${errors.join('; ')}`);

  const shot = join(outDir, 'flagship-report.png');
  await page.screenshot({ path: shot, fullPage: true });
  // Print view: each issue starts on a new page.
  await page.emulateMedia({ media: 'print' });
  const breakBefore = await page.$eval('section.issue', (s) => getComputedStyle(s).breakBefore);
  check(breakBefore === 'page', `print CSS: section.issue break-before is '${breakBefore}'`);
  console.log(`${issues.length} issues, ${issues.reduce((n, i) => n + i.charts.length, 0)} charts; screenshot ${shot}`);
} finally {
  await browser.close();
}
if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}
console.log('browser report test passed');
