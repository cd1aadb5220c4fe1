// Which models forecast, the Monte Carlo band's model, noise and draws, and the calibration:
// one the server offers (`entente serve --calibration FILE`) or a calibration file the analyst
// uploads (its text goes to the server, which parses it with the library's reader; no request
// ever names a path on the server). With a calibration the ensemble can run and every model's
// forecast carries predictive quantiles; the panel says where the calibration comes from.
import { getJson } from "./api";
import { fmt, h } from "./dom";
import { band, catalog, MODELS, notify, reforecast, scheduleSimulation, setModels, state } from "./state";
import type { CalibrationInfo } from "./types";

let served: CalibrationInfo[] = [];
let built = false;
let info: HTMLElement | null = null;
let modelBoxes: HTMLElement | null = null;

/** Loads the calibrations the server offers (once, at start). */
export async function loadCalibrations(): Promise<void> {
  served = (await getJson<{ calibrations: CalibrationInfo[] }>("/api/calibrations")).calibrations;
}

function drawModels(): void {
  modelBoxes!.replaceChildren(
    ...catalog.models.map((m) => {
      const box = h("input", { type: "checkbox", "data-model-pick": m.name, checked: MODELS.includes(m.name), disabled: m.calibrated && !state.calibration });
      box.onchange = () => {
        const picked = [...modelBoxes!.querySelectorAll<HTMLInputElement>("input[data-model-pick]")].filter((b) => b.checked).map((b) => b.dataset.modelPick!);
        if (picked.length === 0) return void (box.checked = true); // at least one model
        setModels(picked);
        notify();
        void reforecast();
      };
      const note = m.calibrated ? (state.calibration ? " (from the calibration)" : " (needs a calibration)") : m.joint ? " (joint: re-bargains every issue)" : "";
      return h("label", { class: "model-pick", title: `${m.summary} (${m.citation})` }, box, ` ${m.name}`, h("span", { class: "muted" }, note));
    }),
  );
}

function choose(choice: typeof state.calibration): void {
  state.calibration = choice;
  state.calibrationInfo = null;
  if (choice && catalog.models.some((m) => m.name === "ensemble") && !MODELS.includes("ensemble")) setModels([...MODELS, "ensemble"]);
  if (!choice) setModels(MODELS.filter((m) => !catalog.models.find((x) => x.name === m)?.calibrated));
  drawModels();
  notify();
  void reforecast();
}

function build(root: HTMLElement): void {
  built = true;
  modelBoxes = h("div", { class: "row", id: "model-picks" });
  drawModels();
  const bandModel = h("select", { id: "band-model", "aria-label": "band model" });
  for (const m of catalog.models) bandModel.add(new Option(m.name, m.name, false, m.name === band.model));
  const noise = h("input", { id: "band-noise", value: String(band.noise), size: 4, "aria-label": "noise percent" });
  const draws = h("input", { id: "band-draws", value: String(band.draws), size: 6, "aria-label": "draws" });
  const apply = () => {
    band.model = bandModel.value;
    band.noise = Number(noise.value);
    band.draws = Math.round(Number(draws.value));
    scheduleSimulation();
  };
  bandModel.onchange = apply;
  noise.onchange = apply;
  draws.onchange = apply;
  const pick = h("select", { id: "calibration-pick", "aria-label": "calibration" });
  pick.add(new Option("no calibration", ""));
  for (const c of served) pick.add(new Option(`${c.name} (served)`, c.name));
  let uploaded: typeof state.calibration = null;
  pick.onchange = () =>
    choose(pick.value === "__upload" ? uploaded : pick.value ? { name: pick.value, label: pick.value } : null);
  const upload = h("input", { type: "file", id: "calibration-file", accept: ".yaml,.yml", "aria-label": "upload a calibration file" });
  upload.onchange = async () => {
    const file = upload.files?.[0];
    if (!file) return;
    const label = `${file.name} (uploaded)`;
    pick.querySelector('option[value="__upload"]')?.remove();
    pick.add(new Option(label, "__upload", true, true));
    uploaded = { yaml: await file.text(), label };
    choose(uploaded);
  };
  info = h("div", { id: "calibration-info" });
  root.replaceChildren(
    h("h3", {}, "Models forecast on every edit"),
    modelBoxes,
    h("h3", {}, "Monte Carlo band (input uncertainty)"),
    h("div", { class: "row" }, h("label", {}, "Model ", bandModel), h("label", {}, "Noise % ", noise), h("label", {}, "Draws ", draws)),
    h("h3", {}, "Calibration (the models' own error)"),
    h("div", { class: "row" }, pick, h("label", {}, "or upload ", upload)),
    info,
  );
}

function describe(c: CalibrationInfo): Node[] {
  const design = c.scores.find((x) => x.name === "selected") ?? c.scores.find((x) => x.name === c.design);
  const compromise = c.scores.find((x) => x.name === "compromise");
  const cov = design?.coverage;
  return [
    h("p", { class: "cal-source" }, `Calibration ${c.name}: ${c.source}. Design: ${c.design} (${Object.entries(c.weights).map(([b, w]) => `${b} ${fmt(w, 2)}`).join(", ")}).`),
    h("p", {}, `Cross-validated MAE ${fmt(design?.mae[0])} vs the compromise model's ${fmt(compromise?.mae[0])}` +
      (cov ? `; 50% intervals covered ${Math.round((cov["50"]?.[0] ?? 0) * 100)}%, 80% intervals ${Math.round((cov["80"]?.[0] ?? 0) * 100)}% of held-out outcomes.` : ".")),
    h("p", { class: "caveat" }, c.caveat),
  ];
}

export function renderSettings(root: HTMLElement): void {
  if (!state.scenario) return;
  if (!built) build(root);
  const calErrors = state.errors.filter((e) => e.where.startsWith("uploaded calibration") || e.field === "calibration" || e.field === "calibration_yaml");
  const warnings = state.simulation?.warnings ?? [];
  info!.replaceChildren(
    ...(state.calibrationInfo ? describe(state.calibrationInfo) : state.calibration ? [] : [h("p", { class: "muted" }, "No calibration: forecasts carry no predictive quantiles; the band shows input uncertainty only.")]),
    ...calErrors.map((e) => h("p", { class: "error" }, e.text)),
    ...warnings.map((w) => h("p", { class: "warning" }, w)),
  );
}
