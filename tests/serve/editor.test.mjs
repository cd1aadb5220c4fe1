// Browser test of the dashboard as a scenario editor (issues #19, #20, #21), driving Debian's
// /usr/bin/chromium through playwright-core at 1400x900: the overview fits, the actor column
// stays in view, decision rules are edited (kind, threshold, preset, two chambers, veto
// players, agenda setter, seats, absent members, population test, on_empty) and their errors name the issue, issues are grouped, actors and
// issues are added and removed, names, scale, anchors, status quo and outcomes are edited,
// undo and redo, save and open a file, pick models, the band's model, noise and draws, and a
// calibration (served or uploaded) whose predictive intervals and source are shown, and the
// models' disagreement. Screenshots go to SCREENSHOT_DIR.
//
// usage: node editor.test.mjs ENTENTE_BINARY SOURCE_DIR WEB_NODE_MODULES SCREENSHOT_DIR
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadChromium, makeChecks } from "./browser_harness.mjs";
import { startServer } from "./server_process.mjs";

const [binary, source, nodeModules, shots] = process.argv.slice(2);
const { chromium, executable: CHROMIUM } = loadChromium(nodeModules);
mkdirSync(shots, { recursive: true });
const { check, fail, finish } = makeChecks();

const calibration = join(source, "calibrations", "deu-1996-2001.yaml");
const server = await startServer(binary, [join(source, "scenarios"), "--calibration", join(source, "calibrations"), "--no-db"]);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${server.url}?scenario=us-rok-2021`);
  // Every edit answered, then the band and the disagreement check too.
  const settle = async () => {
    await page.waitForFunction(() => document.body.dataset.busy === "0", null, { timeout: 20000 });
    await page.waitForFunction(() => document.body.dataset.slow === "0", null, { timeout: 30000 });
  };
  const shot = (name, fullPage = false) => page.screenshot({ path: join(shots, name), fullPage });
  const rule = "#rule-editor fieldset[data-rule=issue]";
  const pickIssue = async (k) => {
    await page.selectOption("#issue-picker", String(k));
    await page.waitForSelector(`#edit h3:text("Issue ")`);
  };

  await page.waitForSelector("#overview-table tr[data-issue]");
  await settle();

  // The overview fits 1400x900 without losing a column.
  const fit = await page.evaluate(() => {
    const section = document.querySelector("#overview");
    const table = document.querySelector("#overview-table");
    return { right: table.getBoundingClientRect().right, scroll: section.scrollWidth, client: section.clientWidth, cols: table.rows[0].cells.length };
  });
  check(fit.right <= 1400 && fit.scroll <= fit.client + 1, `overview fits 1400 px (${fit.cols} columns, right edge ${Math.round(fit.right)}, ${fit.scroll}/${fit.client})`);
  await shot("editor-overview-1400x900.png");

  // Where the outcome falls: the anchors on both sides (troop level 100 of 100 is at its anchor).
  const between = await page.textContent('#overview-table tr[data-issue="opcon_transfer"] td.anchor');
  check(/\d+: .+/.test(between) && !between.includes("undefined"), `outcome placed among its anchors: ${between}`);
  // The models' disagreement, from the library's check, on every issue.
  const issueCount = await page.locator("#overview-table tr[data-issue]").count();
  const agreeCells = await page.locator("#overview-table td[data-agree]").count();
  check(issueCount >= 5 && agreeCells === issueCount, `every issue says whether the models agree (${agreeCells} of ${issueCount})`);
  check((await page.locator("#overview-table td.disagree").count()) > 0, "issues where the models disagree widely are flagged");

  // Decision rule of the first issue: unanimity -> qualified majority with a threshold.
  await pickIssue(0);
  check((await page.inputValue(`${rule} select[name=kind]`)) === "unanimity", "the rule editor shows the issue's rule (unanimity)");
  await page.selectOption(`${rule} select[name=kind]`, "qualified_majority");
  await page.waitForSelector(`${rule} input[name=threshold]`);
  await settle();
  await page.fill(`${rule} input[name=threshold]`, "0.8");
  await page.press(`${rule} input[name=threshold]`, "Enter");
  await settle();
  const words = await page.textContent("#rule-line");
  check(/qualified majority/i.test(words) && words.includes("Win-set"), `rule and win-set shown on the issue view: ${words.slice(0, 120)}`);
  check((await page.locator("#issue-svg rect.winset").count()) === 1, "the win-set is drawn on the scale");
  // Weights: a table of votes; veto players; the agenda setter.
  await page.selectOption(`${rule} select[name=weights]`, "table");
  await page.waitForSelector(`${rule} input[name=weight][data-actor=US]`);
  await page.fill(`${rule} input[name=weight][data-actor=US]`, "5");
  await page.press(`${rule} input[name=weight][data-actor=US]`, "Enter");
  await page.waitForSelector(`${rule} input[name=veto][value=ROK]`);
  await page.check(`${rule} input[name=veto][value=ROK]`);
  await page.waitForSelector(`${rule} select[name=agenda_setter]`);
  await page.selectOption(`${rule} select[name=agenda_setter]`, "US");
  await settle();
  check((await page.locator("#issue-errors li").count()) === 0 && (await page.locator("#table-errors li").count()) === 0, "table of votes, veto player and agenda setter accepted");
  check(await page.locator('#issue-svg circle.marker.veto[data-actor="ROK"]').count() === 1, "the new veto player is ringed on the scale");
  // A threshold over 1 is refused with a message naming the issue, not only its index.
  await page.fill(`${rule} input[name=threshold]`, "1.5");
  await page.press(`${rule} input[name=threshold]`, "Enter");
  await page.waitForSelector("#issue-errors li", { timeout: 10000 });
  const ruleError = await page.textContent("#issue-errors");
  check(ruleError.includes("sma_2021_increase"), `a bad threshold names the issue: ${ruleError.slice(0, 140)}`);
  await shot("editor-rule-error.png", true);
  // Undo brings back the valid threshold; redo the bad one; undo again.
  await page.click("#undo");
  await settle();
  check((await page.locator("#issue-errors li").count()) === 0 && (await page.inputValue(`${rule} input[name=threshold]`)) === "0.8", "undo restores the threshold 0.8");
  await page.click("#redo");
  await page.waitForSelector("#issue-errors li", { timeout: 10000 });
  check((await page.inputValue(`${rule} input[name=threshold]`)) === "1.5", "redo re-applies the edit");
  await page.click("#undo");
  await settle();

  // Two chambers, each with its own rule.
  await page.selectOption(`${rule} select[name=kind]`, "bicameral");
  await page.waitForSelector(`${rule} fieldset[data-rule="1"]`);
  await page.selectOption(`${rule} fieldset[data-rule="1"] select[name=kind]`, "qualified_majority");
  await settle();
  if ((await page.locator("#issue-errors li").count()) > 0) console.log(await page.textContent("#issue-errors"));
  check((await page.locator(`${rule} fieldset.rule`).count()) === 2 && (await page.locator("#issue-errors li").count()) === 0, "a bicameral rule with two chambers forecasts");
  check((await page.textContent("#rule-line")).length > 20, "the bicameral rule is explained on the issue view");

  // The Security Council preset on the sanctions issue, and an EU Council preset offered.
  await pickIssue(2);
  check((await page.inputValue(`${rule} select[name=preset]`)) === "un_security_council", "the sanctions issue shows its UN Security Council preset");
  const presets = await page.$$eval(`${rule} select[name=preset] option`, (o) => o.map((x) => x.value));
  check(["eu_council_pre_nice", "eu_council_nice", "eu_council_lisbon"].every((p) => presets.includes(p)), `EU Council presets offered: ${presets.join(", ")}`);
  await shot("editor-rule-preset.png", true);

  // The further tests: seats and absent members on the Security Council rule, then a population
  // test with each member's population, and what happens when nothing passes; the server takes
  // them (no errors) and a bad share names the issue.
  await page.fill(`${rule} input[name=seats]`, "15");
  await page.press(`${rule} input[name=seats]`, "Enter");
  await settle();
  await page.selectOption(`${rule} select[name=absent]`, "drop");
  await settle();
  await page.check(`${rule} input[name=population_table]`);
  await page.waitForSelector(`${rule} input[name=population][data-actor=US]`);
  await page.fill(`${rule} input[name=population][data-actor=US]`, "330");
  await page.press(`${rule} input[name=population][data-actor=US]`, "Enter");
  await settle();
  await page.fill(`${rule} input[name=min_population]`, "65%");
  await page.press(`${rule} input[name=min_population]`, "Enter");
  await settle();
  await page.selectOption(`${rule} select[name=on_empty]`, "model");
  await settle();
  if ((await page.locator("#issue-errors li").count()) > 0) console.log(await page.textContent("#issue-errors"));
  check((await page.locator("#issue-errors li").count()) === 0 &&
        (await page.inputValue(`${rule} select[name=absent]`)) === "drop" &&
        (await page.inputValue(`${rule} input[name=min_population]`)) === "0.65" &&
        (await page.inputValue(`${rule} input[name=population][data-actor=US]`)) === "330" &&
        (await page.inputValue(`${rule} select[name=on_empty]`)) === "model",
        "seats, absent members, a population test and on_empty are edited and forecast");
  await shot("editor-rule-tests.png", true);
  await page.fill(`${rule} input[name=min_population]`, "1.5");
  await page.press(`${rule} input[name=min_population]`, "Enter");
  await settle();
  const popError = await page.textContent("#issue-errors");
  check(popError.includes("sanctions_relief"), `a bad population share names the issue: ${popError.slice(0, 160)}`);
  await page.click("#undo");
  await settle();

  // Groups: a new group with this issue, then the first issue joins it; the overview groups them.
  await page.fill("#issue-editor input[name=new_group]", "package");
  await page.click("#issue-editor button[name=add_group]");
  await pickIssue(0);
  await page.selectOption("#issue-editor select[name=group]", "package");
  await settle();
  const grouped = await page.evaluate(() => {
    const rows = [...document.querySelectorAll("#overview-table tr")];
    const at = rows.findIndex((r) => r.dataset.group === "package");
    return at < 0 ? [] : rows.slice(at + 1, at + 3).map((r) => r.dataset.issue);
  });
  check(grouped.includes("sma_2021_increase") && grouped.includes("sanctions_relief"), `issues by group in the overview: package = ${grouped.join(", ")}`);

  // Issue fields: name, status quo, an anchor, an observed outcome.
  await page.fill("#issue-editor input[name=issue_name]", "Cost sharing (edited)");
  await page.fill("#issue-editor input[name=status_quo]", "20");
  await page.click("#issue-editor button[name=add_anchor]");
  const anchors = await page.locator("#anchor-list .anchor-row").count();
  await page.fill(`#issue-editor input[name=anchor_label_${anchors - 1}]`, "no increase at all");
  await page.fill("#issue-editor input[name=outcome]", "33");
  await settle();
  check((await page.textContent("#overview-table")).includes("Cost sharing (edited)"), "renaming an issue shows in the overview");
  await page.fill('#group-list tr[data-group="package"] input[name=group_name]', "Alliance package");
  await settle();
  check((await page.textContent('#overview-table tr[data-group="package"]')).includes("Alliance package"), "naming a group shows in the overview");
  // Renaming an actor's id reaches its stances and rules.
  await page.fill('#actor-list tr[data-actor="JAPAN"] input[name=actor_id]', "JP");
  await page.press('#actor-list tr[data-actor="JAPAN"] input[name=actor_id]', "Enter");
  await settle();
  check((await page.locator('input[aria-label="JP sma_2021_increase position"]').count()) === 1 && (await page.locator("#table-errors li").count()) === 0, "renaming an actor keeps its stances");
  check((await page.textContent("#anchor-legend")).includes("no increase at all"), "anchor labels are visible under the scale");
  await page.waitForSelector("#backtest-table tr[data-model]", { timeout: 30000 });
  check(true, "an observed outcome brings the backtest panel");

  // Add an actor and an issue; the grid and the overview follow; remove them again.
  await page.fill("#scenario-editor input[name=new_actor]", "EU");
  await page.click("#scenario-editor button[name=add_actor]");
  await page.fill("#scenario-editor input[name=new_issue]", "trade");
  await page.click("#scenario-editor button[name=add_issue]");
  await settle();
  check(await page.locator('input[aria-label="EU trade position"]').count() === 1, "a new actor and issue get a cell in the grid");
  check(await page.locator('#overview-table tr[data-issue="trade"]').count() === 1, "the new issue is forecast");
  // The actor column stays in view when the grid scrolls sideways (narrow window).
  const sticky = await page.evaluate(() => {
    const box = document.querySelector("#stance-scroll");
    box.style.width = "320px"; // a narrow window's grid: it scrolls sideways
    box.scrollLeft = 400;
    const th = document.querySelector("#stance-table tr:nth-child(2) th");
    return { scrolled: box.scrollLeft, left: th.getBoundingClientRect().left - box.getBoundingClientRect().left };
  });
  check(sticky.scrolled > 0 && Math.abs(sticky.left) <= 2, `actor column stays in view (scrolled ${sticky.scrolled}px, column at ${sticky.left.toFixed(1)}px)`);
  await page.locator("#stance-scroll").screenshot({ path: join(shots, "editor-sticky-grid.png") });
  await page.evaluate(() => (document.querySelector("#stance-scroll").style.width = ""));
  await page.click('#actor-list tr[data-actor="EU"] button[name=remove_actor]');
  await pickIssue(issueCount);
  await page.click("#issue-editor button[name=remove_issue]");
  await settle();
  check(await page.locator('input[aria-label^="EU "]').count() === 0 && await page.locator('#overview-table tr[data-issue="trade"]').count() === 0, "removing the actor and the issue");

  // An invalid cell: the message names the actor and the issue.
  await page.fill('input[aria-label="US opcon_transfer position"]', "400");
  await page.waitForSelector("#table-errors li", { timeout: 10000 });
  const cellError = await page.textContent("#table-errors");
  check(cellError.includes("US on opcon_transfer"), `cell errors name actor and issue: ${cellError.slice(0, 120)}`);
  await page.click("#undo");
  await settle();
  check(await page.locator("#table-errors li").count() === 0, "undo clears the bad cell");

  // Save (download YAML) and open it again: the edits come back.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save-top")]);
  const saved = join(shots, "editor-saved.yaml");
  await download.saveAs(saved);
  const yaml = readFileSync(saved, "utf8");
  check(yaml.includes("Cost sharing (edited)") && yaml.includes("outcome") && yaml.includes("package"), "save writes the edits, the outcome and the group");
  await page.setInputFiles("#open-file", saved);
  await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Opened"), null, { timeout: 10000 });
  await settle();
  check((await page.textContent("#overview-table")).includes("Cost sharing (edited)") && (await page.locator("#overview-table tr[data-group=package]").count()) === 1, "opening the saved file brings the edits back");
  // A file that does not parse: the message names the file and line.
  const broken = join(shots, "broken.yaml");
  writeFileSync(broken, "entente: 1\ntitle: x\nactors: 3\n");
  await page.setInputFiles("#open-file", broken);
  await page.waitForFunction(() => document.querySelector("#status").textContent.includes("broken.yaml:3"), null, { timeout: 10000 });
  check(true, "a broken file is refused, located by line");

  // Models: any model the server lists; the band's model, noise and draws.
  await page.check('input[data-model-pick="ktab-smp"]');
  await settle();
  check((await page.locator('#overview-table td[data-model="ktab-smp"]').count()) > 0, "a joint model picked from /api/models is forecast");
  await page.selectOption("#band-model", "eu");
  await page.fill("#band-noise", "20");
  await page.press("#band-noise", "Enter");
  await page.fill("#band-draws", "300");
  await page.press("#band-draws", "Enter");
  await settle();
  const bandTitle = await page.textContent("#issue-svg rect.band title");
  check(bandTitle.includes("eu") && bandTitle.includes("20%"), `band follows its model and noise: ${bandTitle}`);

  // Calibration served by the server: the ensemble, predictive intervals, where it comes from.
  await page.selectOption("#calibration-pick", "deu-1996-2001");
  await page.waitForSelector("#calibration-info .cal-source", { timeout: 20000 });
  await settle();
  const info = await page.textContent("#calibration-info");
  check(info.includes("deu_proposals_1996_2001.tsv") && info.includes("resemblance"), `the calibration's source and caveat: ${info.slice(0, 160)}`);
  check((await page.locator('#overview-table td[data-model="ensemble"]').count()) > 0, "the ensemble runs with the calibration");
  check((await page.locator("#overview-table td.quantiles").count()) === issueCount, "predictive intervals per issue in the overview");
  check((await page.locator("#issue-svg rect.qband").count()) === 2, "predictive bands on the issue's scale");
  await shot("editor-calibrated.png");
  await shot("editor-calibrated-full.png", true);
  // An uploaded calibration file: parsed by the server's library, never read from a path.
  await page.setInputFiles("#calibration-file", calibration);
  await page.waitForFunction(() => document.querySelector("#calibration-info").textContent.includes("uploaded calibration"), null, { timeout: 20000 });
  check(true, "an uploaded calibration is used");
  await settle();
  check(pageErrors.length === 0, `no page errors ${pageErrors.join("; ")}`);
} catch (e) {
  fail(e.stack ?? e);
  await browser.contexts()[0]?.pages()[0]?.screenshot({ path: join(shots, "editor-failure.png"), fullPage: true }).catch(() => undefined);
} finally {
  await browser.close();
  server.stop();
}
finish("editor");
