// The shapes the API sends and receives (docs/api.md).

export interface Stance {
  actor: string;
  position: number | string;
  salience: number | string;
  capability: number | string;
  basis: string;
  note: string;
  [spread: string]: unknown;
}

export interface Issue {
  id: string;
  name: string;
  description: string;
  scale: { min: number; max: number; unit: string; anchors: { value: number; label: string }[] };
  status_quo: number | null;
  decision_rule: string;
  veto_players: string[];
  stances: Stance[];
}

export interface Move {
  id: string;
  name: string;
  source: string;
  changes: { actor: string; issue: string; position?: number; salience?: number; capability?: number }[];
}

export interface Scenario {
  title: string;
  as_of: string;
  description: string;
  sources: string[];
  actors: { id: string; name: string; description: string }[];
  issues: Issue[];
  alliances: { id: string; name: string; members: string[] }[];
  moves: Move[];
}

export interface ApiError {
  where: string;
  line: number;
  field: string;
  message: string;
  hint: string;
  text: string;
}

export interface Round {
  round: number;
  median: number;
  mean: number;
  positions: Record<string, number>;
}

export interface IssueForecast {
  id: string;
  name: string;
  outcome: number;
  unconstrained: number;
  status_quo: number | null;
  binding_veto: string | null;
  nearest_anchor: { value: number; label: string } | null;
  rounds?: Round[];
}

export interface CohesionIssue {
  issue: string;
  strain: number;
  gap_before: number;
  gap_after: number;
}

export interface ModelResult {
  model: string;
  forecast: { issues: IssueForecast[]; warnings: string[] };
  cohesion: { alliances: { alliance: string; total_strain: number; issues: CohesionIssue[] }[] };
}

export interface ForecastResponse {
  results: ModelResult[];
  elapsed_ms: number;
}

export interface IssueDistribution {
  id: string;
  point: number;
  mean: number;
  quantiles: { p05: number; p25: number; p50: number; p75: number; p95: number };
  p_status_quo: number | null;
}

export interface SimulateResponse {
  simulation: { model: string; draws: number; issues: IssueDistribution[] };
}

export interface Outcome {
  issue: string;
  value: number;
  date?: string;
  source?: string;
}

export interface ModelScore {
  model: string;
  n: number;
  mae: number;
  mae_ci: [number, number];
  rmse: number;
  bias: number;
  within10: number;
  vs_compromise?: { mae: number; mae_ci: [number, number] };
}

export interface BacktestResponse {
  backtest: { n: number; groups: number; bootstrap: number; models: ModelScore[] };
}
