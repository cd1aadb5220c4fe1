#include "entente/store/run_rows.hpp"

#include <nlohmann/json.hpp>

namespace entente {
namespace {

using J = nlohmann::ordered_json;

std::optional<double> Num(const J& j, const char* key) {
  if (!j.contains(key) || !j[key].is_number()) return std::nullopt;
  return j[key].get<double>();
}

std::optional<std::string> Str(const J& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
  return j[key].get<std::string>();
}

void AddIssueRows(const J& issue, const std::string& variant, RunRecord& run) {
  OutcomeRow row;
  row.variant = variant;
  row.issue = Str(issue, "id").value_or(Str(issue, "issue").value_or(""));
  row.outcome = Num(issue, "outcome").value_or(Num(issue, "point").value_or(0));
  row.unconstrained = Num(issue, "unconstrained");
  row.status_quo = Num(issue, "status_quo");
  row.binding_veto = Str(issue, "binding_veto");
  row.mean = Num(issue, "mean");
  const J& q = issue.contains("quantiles") ? issue["quantiles"] : issue;
  row.p05 = Num(q, "p05");
  row.p95 = Num(q, "p95");
  run.outcomes.push_back(row);
  if (!issue.contains("rounds")) return;
  for (const J& r : issue["rounds"]) {
    run.rounds.push_back(RoundRow{row.issue, r.value("round", 0), r.value("median", 0.0),
                                  r.value("mean", 0.0),
                                  r.contains("positions") ? r["positions"].dump() : "{}"});
  }
}

// One side of an exchange as the exchange model's JSON writes it (io/exchange_output.cpp).
bool ReadSide(const J& side, std::string& actor, std::string& issue, double& from, double& to) {
  if (!side.is_object()) return false;
  actor = Str(side, "actor").value_or("");
  issue = Str(side, "issue").value_or("");
  from = Num(side, "from").value_or(0);
  to = Num(side, "to").value_or(0);
  return !actor.empty() && !issue.empty();
}

void AddExchangeRows(const J& exchanges, RunRecord& run) {
  if (!exchanges.is_array()) return;
  for (const J& e : exchanges) {
    if (!e.is_object() || !e.contains("first") || !e.contains("second")) continue;
    ExchangeRow row;
    row.seq = static_cast<int>(run.exchanges.size()) + 1;
    row.round = e.value("round", 0);
    row.gain = Num(e, "gain").value_or(0);
    if (!ReadSide(e["first"], row.first_actor, row.first_issue, row.first_from, row.first_to) ||
        !ReadSide(e["second"], row.second_actor, row.second_issue, row.second_from,
                  row.second_to)) {
      continue;
    }
    run.exchanges.push_back(std::move(row));
  }
}

std::optional<double> Lo(const J& j, const char* key) {
  const std::string k = std::string(key) + "_ci";
  if (!j.contains(k) || !j[k].is_array() || j[k].size() != 2 || !j[k][0].is_number())
    return std::nullopt;
  return j[k][0].get<double>();
}

std::optional<double> Hi(const J& j, const char* key) {
  const std::string k = std::string(key) + "_ci";
  if (!j.contains(k) || !j[k].is_array() || j[k].size() != 2 || !j[k][1].is_number())
    return std::nullopt;
  return j[k][1].get<double>();
}

// A backtest's per-model scores (io/backtest_output.cpp's "models" entries).
void AddScoreRows(const J& models, const std::string& subset, RunRecord& run) {
  if (!models.is_array()) return;
  for (const J& m : models) {
    if (!m.is_object() || !Str(m, "model") || !Num(m, "mae")) continue;
    ScoreRow row;
    row.subset = subset;
    row.model = *Str(m, "model");
    row.n = m.value("n", 0);
    row.mae = *Num(m, "mae");
    row.mae_lo = Lo(m, "mae");
    row.mae_hi = Hi(m, "mae");
    row.rmse = Num(m, "rmse");
    row.median_ae = Num(m, "median_ae");
    row.bias = Num(m, "bias");
    row.within10 = Num(m, "within10");
    row.crps = Num(m, "crps");
    if (m.contains("coverage") && m["coverage"].is_object())
      row.coverage90 = Num(m["coverage"], "90");
    if (m.contains("vs_compromise") && m["vs_compromise"].is_object()) {
      const J& vs = m["vs_compromise"];
      row.mae_vs_compromise = Num(vs, "mae");
      row.mae_vs_lo = Lo(vs, "mae");
      row.mae_vs_hi = Hi(vs, "mae");
    }
    run.scores.push_back(std::move(row));
  }
}

void BindScore(Statement& s, std::int64_t id, const ScoreRow& r) {
  s.Bind(1, id)
      .Bind(2, r.subset)
      .Bind(3, r.model)
      .Bind(4, static_cast<std::int64_t>(r.n))
      .Bind(5, r.mae)
      .Bind(6, r.mae_lo)
      .Bind(7, r.mae_hi)
      .Bind(8, r.rmse)
      .Bind(9, r.median_ae)
      .Bind(10, r.bias)
      .Bind(11, r.within10)
      .Bind(12, r.crps)
      .Bind(13, r.coverage90)
      .Bind(14, r.mae_vs_compromise)
      .Bind(15, r.mae_vs_lo)
      .Bind(16, r.mae_vs_hi);
}

void BindOutcome(Statement& s, std::int64_t id, const OutcomeRow& o) {
  s.Bind(1, id)
      .Bind(2, o.variant)
      .Bind(3, o.issue)
      .Bind(4, o.outcome)
      .Bind(5, o.unconstrained)
      .Bind(6, o.status_quo)
      .Bind(7, o.binding_veto)
      .Bind(8, o.mean)
      .Bind(9, o.p05)
      .Bind(10, o.p95);
}

void BindRound(Statement& s, std::int64_t id, const RoundRow& r) {
  s.Bind(1, id)
      .Bind(2, r.issue)
      .Bind(3, static_cast<std::int64_t>(r.round))
      .Bind(4, r.median)
      .Bind(5, r.mean)
      .Bind(6, r.positions_json);
}

void BindExchange(Statement& s, std::int64_t id, const ExchangeRow& e) {
  s.Bind(1, id)
      .Bind(2, static_cast<std::int64_t>(e.seq))
      .Bind(3, static_cast<std::int64_t>(e.round))
      .Bind(4, e.first_actor)
      .Bind(5, e.first_issue)
      .Bind(6, e.first_from)
      .Bind(7, e.first_to)
      .Bind(8, e.second_actor)
      .Bind(9, e.second_issue)
      .Bind(10, e.second_from)
      .Bind(11, e.second_to)
      .Bind(12, e.gain);
}

// Prepares `sql` once and runs it for every row of `rows`.
template <typename Row, typename BindFn>
Result<Unit> InsertAll(Sqlite& db, const std::string& sql, std::int64_t id,
                       const std::vector<Row>& rows, BindFn bind) {
  if (rows.empty()) return Unit{};
  Result<Statement> st = db.Prepare(sql);
  if (!st) return st.errors();
  for (const Row& row : rows) {
    st.value().Reset();
    bind(st.value(), id, row);
    if (Result<bool> r = st.value().Step(); !r) return r.errors();
  }
  return Unit{};
}

}  // namespace

void ExtractRows(const std::string& kind, const J& result, RunRecord& run) {
  if (kind == "backtest") {
    // Scores per model; one outcome row per model (variant) and issue holding its forecast.
    if (result.contains("models")) AddScoreRows(result["models"], "", run);
    if (result.contains("subsets") && result["subsets"].is_array()) {
      for (const J& s : result["subsets"]) {
        if (s.is_object() && s.contains("models"))
          AddScoreRows(s["models"], s.value("value", std::string()), run);
      }
    }
    if (!result.contains("issues") || !result["issues"].is_array()) return;
    for (const J& issue : result["issues"]) {
      if (!issue.is_object() || !issue.contains("forecasts") || !issue["forecasts"].is_object())
        continue;
      for (const auto& [model, value] : issue["forecasts"].items()) {
        if (!value.is_number()) continue;
        OutcomeRow row;
        row.variant = model;
        row.issue = Str(issue, "id").value_or("");
        row.outcome = value.get<double>();
        run.outcomes.push_back(std::move(row));
      }
    }
    return;
  }
  if (kind == "compare" && result.contains("variants")) {
    for (const J& v : result["variants"]) {
      const std::string label = v.value("variant", std::string());
      for (const J& issue : v["issues"]) AddIssueRows(issue, label, run);
    }
    return;
  }
  if (result.contains("exchanges")) AddExchangeRows(result["exchanges"], run);
  if (!result.contains("issues")) return;
  for (const J& issue : result["issues"]) AddIssueRows(issue, "", run);
}

Result<Unit> InsertRows(Sqlite& db, std::int64_t id, const RunRecord& run, bool keep_existing) {
  const std::string verb = keep_existing ? "INSERT OR IGNORE INTO " : "INSERT INTO ";
  if (Result<Unit> r =
          InsertAll(db, verb + "outcomes VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", id,
                    run.outcomes, BindOutcome);
      !r) {
    return r;
  }
  if (Result<Unit> r =
          InsertAll(db, verb + "rounds VALUES (?1, ?2, ?3, ?4, ?5, ?6)", id, run.rounds, BindRound);
      !r) {
    return r;
  }
  if (Result<Unit> r = InsertAll(
          db, verb + "exchanges VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", id,
          run.exchanges, BindExchange);
      !r) {
    return r;
  }
  return InsertAll(db,
                   verb +
                       "scores VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                       "?14, ?15, ?16)",
                   id, run.scores, BindScore);
}

Result<Unit> LoadRows(Sqlite& db, RunRecord& run) {
  // Runs `sql` (one parameter: the run id) and hands each row to `read`.
  const auto each_row = [&db, &run](const char* sql, const auto& read) -> Result<Unit> {
    Result<Statement> q = db.Prepare(sql);
    if (!q) return q.errors();
    q.value().Bind(1, run.id);
    while (true) {
      Result<bool> row = q.value().Step();
      if (!row) return row.errors();
      if (!row.value()) return Unit{};
      read(q.value());
    }
  };
  Result<Unit> r = each_row(
      "SELECT variant, issue, outcome, unconstrained, status_quo, binding_veto, mean, p05, p95 "
      "FROM outcomes WHERE run_id = ?1 ORDER BY rowid",
      [&run](const Statement& s) {
        run.outcomes.push_back(OutcomeRow{s.Text(0), s.Text(1), s.Real(2), s.OptReal(3),
                                          s.OptReal(4), s.OptText(5), s.OptReal(6), s.OptReal(7),
                                          s.OptReal(8)});
      });
  if (!r) return r;
  r = each_row(
      "SELECT issue, round, median, mean, positions_json FROM rounds WHERE run_id = ?1 "
      "ORDER BY rowid",
      [&run](const Statement& s) {
        run.rounds.push_back(
            RoundRow{s.Text(0), static_cast<int>(s.Int(1)), s.Real(2), s.Real(3), s.Text(4)});
      });
  if (!r) return r;
  r = each_row(
      "SELECT subset, model, n, mae, mae_lo, mae_hi, rmse, median_ae, bias, within10, crps, "
      "coverage90, mae_vs_compromise, mae_vs_lo, mae_vs_hi FROM scores WHERE run_id = ?1 "
      "ORDER BY rowid",
      [&run](const Statement& s) {
        run.scores.push_back(ScoreRow{s.Text(0), s.Text(1), static_cast<int>(s.Int(2)), s.Real(3),
                                      s.OptReal(4), s.OptReal(5), s.OptReal(6), s.OptReal(7),
                                      s.OptReal(8), s.OptReal(9), s.OptReal(10), s.OptReal(11),
                                      s.OptReal(12), s.OptReal(13), s.OptReal(14)});
      });
  if (!r) return r;
  return each_row(
      "SELECT seq, round, first_actor, first_issue, first_from, first_to, second_actor, "
      "second_issue, second_from, second_to, gain FROM exchanges WHERE run_id = ?1 ORDER BY seq",
      [&run](const Statement& s) {
        ExchangeRow e;
        e.seq = static_cast<int>(s.Int(0));
        e.round = static_cast<int>(s.Int(1));
        e.first_actor = s.Text(2);
        e.first_issue = s.Text(3);
        e.first_from = s.Real(4);
        e.first_to = s.Real(5);
        e.second_actor = s.Text(6);
        e.second_issue = s.Text(7);
        e.second_from = s.Real(8);
        e.second_to = s.Real(9);
        e.gain = s.Real(10);
        run.exchanges.push_back(std::move(e));
      });
}

}  // namespace entente
