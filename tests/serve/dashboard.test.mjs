// Browser test of the dashboard (playwright-core driving Debian's /usr/bin/chromium, headless,
// nothing downloaded): load the flagship, drag a marker and edit a cell and see the forecast
// change, see an invalid cell flagged, toggle a named move, save the scenario, try the report.
// Screenshots go to SCREENSHOT_DIR. Exit code 77 (skip) without chromium or the modules.
//
// usage: node dashboard.test.mjs ENTENTE_BINARY SCENARIO_DIR WEB_NODE_MODULES SCREENSHOT_DIR
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { loadChromium, makeChecks } from "./browser_harness.mjs";
import { startServer } from "./server_process.mjs";

const [binary, scenarios, nodeModules, shots] = process.argv.slice(2);
const { chromium, executable: CHROMIUM } = loadChromium(nodeModules);
mkdirSync(shots, { recursive: true });
const { check, fail, finish } = makeChecks();

const db = join(shots, "browser-runs.db");
rmSync(db, { force: true });
// A scenario with outcomes beside the shipped ones, for the backtest panel.
const withOutcomes = join(scenarios, "..", "tests", "data", "backtest_small.yaml");
const server = await startServer(binary, [scenarios, withOutcomes, "--db", db]);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1800 }, acceptDownloads: true });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${server.url}?scenario=us-rok-2021`);
  const forecasts = async () => Number(await page.getAttribute("body", "data-forecasts"));
  const waitForForecast = async (before) =>
    page.waitForFunction((n) => Number(document.body.dataset.forecasts) > n, before, { timeout: 10000 });
  const cell = (row, col) => page.locator("#overview-table tr").nth(row).locator("td").nth(col);
  // Every edit answered (none in flight or queued).
  const settle = () => page.waitForFunction(() => document.body.dataset.busy === "0", null, { timeout: 15000 });
  // The cell's text once it differs from `before` (or as it is after 10 s).
  const changed = async (row, col, before) => {
    await page
      .waitForFunction(
        ([r, c, b]) => document.querySelectorAll("#overview-table tr")[r].querySelectorAll("td")[c].textContent !== b,
        [row, col, before],
        { timeout: 10000 },
      )
      .catch(() => undefined);
    return cell(row, col).textContent();
  };

  await page.waitForSelector("#overview-table tr[data-issue]");
  check((await page.textContent("#title")).includes("U.S.-ROK"), "flagship loaded");
  check((await page.locator("#overview-table tr[data-issue]").count()) >= 5, "overview lists every issue");
  await page.waitForFunction(() => !document.querySelector("#overview-table").textContent.includes("…"), null, { timeout: 15000 });
  await page.screenshot({ path: join(shots, "dashboard-overview.png"), fullPage: true });

  // Drag the ROK marker of the selected issue (the first) far to the right.
  const firstCompromise = await cell(1, 1).textContent();
  const marker = page.locator('#issue-svg circle[data-actor="ROK"]');
  const box = await marker.boundingBox();
  const svgBox = await page.locator("#issue-svg").boundingBox();
  let n = await forecasts();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(svgBox.x + svgBox.width * 0.8, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await waitForForecast(n);
  const dragged = await changed(1, 1, firstCompromise);
  check(dragged !== firstCompromise, `dragging ROK moves the compromise forecast (${firstCompromise} -> ${dragged})`);
  await settle();
  await page.screenshot({ path: join(shots, "dashboard-drag.png"), fullPage: true });

  // Edit a cell: the US position on the first issue.
  const before1 = await cell(1, 1).textContent();
  await page.fill('input[aria-label="US sma_2021_increase position"]', "60");
  const edited = await changed(1, 1, before1);
  check(edited !== before1, `editing a position cell moves the forecast (${before1} -> ${edited})`);
  await settle();
  await page.selectOption("#table-field", "salience");

  // An invalid value is flagged beside its cell with the server's located message.
  await page.fill('input[aria-label="US opcon_transfer salience"]', "1.5");
  await page.waitForSelector('input[aria-label="US opcon_transfer salience"].invalid', { timeout: 10000 });
  const msg = await page.textContent("#table-errors");
  check(msg.includes("scenario.issues[1].stances[0]") && msg.includes("salience"), `invalid salience flagged: ${msg.trim().slice(0, 100)}`);
  await page.screenshot({ path: join(shots, "dashboard-invalid.png"), fullPage: true });
  n = await forecasts();
  await page.fill('input[aria-label="US opcon_transfer salience"]', "0.45");
  await waitForForecast(n);
  check((await page.locator("input.invalid").count()) === 0, "fixing the cell clears the message");

  // Toggle a named move.
  const moves = page.locator("input[data-move]");
  check((await moves.count()) > 0, "named moves are listed");
  await settle();
  const overviewBefore = await page.textContent("#overview-table");
  n = await forecasts();
  await moves.first().check();
  await waitForForecast(n);
  await settle();
  check((await page.textContent("#overview-table")) !== overviewBefore, "toggling a named move changes the overview");

  // Advisor.
  await page.selectOption("#advisor-actor", "US");
  await page.click("#advise");
  await page.waitForSelector("#advice .advice", { timeout: 20000 });
  check((await page.locator("#advice .advice").count()) > 0, "advisor answers for US");

  // Save as a new scenario file: a YAML download the CLI format reads.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save")]);
  const saved = join(shots, "saved-scenario.yaml");
  await download.saveAs(saved);
  check(readFileSync(saved, "utf8").includes("entente: 1"), `save downloads ${download.suggestedFilename()}`);

  // Record the forecast in the runs database; it appears in the runs list.
  await page.click("#record");
  await page.waitForFunction(() => document.querySelector("#status").textContent.includes("Recorded as run"), null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector("#runs").textContent.includes("run 1:"), null, { timeout: 10000 });
  check(true, "recording a forecast stores runs that the list shows");

  // Report: the download is the self-contained HTML report, one section per issue.
  const [rep] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), page.click("#report")]);
  check(rep.suggestedFilename().endsWith(".html"), "report downloads");
  const html = readFileSync(await rep.path(), "utf8");
  check((html.match(/<section class="issue"/g) || []).length > 0 && html.includes("<svg "), "the report holds issue sections with charts");
  await page.screenshot({ path: join(shots, "dashboard-final.png"), fullPage: true });

  // A scenario with outcomes: the backtest panel appears with one row per model.
  check(await page.locator("#backtest").isHidden(), "no backtest panel without outcomes");
  await page.goto(`${server.url}?scenario=backtest_small`);
  await page.waitForSelector("#backtest-table tr[data-model]", { timeout: 20000 });
  // Every model the dashboard forecasts with (the server's list: per-issue, no calibration).
  const listed = await page.evaluate(async () => (await (await fetch("/api/models")).json()).models);
  const shown = listed.filter((m) => !m.joint && !m.calibrated).length;
  check((await page.locator("#backtest-table tr[data-model]").count()) === shown, "backtest scores every model shown");
  check((await page.textContent("#backtest")).includes("5 issues with outcomes"), "backtest says what it scored");
  await page.screenshot({ path: join(shots, "dashboard-backtest.png"), fullPage: true });
  check(pageErrors.length === 0, `no page errors ${pageErrors.join("; ")}`);
} catch (e) {
  fail(e.stack ?? e);
} finally {
  await browser.close();
  server.stop();
}
finish("dashboard");
