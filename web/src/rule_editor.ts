// The decision rule of the selected issue, editable: kind, preset (GET /api/rules), threshold,
// weights (capability, one vote each, or a table of votes), share of members, who votes, veto
// players, the agenda setter, the further tests and what happens when nothing passes
// (rule_extras.ts) and, for two chambers, each chamber's own rule. The rule is kept
// in the scenario tree's YAML shape (docs/decision-rules.md); the server checks it and its
// messages name the issue. Every change is one undo step.
import { h } from "./dom";
import { editScenario } from "./history";
import { emptyWinSetFields, numberOrUndefined, voteTestFields } from "./rule_extras";
import type { Issue, Rule, RulesCatalog, Scenario } from "./types";

/** The issue's rule as a mapping (the short forms `none` and `unanimity` spelled out). */
export function asRule(issue: Issue): Rule {
  if (typeof issue.decision_rule !== "string") return structuredClone(issue.decision_rule);
  const kind = issue.decision_rule || "none";
  const rule: Rule = { kind };
  if (issue.veto_players?.length) rule.veto_players = [...issue.veto_players];
  return rule;
}

/** Writes `rule` back, in the short form when it has one (as the library's writer does). */
export function storeRule(issue: Issue, rule: Rule): void {
  const keys = Object.keys(rule).filter((key) => rule[key] !== undefined);
  const simple = keys.every((key) => key === "kind" || key === "veto_players");
  if (simple && (rule.kind === "none" || rule.kind === "unanimity")) {
    issue.decision_rule = rule.kind;
    issue.veto_players = rule.kind === "none" ? [] : rule.veto_players ?? [];
    return;
  }
  for (const key of keys) if (Array.isArray(rule[key]) && (rule[key] as unknown[]).length === 0) delete rule[key];
  issue.decision_rule = rule;
  delete issue.veto_players;
}

/** The rule's kind as the editor shows it (a preset implies a qualified majority). */
export function kindOf(rule: Rule): string {
  return rule.kind ?? (rule.preset ? "qualified_majority" : "none");
}

/** The veto players of the issue's rule (and of its chambers). */
export function vetoPlayersOf(issue: Issue): string[] {
  const rule = asRule(issue);
  return [...new Set([...(rule.veto_players ?? []), ...(rule.chambers ?? []).flatMap((c) => c.veto_players ?? [])])];
}

function at(rule: Rule, path: number[]): Rule {
  return path.reduce((r, i) => r.chambers![i], rule);
}

/** Applies `change` to the rule at `path` (chamber indices) of issue `k`. */
function edit(k: number, path: number[], change: (r: Rule, sc: Scenario) => void): void {
  editScenario((sc) => {
    const issue = sc.issues[k];
    const rule = asRule(issue);
    change(at(rule, path), sc);
    storeRule(issue, rule);
  });
}

function checkboxes(name: string, actors: string[], ticked: string[], onChange: (list: string[]) => void): HTMLElement {
  const box = h("span", { class: "checks", "data-list": name });
  for (const a of actors) {
    const input = h("input", { type: "checkbox", name, value: a, checked: ticked.includes(a) });
    input.onchange = () => {
      const list = [...box.querySelectorAll<HTMLInputElement>(`input[name=${name}]`)].filter((i) => i.checked).map((i) => i.value);
      onChange(list);
    };
    box.append(h("label", {}, input, ` ${a} `));
  }
  return box;
}

function ruleFields(k: number, issue: Issue, rule: Rule, path: number[], rules: RulesCatalog): HTMLElement {
  const actors = issue.stances.map((st) => st.actor);
  const top = path.length === 0;
  const kind = kindOf(rule);
  const box = h("fieldset", { class: "rule", "data-rule": path.join(".") || "issue" });
  if (!top) {
    const name = h("input", { name: "chamber_name", value: rule.name ?? "", size: 12, "aria-label": "chamber name" });
    name.onchange = () => edit(k, path, (r) => void (r.name = name.value || undefined));
    const drop = h("button", { class: "small-button", name: "remove_chamber" }, "remove chamber");
    drop.onclick = () => edit(k, path.slice(0, -1), (r) => void r.chambers!.splice(path[path.length - 1], 1));
    box.append(h("legend", {}, "Chamber ", name, " ", drop));
  }
  const kindPick = h("select", { name: "kind", "aria-label": "decision rule kind" });
  for (const kd of rules.kinds) if (top || kd !== "bicameral") kindPick.add(new Option(kd, kd, false, kd === kind));
  kindPick.onchange = () =>
    edit(k, path, (r, sc) => {
      r.kind = kindPick.value;
      if (r.kind === "qualified_majority" && r.threshold === undefined && !r.preset) r.threshold = 2 / 3;
      if (r.kind !== "qualified_majority") delete r.threshold;
      if (r.kind === "majority" || r.kind === "none") delete r.preset;
      if (r.kind === "bicameral") {
        // A bicameral rule holds only its chambers, the agenda setter and what happens when
        // nothing passes; the rule so far becomes the first chamber (with its veto players).
        const all = sc.issues[k].stances.map((st) => st.actor);
        const { agenda_setter, on_empty, reversion_cost, chambers, ...first } = r;
        const chamberList: Rule[] = chambers?.length
          ? chambers
          : [{ ...first, name: "first", kind: first.preset || first.threshold !== undefined ? "qualified_majority" : "majority" }, { name: "second", kind: "majority", members: all }];
        for (const key of Object.keys(r)) delete r[key];
        Object.assign(r, { kind: "bicameral", agenda_setter, on_empty, reversion_cost, chambers: chamberList });
        for (const key of Object.keys(r)) if (r[key] === undefined) delete r[key];
      }
      if (r.kind !== "bicameral") delete r.chambers;
    });
  const presetPick = h("select", { name: "preset", "aria-label": "preset" });
  presetPick.add(new Option("no preset", ""));
  for (const p of rules.presets) presetPick.add(new Option(p.name, p.name, false, p.name === rule.preset));
  presetPick.title = rules.presets.find((p) => p.name === rule.preset)?.description ?? "";
  presetPick.onchange = () =>
    edit(k, path, (r) => {
      if (!presetPick.value) return void delete r.preset;
      r.preset = presetPick.value;
      if (r.kind !== "unanimity") r.kind = "qualified_majority";
      delete r.threshold;
      delete r.weights;
      delete r.min_members;
    });
  box.append(h("div", { class: "row" }, h("label", {}, "Kind ", kindPick), kind === "bicameral" ? "" : h("label", {}, "Preset ", presetPick)));
  if (rule.preset) {
    box.append(h("p", { class: "muted preset-words" }, rules.presets.find((p) => p.name === rule.preset)?.description ?? ""));
  }
  if (kind === "qualified_majority" || kind === "majority") {
    const row = h("div", { class: "row" });
    if (kind === "qualified_majority") {
      const threshold = h("input", { name: "threshold", value: rule.threshold === undefined ? "" : Number(rule.threshold.toFixed(4)), size: 7, placeholder: rule.preset ? "preset's" : "0.667", "aria-label": "threshold" });
      threshold.onchange = () => edit(k, path, (r) => void (r.threshold = numberOrUndefined(threshold.value)));
      const members = h("input", { name: "min_members", value: rule.min_members ?? "", size: 6, placeholder: "none", "aria-label": "share of members needed" });
      members.onchange = () => edit(k, path, (r) => void (r.min_members = numberOrUndefined(members.value)));
      row.append(h("label", { title: "share of the voting weight needed, e.g. 0.7388 or 73.88%" }, "Threshold ", threshold),
        h("label", { title: "share of the members needed too (optional)" }, "Members needed ", members));
    }
    const mode = typeof rule.weights === "object" ? "table" : rule.weights ?? (rule.preset ? "preset" : "capability");
    const weights = h("select", { name: "weights", "aria-label": "weights" });
    if (rule.preset) weights.add(new Option("as the preset says", "preset", false, mode === "preset"));
    for (const w of rules.weights) weights.add(new Option(w === "table" ? "a table of votes" : w === "equal" ? "one vote each" : w, w, false, w === mode));
    weights.onchange = () =>
      edit(k, path, (r, sc) => {
        if (weights.value === "table") {
          const table: Record<string, number> = {};
          for (const st of sc.issues[k].stances) table[st.actor] = 1;
          r.weights = table;
        } else {
          // Capability is the default, so it is written only to override a preset's votes.
          r.weights = weights.value === "preset" || (weights.value === "capability" && !r.preset) ? undefined : weights.value;
        }
      });
    row.append(h("label", {}, "Weights ", weights));
    box.append(row);
    if (typeof rule.weights === "object") {
      const table = h("div", { class: "row weights" });
      for (const a of Object.keys(rule.weights).concat(actors.filter((x) => !(x in (rule.weights as object))))) {
        const input = h("input", { name: "weight", "data-actor": a, value: (rule.weights as Record<string, number>)[a] ?? "", size: 4, "aria-label": `${a} votes` });
        input.onchange = () =>
          edit(k, path, (r) => {
            const w = r.weights as Record<string, number>;
            const x = numberOrUndefined(input.value);
            if (x === undefined) delete w[a];
            else w[a] = x;
          });
        table.append(h("label", {}, `${a} `, input));
      }
      box.append(table);
    }
  }
  if (kind !== "none" && kind !== "bicameral") {
    box.append(
      h("div", { class: "row" }, "Who votes (none ticked: every actor with a stance): ",
        checkboxes("member", actors, rule.members ?? [], (list) => edit(k, path, (r) => void (r.members = list.length ? list : undefined)))),
    );
  }
  if (kind !== "none" && kind !== "bicameral") box.append(...voteTestFields(rule, kind, actors, (change) => edit(k, path, change)));
  if (kind !== "none" && kind !== "bicameral") {
    box.append(
      h("div", { class: "row" }, kind === "unanimity" ? "Veto players (none ticked: every member): " : "Veto players: ",
        checkboxes("veto", actors, rule.veto_players ?? [], (list) => edit(k, path, (r) => void (r.veto_players = list)))),
    );
  }
  if (top && kind !== "none") {
    const setter = h("select", { name: "agenda_setter", "aria-label": "agenda setter" });
    setter.add(new Option("none", ""));
    for (const a of actors) setter.add(new Option(a, a, false, a === rule.agenda_setter));
    setter.onchange = () => edit(k, path, (r) => void (r.agenda_setter = setter.value || undefined));
    box.append(h("div", { class: "row" }, h("label", { title: "the actor that proposes: the procedural model's setter" }, "Agenda setter ", setter)));
    box.append(emptyWinSetFields(rule, (change) => edit(k, path, change)));
  }
  if (kind === "bicameral") {
    (rule.chambers ?? []).forEach((c, i) => box.append(ruleFields(k, issue, c, [...path, i], rules)));
    const add = h("button", { name: "add_chamber" }, "Add a chamber");
    add.onclick = () => edit(k, path, (r) => void (r.chambers = [...(r.chambers ?? []), { name: `chamber ${(r.chambers?.length ?? 0) + 1}`, kind: "majority" }]));
    box.append(add);
  }
  return box;
}

/** The editor of issue `k`'s rule. */
export function ruleEditor(sc: Scenario, k: number, rules: RulesCatalog): HTMLElement {
  const issue = sc.issues[k];
  return h("div", { id: "rule-editor" }, ruleFields(k, issue, asRule(issue), [], rules));
}
