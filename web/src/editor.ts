// Editing the scenario itself: the selected issue (name, scale, anchors, status quo, outcome,
// group, decision rule) and the scenario's actors, issues and groups (add, rename, remove).
// Field edits change the scenario in place (one undo step per field); structural edits go
// through editScenario, which rebuilds the views from a copy.
import { getJson } from "./api";
import { h } from "./dom";
import { checkpoint, editScenario } from "./history";
import { ruleEditor } from "./rule_editor";
import { assignGroup, freshId, groupOf, mapActors, mapIssues, newIssue } from "./scenario_edit";
import { notify, reforecast, scheduleSimulation, state } from "./state";
import type { Issue, RulesCatalog, Scenario } from "./types";

let rules: RulesCatalog | null = null;
let builtFor: Scenario | null = null;
let builtIssue = -1;
let issueErrors: HTMLElement | null = null;

/** Loads the rule kinds and presets the server offers (once, at start). */
export async function loadRules(): Promise<void> {
  rules = await getJson<RulesCatalog>("/api/rules");
}

function numberOr(text: string, fallback: number | undefined): number | undefined {
  const t = text.trim();
  if (t === "") return fallback;
  return Number(t);
}

/** A text or number input bound to a field of the scenario, edited in place. */
function field(label: string, name: string, value: unknown, set: (text: string) => void, size = 8): HTMLElement {
  const input = h("input", { name, value: value == null ? "" : String(value), size, "aria-label": label });
  input.oninput = () => {
    checkpoint(`field:${name}`);
    set(input.value);
    void reforecast();
  };
  return h("label", {}, `${label} `, input);
}

function issueFields(sc: Scenario, k: number): HTMLElement {
  const issue: Issue = sc.issues[k];
  const box = h("div", { id: "issue-editor" });
  const outcome = state.outcomes.find((o) => o.issue === issue.id);
  box.append(
    h("div", { class: "row" },
      field("Name", "issue_name", issue.name ?? "", (t) => ((issue.name = t), notify()), 28),
      field("Unit", "unit", issue.scale.unit ?? "", (t) => (issue.scale.unit = t || undefined), 24)),
    h("div", { class: "row" },
      field("Scale from", "scale_min", issue.scale.min, (t) => (issue.scale.min = numberOr(t, 0)!), 6),
      field("to", "scale_max", issue.scale.max, (t) => (issue.scale.max = numberOr(t, 100)!), 6),
      field("Status quo", "status_quo", issue.status_quo, (t) => (issue.status_quo = numberOr(t, undefined)), 6),
      field("Outcome (observed)", "outcome", outcome?.value, (t) => {
        state.outcomes = state.outcomes.filter((o) => o.issue !== issue.id);
        const v = numberOr(t, undefined);
        if (v !== undefined && !Number.isNaN(v)) state.outcomes.push({ ...(outcome ?? {}), issue: issue.id, value: v });
        scheduleSimulation();
      }, 6)),
  );
  // Anchors: labelled points of the scale.
  const anchors = h("div", { class: "anchors", id: "anchor-list" });
  (issue.scale.anchors ?? []).forEach((a, j) => {
    const drop = h("button", { class: "small-button", name: "remove_anchor" }, "×");
    drop.onclick = () => editScenario((s) => void s.issues[k].scale.anchors!.splice(j, 1));
    anchors.append(h("div", { class: "row anchor-row" },
      field("Anchor", `anchor_value_${j}`, a.value, (t) => (a.value = numberOr(t, 0)!), 5),
      field("means", `anchor_label_${j}`, a.label, (t) => (a.label = t), 36), drop));
  });
  const addAnchor = h("button", { name: "add_anchor" }, "Add an anchor");
  addAnchor.onclick = () =>
    editScenario((s) => {
      const sc2 = s.issues[k].scale;
      // At the first tenth of the scale no anchor holds yet (one value, one anchor).
      const taken = new Set((sc2.anchors ?? []).map((a) => a.value));
      const step = (sc2.max - sc2.min) / 10;
      const value = [...Array(11).keys()].map((n) => sc2.min + n * step).find((v) => !taken.has(v)) ?? sc2.min;
      sc2.anchors = [...(sc2.anchors ?? []), { value, label: "describe this point" }];
    });
  box.append(anchors, addAnchor);
  // Group: assign the issue to one, or start a new one with it.
  const group = h("select", { name: "group", "aria-label": "group" });
  group.add(new Option("no group", ""));
  for (const g of sc.groups ?? []) group.add(new Option(g.name ? `${g.id} — ${g.name}` : g.id, g.id, false, g.id === groupOf(sc, issue.id)));
  group.onchange = () => editScenario((s) => assignGroup(s, issue.id, group.value));
  const groupName = h("input", { name: "new_group", size: 14, placeholder: "new group id", "aria-label": "new group id" });
  const newGroup = h("button", { name: "add_group" }, "New group with this issue");
  newGroup.onclick = () =>
    editScenario((s) => {
      const id = freshId(groupName.value.trim() || "group", (s.groups ?? []).map((g) => g.id));
      s.groups = [...(s.groups ?? []), { id, name: id, issues: [] }];
      assignGroup(s, issue.id, id);
    });
  const removeIssue = h("button", { name: "remove_issue", class: "danger" }, `Remove issue ${issue.id}`);
  removeIssue.onclick = () =>
    editScenario((s) => {
      s.issues.splice(k, 1);
      state.outcomes = mapIssues(s, state.outcomes, (id) => (id === issue.id ? null : id));
      state.issue = Math.max(0, Math.min(k, s.issues.length - 1));
    });
  box.append(h("div", { class: "row" }, h("label", {}, "Group ", group), groupName, newGroup, removeIssue));
  if (rules) box.append(h("h3", {}, "Decision rule"), ruleEditor(sc, k, rules));
  return box;
}

function scenarioFields(sc: Scenario): HTMLElement {
  const box = h("div", { id: "scenario-editor" });
  box.append(h("div", { class: "row" }, field("Title", "title", sc.title ?? "", (t) => ((sc.title = t || undefined), notify()), 40)));
  const actors = h("table", { class: "grid", id: "actor-list" }, h("tr", {}, h("th", {}, "Actor id"), h("th", {}, "Name"), h("th", {}, "")));
  sc.actors.forEach((a, i) => {
    const id = h("input", { name: "actor_id", value: a.id, size: 8, "aria-label": `actor ${a.id} id` });
    id.onchange = () => {
      const to = id.value.trim();
      if (!to || to === a.id) return;
      editScenario((s) => mapActors(s, (x) => (x === a.id ? to : x)));
    };
    const name = h("input", { name: "actor_name", value: a.name ?? "", size: 24, "aria-label": `actor ${a.id} name` });
    name.oninput = () => {
      checkpoint(`actor-name:${i}`);
      a.name = name.value || undefined;
      void reforecast();
    };
    const drop = h("button", { name: "remove_actor", class: "small-button" }, "remove");
    drop.onclick = () => editScenario((s) => mapActors(s, (x) => (x === a.id ? null : x)));
    actors.append(h("tr", { "data-actor": a.id }, h("td", {}, id), h("td", {}, name), h("td", {}, drop)));
  });
  const newActor = h("input", { name: "new_actor", size: 10, placeholder: "new actor id", "aria-label": "new actor id" });
  const addActor = h("button", { name: "add_actor" }, "Add actor");
  addActor.onclick = () =>
    editScenario((s) => {
      const id = freshId(newActor.value.trim() || "actor", s.actors.map((a) => a.id));
      s.actors.push({ id, name: id });
      for (const issue of s.issues) {
        const mid = (issue.scale.min + issue.scale.max) / 2;
        issue.stances.push({ actor: id, position: mid, salience: 0.5, capability: 1 });
      }
    });
  const newIssueId = h("input", { name: "new_issue", size: 10, placeholder: "new issue id", "aria-label": "new issue id" });
  const addIssue = h("button", { name: "add_issue" }, "Add issue");
  addIssue.onclick = () =>
    editScenario((s) => {
      const id = freshId(newIssueId.value.trim() || "issue", s.issues.map((i) => i.id));
      s.issues.push(newIssue(s, id));
      state.issue = s.issues.length - 1;
    });
  box.append(actors, h("div", { class: "row" }, newActor, addActor, newIssueId, addIssue));
  // Groups: issues negotiated together (a proposal, a package); named here, filled per issue.
  if ((sc.groups ?? []).length > 0) {
    const groups = h("table", { class: "grid", id: "group-list" }, h("tr", {}, h("th", {}, "Group"), h("th", {}, "Name"), h("th", {}, "Issues"), h("th", {}, "")));
    (sc.groups ?? []).forEach((g, i) => {
      const name = h("input", { name: "group_name", value: g.name ?? "", size: 20, "aria-label": `group ${g.id} name` });
      name.oninput = () => {
        checkpoint(`group-name:${i}`);
        g.name = name.value || undefined;
        notify();
        void reforecast();
      };
      const drop = h("button", { name: "remove_group", class: "small-button" }, "ungroup");
      drop.onclick = () => editScenario((s) => void s.groups!.splice(i, 1));
      groups.append(h("tr", { "data-group": g.id }, h("td", {}, g.id), h("td", {}, name), h("td", {}, g.issues.join(", ")), h("td", {}, drop)));
    });
    box.append(h("h3", {}, "Groups"), groups);
  }
  return box;
}

export function renderEditor(root: HTMLElement): void {
  const sc = state.scenario;
  if (!sc) return root.replaceChildren();
  const k = Math.min(state.issue, sc.issues.length - 1);
  if (builtFor !== sc || builtIssue !== k) {
    builtFor = sc;
    builtIssue = k;
    issueErrors = h("ul", { class: "errors", id: "issue-errors" });
    root.replaceChildren(
      ...(k >= 0 ? [h("h3", {}, `Issue ${sc.issues[k].id}`), issueFields(sc, k), issueErrors] : [h("p", {}, "No issues: add one below.")]),
      h("h3", {}, "Scenario: actors and issues"),
      scenarioFields(sc),
    );
  }
  // The server's messages about this issue (its rule, scale, stances), by name.
  const mine = state.errors.filter((e) => new RegExp(`issues\\[${k}\\]($|\\.|\\[)`).test(e.where) || (e.text.includes(sc.issues[k]?.id ?? "\u0000")));
  issueErrors?.replaceChildren(...mine.map((e) => h("li", {}, e.text)));
}
