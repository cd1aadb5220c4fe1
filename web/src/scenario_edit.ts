// Structural edits of a scenario that keep every reference intact: removing or renaming an
// actor reaches its stances, rules, alliances and moves; removing or renaming an issue reaches
// groups, moves and outcomes. Pure functions over the scenario tree (and the outcomes list).
import type { Outcome, Rule, Scenario } from "./types";
import { asRule, storeRule } from "./rule_editor";

function mapRule(rule: Rule, f: (id: string) => string | null): void {
  const list = (xs?: string[]) => xs?.map(f).filter((x): x is string => x !== null);
  rule.veto_players = list(rule.veto_players);
  rule.members = list(rule.members);
  if (rule.agenda_setter) rule.agenda_setter = f(rule.agenda_setter) ?? undefined;
  for (const key of ["weights", "population"]) {
    const table = rule[key];
    if (table && typeof table === "object" && !Array.isArray(table)) {
      const out: Record<string, number> = {};
      for (const [a, v] of Object.entries(table as Record<string, number>)) {
        const b = f(a);
        if (b !== null) out[b] = v;
      }
      rule[key] = out;
    }
  }
  for (const c of rule.chambers ?? []) mapRule(c, f);
}

/** Renames (f gives the new id) or removes (f gives null) actors everywhere they are named. */
export function mapActors(sc: Scenario, f: (id: string) => string | null): void {
  sc.actors = sc.actors.filter((a) => f(a.id) !== null).map((a) => ({ ...a, id: f(a.id)! }));
  for (const issue of sc.issues) {
    issue.stances = issue.stances.filter((st) => f(st.actor) !== null).map((st) => ({ ...st, actor: f(st.actor)! }));
    const rule = asRule(issue);
    mapRule(rule, f);
    storeRule(issue, rule);
  }
  for (const al of sc.alliances ?? []) al.members = al.members.map(f).filter((x): x is string => x !== null);
  for (const m of sc.moves ?? []) {
    m.changes = m.changes.filter((c) => f(c.actor) !== null).map((c) => ({ ...c, actor: f(c.actor)! }));
  }
  if (sc.moves) sc.moves = sc.moves.filter((m) => m.changes.length > 0);
}

/** Renames or removes issues in groups, moves and the outcomes (the issue list itself is the
 * caller's). */
export function mapIssues(sc: Scenario, outcomes: Outcome[], f: (id: string) => string | null): Outcome[] {
  for (const g of sc.groups ?? []) g.issues = g.issues.map(f).filter((x): x is string => x !== null);
  if (sc.groups) sc.groups = sc.groups.filter((g) => g.issues.length > 0);
  for (const m of sc.moves ?? []) {
    m.changes = m.changes.filter((c) => f(c.issue) !== null).map((c) => ({ ...c, issue: f(c.issue)! }));
  }
  if (sc.moves) sc.moves = sc.moves.filter((m) => m.changes.length > 0);
  return outcomes.filter((o) => f(o.issue) !== null).map((o) => ({ ...o, issue: f(o.issue)! }));
}

/** An id not yet used among `taken`, from `base`. */
export function freshId(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) if (!taken.includes(`${base}_${n}`)) return `${base}_${n}`;
}

/** A new issue on a 0-100 scale where every actor stands at the middle with the capability it
 * has on the first issue (or 1) and salience 0.5: a starting point the analyst edits. */
export function newIssue(sc: Scenario, id: string): Scenario["issues"][number] {
  const first = sc.issues[0];
  return {
    id,
    name: id,
    scale: { min: 0, max: 100 },
    decision_rule: "none",
    stances: sc.actors.map((a) => ({
      actor: a.id,
      position: 50,
      salience: 0.5,
      capability: first?.stances.find((st) => st.actor === a.id)?.capability ?? 1,
    })),
  };
}

/** The group issue `id` is in, if any. */
export function groupOf(sc: Scenario, id: string): string {
  return sc.groups?.find((g) => g.issues.includes(id))?.id ?? "";
}

/** Puts issue `id` into group `group` ("" for none), out of any other. */
export function assignGroup(sc: Scenario, id: string, group: string): void {
  for (const g of sc.groups ?? []) g.issues = g.issues.filter((i) => i !== id);
  if (group) sc.groups!.find((g) => g.id === group)!.issues.push(id);
  if (sc.groups) sc.groups = sc.groups.filter((g) => g.issues.length > 0); // no empty groups
}
