// Named moves of the scenario, toggled on and off; the forecast follows.
import { h } from "./dom";
import { notify, reforecast, state } from "./state";

export function renderMoves(root: HTMLElement): void {
  root.replaceChildren();
  const moves = state.scenario?.moves ?? [];
  if (moves.length === 0) {
    root.append(h("p", { class: "muted" }, "This scenario has no named moves."));
    return;
  }
  for (const m of moves) {
    const box = h("input", { type: "checkbox", "data-move": m.id, checked: state.moves.has(m.id) });
    box.onchange = () => {
      if (box.checked) state.moves.add(m.id);
      else state.moves.delete(m.id);
      notify();
      void reforecast();
    };
    root.append(
      h(
        "label",
        { class: "move", title: m.source },
        box,
        ` ${m.name || m.id} `,
        h("span", { class: "muted" }, `(${m.changes.length} change${m.changes.length === 1 ? "" : "s"})`),
      ),
    );
  }
}
