// The editable actors x issues table: one number per cell (position, salience or capability),
// checked by the server on every edit; its located messages are shown beside the cells.
import { h } from "./dom";
import { checkpoint, editScenario } from "./history";
import { reforecast, state } from "./state";
import { shown, withPoint, type Scenario, type Stance } from "./types";

type Field = "position" | "salience" | "capability";
let field: Field = "position";
let builtFor: Scenario | null = null;
let builtField: Field | null = null;
let grid: HTMLElement | null = null;
let messages: HTMLElement | null = null;

function build(root: HTMLElement, sc: Scenario): void {
  root.replaceChildren();
  const pick = h("select", { id: "table-field", "aria-label": "field" });
  for (const f of ["position", "salience", "capability"]) pick.add(new Option(f, f, false, f === field));
  pick.onchange = () => {
    field = pick.value as Field;
    builtFor = null;
    renderTable(root);
  };
  grid = h("table", { class: "grid edit", id: "stance-table" });
  grid.append(h("tr", {}, h("th", {}, "Actor"), ...sc.issues.map((i) => h("th", { title: i.name }, i.id))));
  for (const actor of sc.actors) {
    const row = h("tr", {}, h("th", { title: actor.name }, actor.id));
    sc.issues.forEach((issue, i) => {
      const j = issue.stances.findIndex((st) => st.actor === actor.id);
      if (j < 0) {
        // No stance: a button adds one at the middle of the scale.
        const add = h("button", { class: "small-button", "data-add-stance": `${actor.id}|${issue.id}`, title: `give ${actor.id} a stance on ${issue.id}` }, "+");
        add.onclick = () =>
          editScenario((s) => {
            const is = s.issues[i];
            is.stances.push({ actor: actor.id, position: (is.scale.min + is.scale.max) / 2, salience: 0.5, capability: 1 });
          });
        return void row.append(h("td", { class: "absent" }, add));
      }
      const stance: Stance = issue.stances[j];
      const input = h("input", {
        value: shown(stance[field]),
        "data-path": `scenario.issues[${i}].stances[${j}]`,
        "data-field": field,
        "aria-label": `${actor.id} ${issue.id} ${field}`,
        inputmode: "decimal",
      });
      input.oninput = () => {
        checkpoint(`cell:${i}:${j}:${field}`);
        const text = input.value.trim();
        // Numbers go as numbers; anything else goes as typed so the server says what is wrong.
        stance[field] = withPoint(stance[field], text !== "" && !Number.isNaN(Number(text)) ? Number(text) : text);
        void reforecast();
      };
      row.append(h("td", {}, input));
    });
    grid.append(row);
  }
  messages = h("ul", { class: "errors", id: "table-errors" });
  // The grid scrolls sideways inside its own box; the actor column stays in view (sticky).
  root.append(h("label", {}, "Show ", pick), h("div", { class: "grid-scroll", id: "stance-scroll" }, grid), messages);
  builtFor = sc;
  builtField = field;
}

export function renderTable(root: HTMLElement): void {
  const sc = state.scenario;
  if (!sc) return root.replaceChildren();
  if (builtFor !== sc || builtField !== field) build(root, sc);
  const bad = new Map<string, string>();
  for (const e of state.errors) bad.set(`${e.where}|${e.field}`, e.text);
  for (const input of grid!.querySelectorAll<HTMLInputElement>("input[data-path]")) {
    const key = `${input.dataset.path}|${input.dataset.field}`;
    const msg = bad.get(key) ?? bad.get(`${input.dataset.path}|`);
    input.classList.toggle("invalid", msg !== undefined);
    input.title = msg ?? "";
    if (document.activeElement !== input) {
      const [, i, j] = /issues\[(\d+)\]\.stances\[(\d+)\]/.exec(input.dataset.path!)!.map(Number);
      input.value = shown(sc.issues[i].stances[j][field]);
    }
  }
  messages!.replaceChildren(...state.errors.map((e) => h("li", {}, e.text)));
}
