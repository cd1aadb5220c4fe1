// Browser test of the dashboard's coders panel (issue #23), driving Debian's /usr/bin/chromium
// through playwright-core at 1400x900 on the flagship coded by two analysts: the panel shows
// only for a scenario with several coders, its numbers are the server's coders analysis (POST
// /api/coders), an issue lists its coded stances with the ones to ask about again first, the
// model can be changed, a refused coding's message names actor and issue, and the overview and
// the panel still fit 1400 px. Screenshots go to SCREENSHOT_DIR.
//
// usage: node coders.test.mjs ENTENTE_BINARY SOURCE_DIR WEB_NODE_MODULES SCREENSHOT_DIR
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { loadChromium, makeChecks } from "./browser_harness.mjs";
import { startServer } from "./server_process.mjs";

const [binary, source, nodeModules, shots] = process.argv.slice(2);
const { chromium, executable: CHROMIUM } = loadChromium(nodeModules);
mkdirSync(shots, { recursive: true });
const { check, fail, finish } = makeChecks();

const server = await startServer(binary, [join(source, "scenarios"), "--no-db"]);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  const settle = async () => {
    await page.waitForFunction(() => document.body.dataset.busy === "0", null, { timeout: 20000 });
    await page.waitForFunction(() => document.body.dataset.slow === "0", null, { timeout: 60000 });
  };
  // What the server answers for the served scenario with `model` (the panel's own request).
  const analysis = (model) =>
    page.evaluate(async (m) => {
      const sc = await (await fetch("/api/scenarios/us-rok-2021-two-coders")).json();
      const res = await fetch("/api/coders", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ scenario: sc.scenario, model: m }) });
      return (await res.json()).coders;
    }, model);
  const one = (x) => x.toFixed(1);

  // One analyst: no panel.
  await page.goto(`${server.url}?scenario=us-rok-2021`);
  await page.waitForSelector("#overview-table tr[data-issue]");
  await settle();
  check(await page.locator("#coders").isHidden(), "no coders panel for a scenario coded once");

  // Two analysts: the panel, one row per issue, a column per coder.
  await page.goto(`${server.url}?scenario=us-rok-2021-two-coders`);
  await page.waitForSelector("#coders-issues tr[data-issue]", { timeout: 30000 });
  await settle();
  const issues = await page.locator("#overview-table tr[data-issue]").count();
  check((await page.locator("#coders-issues tr[data-issue]").count()) === issues && issues >= 5, `the panel lists every issue (${issues})`);
  const header = await page.textContent("#coders-issues tr");
  check(header.includes("analyst_a") && header.includes("analyst_b"), `a column per coder: ${header.trim()}`);
  const model = await page.inputValue("#coders-model");
  const a = await analysis(model);
  let same = true;
  for (const i of a.issues) {
    const row = page.locator(`#coders-issues tr[data-issue="${i.issue}"]`);
    for (const c of a.coders) same &&= (await row.locator(`td[data-coder="${c}"]`).textContent()) === one(i.by_coder[c]);
    same &&= Number(await row.locator("td[data-range]").getAttribute("data-range")) === i.range;
  }
  check(same, `each coder's outcome and the range are the server's (model ${model})`);
  const asked = a.issues.find((i) => i.ask_again.length > 0);
  check(asked !== undefined, "some issue has stances whose coders move it");
  if (asked) {
    const cell = await page.textContent(`#coders-issues tr[data-issue="${asked.issue}"] td.ask`);
    check(cell.startsWith(asked.ask_again[0].actor), `who to ask again on ${asked.issue}: ${cell}`);
  }

  // Fits 1400 px: the overview keeps every column, the panel needs no sideways scrolling.
  const fit = await page.evaluate(() => {
    const box = (sel) => document.querySelector(sel);
    return {
      overview: box("#overview-table").getBoundingClientRect().right,
      overviewScroll: box("#overview").scrollWidth - box("#overview").clientWidth,
      coders: box("#coders-issues").getBoundingClientRect().right,
      codersScroll: box("#coders").scrollWidth - box("#coders").clientWidth,
    };
  });
  check(fit.overview <= 1400 && fit.overviewScroll <= 1, `overview fits 1400 px (right edge ${Math.round(fit.overview)})`);
  check(fit.coders <= 1400 && fit.codersScroll <= 1, `coders panel fits 1400 px (right edge ${Math.round(fit.coders)}, overflow ${fit.codersScroll})`);
  await page.screenshot({ path: join(shots, "coders-1400x900.png") });

  // An issue's coded stances: each coder's numbers, the largest swing first.
  const pick = asked ?? a.issues[0];
  await page.click(`#coders-issues tr[data-issue="${pick.issue}"] td.name a`);
  await page.waitForSelector(`#coders-issues tr.selected[data-issue="${pick.issue}"]`);
  const coded = a.stances.filter((s) => s.issue === pick.issue);
  check((await page.locator("#coders-stances tr[data-actor]").count()) === coded.length, `${pick.issue}: every coded stance listed (${coded.length})`);
  const top = [...coded].sort((x, y) => y.swing - x.swing || y.model_swing - x.model_swing)[0];
  const first = page.locator("#coders-stances tr[data-actor]").first();
  check((await first.getAttribute("data-actor")) === top.actor, `the stance to ask about first: ${top.actor}`);
  const mine = top.codings.find((c) => c.coder === "analyst_b");
  const shown = await first.locator('td[data-coder="analyst_b"]').textContent();
  check(shown === `${one(mine.position)} / ${mine.salience.toFixed(2)} / ${one(mine.capability)}`, `analyst_b's numbers of ${top.actor}: ${shown}`);
  await page.locator("#coders").scrollIntoViewIfNeeded();
  await page.locator("#coders").screenshot({ path: join(shots, "coders-panel.png") });

  // Another model re-runs the analysis.
  const other = model === "median" ? "compromise" : "median";
  await page.selectOption("#coders-model", other);
  await page.waitForFunction((m) => document.querySelector("#coders h4")?.textContent.includes(`(${m})`), other, { timeout: 30000 });
  const b = await analysis(other);
  const bi = b.issues.find((i) => i.issue === pick.issue);
  const cellB = await page.textContent(`#coders-issues tr[data-issue="${pick.issue}"] td[data-coder="analyst_b"]`);
  check(cellB === one(bi.by_coder.analyst_b), `with ${other}: analyst_b's outcome on ${pick.issue} is ${cellB}`);

  // A coding the server refuses: the panel says so, naming actor and issue, until it is fixed.
  await page.selectOption("#table-field", "salience");
  await page.fill('input[aria-label="US opcon_transfer salience"]', "1.5");
  await page.waitForSelector("#coders-error", { timeout: 20000 });
  const err = await page.textContent("#coders-error");
  check(err.includes("US") && err.includes("opcon_transfer") && err.includes("salience"), `refused coding named: ${err.slice(0, 140)}`);
  await page.fill('input[aria-label="US opcon_transfer salience"]', "0.45");
  await settle();
  await page.waitForSelector("#coders-issues tr[data-issue]", { timeout: 30000 });
  check((await page.locator("#coders-error").count()) === 0, "fixing the cell brings the analysis back");
  check(pageErrors.length === 0, `no page errors ${pageErrors.join("; ")}`);
} catch (e) {
  fail(e.stack ?? e);
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: join(shots, "coders-failure.png"), fullPage: true }).catch(() => undefined);
} finally {
  await browser.close();
  server.stop();
}
finish("coders");
