// The rule's further tests and what happens when nothing passes (docs/decision-rules.md):
// members needed by count, seats beyond the modelled members, the population test (each
// member's population and the share needed), a blocking minority, what members without a
// stance do; for the whole rule, `on_empty` and `reversion_cost`. Kept apart from the main
// rule editor so that each file holds one concern.
import { h } from "./dom";
import type { Rule } from "./types";

/** Applies a change to the rule being edited (one undo step). */
export type RuleEdit = (change: (r: Rule) => void) => void;

/** A number typed by the user: blank is "not given", `73.88%` is 0.7388. */
export function numberOrUndefined(text: string): number | undefined {
  const t = text.trim().replace("%", "");
  if (t === "") return undefined;
  const x = Number(t);
  return text.includes("%") ? x / 100 : x;
}

function numberInput(name: string, value: number | undefined, placeholder: string, onSet: (x: number | undefined) => void): HTMLInputElement {
  const input = h("input", { name, value: value ?? "", size: 6, placeholder, "aria-label": name.replace(/_/g, " ") });
  input.onchange = () => onSet(numberOrUndefined(input.value));
  return input;
}

function choice(name: string, options: [string, string][], value: string | undefined, onSet: (v: string | undefined) => void): HTMLSelectElement {
  const pick = h("select", { name, "aria-label": name.replace(/_/g, " ") });
  for (const [v, words] of options) pick.add(new Option(words, v, false, v === (value ?? "")));
  pick.onchange = () => onSet(pick.value || undefined);
  return pick;
}

function populationTable(rule: Rule, actors: string[], edit: RuleEdit): HTMLElement {
  const table = h("div", { class: "row population" });
  const given = rule.population ?? {};
  for (const a of Object.keys(given).concat(actors.filter((x) => !(x in given)))) {
    table.append(h("label", {}, `${a} `, numberInput("population", given[a], "", (x) =>
      edit((r) => {
        const p = { ...(r.population ?? {}) };
        if (x === undefined) delete p[a];
        else p[a] = x;
        r.population = p;
      }))));
    table.lastElementChild!.querySelector("input")!.dataset.actor = a;
  }
  return table;
}

/** The vote's further tests, for a majority, qualified majority or unanimity rule. */
export function voteTestFields(rule: Rule, kind: string, actors: string[], edit: RuleEdit): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const row = h("div", { class: "row" });
  if (kind === "qualified_majority") {
    row.append(
      h("label", { title: "number of members needed too (optional), e.g. 15 under Lisbon" }, "Members needed (count) ",
        numberInput("min_member_count", rule.min_member_count, "none", (x) => edit((r) => void (r.min_member_count = x)))),
      h("label", { title: "a blocking minority needs at least this many members (optional), e.g. 4 under Lisbon" }, "Blocking minority ",
        numberInput("blocking_minority", rule.blocking_minority, "none", (x) => edit((r) => void (r.blocking_minority = x)))),
      h("label", { title: "share of the population needed too (optional), e.g. 0.65 or 65%; each member's population below, or the preset's" }, "Population needed ",
        numberInput("min_population", rule.min_population, rule.preset ? "preset's" : "none", (x) => edit((r) => void (r.min_population = x)))),
    );
  }
  row.append(
    h("label", { title: "total seats when some members are not modelled (optional): the rest count as absent" }, "Seats ",
      numberInput("seats", rule.seats, "members", (x) => edit((r) => void (r.seats = x)))),
    h("label", { title: "members without a stance: stay in the totals and vote against (default), are dropped from the totals, or go along with any change" }, "Absent members ",
      choice("absent", [["", "count against"], ["drop", "drop from totals"], ["support", "go along"]], rule.absent, (v) => edit((r) => void (r.absent = v)))),
  );
  rows.push(row);
  if (kind === "qualified_majority") {
    const on = rule.population !== undefined;
    const toggle = h("input", { type: "checkbox", name: "population_table", checked: on });
    toggle.onchange = () =>
      edit((r) => {
        if (!toggle.checked) return void delete r.population;
        r.population = Object.fromEntries(actors.map((a) => [a, 1]));
        if (r.min_population === undefined && !r.preset) r.min_population = 0.65;
      });
    rows.push(h("div", { class: "row" }, h("label", { title: "each member's population for the population test (millions, or any unit: only shares count)" }, toggle, " Population of each member")));
    if (on) rows.push(populationTable(rule, actors, edit));
  }
  return rows;
}

/** What the whole rule does when no move passes: keep the status quo or the model's point, and
 * the exploratory reversion cost. */
export function emptyWinSetFields(rule: Rule, edit: RuleEdit): HTMLElement {
  return h("div", { class: "row" },
    h("label", { title: "when no move from the status quo passes: the status quo holds (default), or the model's point stands and the empty win-set is reported as a risk" }, "When nothing passes ",
      choice("on_empty", [["", "status quo holds"], ["model", "model's point stands"]], rule.on_empty, (v) => edit((r) => void (r.on_empty = v)))),
    h("label", { title: "exploratory: the cost of reverting to the status quo, kappa (docs/decision-rules.md)" }, "Reversion cost ",
      numberInput("reversion_cost", rule.reversion_cost, "0", (x) => edit((r) => void (r.reversion_cost = x)))));
}
