// `entente serve`: the dashboard and JSON API on a local port (apps/server).
#include <iostream>

#include "commands.hpp"
#include "run_database.hpp"
#include "server.hpp"

namespace entente::cli {

void AddServeCommand(CLI::App& app) {
  auto* serve =
      app.add_subcommand("serve", "Serve the web dashboard and the JSON API (docs/api.md)");
  auto opts = std::make_shared<server::ServeOptions>();
  auto db = std::make_shared<DbArgs>();
  serve->add_option("scenario", opts->scenarios,
                    "YAML files, CSV bundles or folders of them to offer");
  serve->add_option("--calibration", opts->calibrations,
                    "calibration files (entente calibrate) or folders of them to offer the "
                    "dashboard (repeatable): the ensemble model and predictive quantiles");
  serve->add_option("--port", opts->port, "TCP port (0 picks a free one)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option("--host", opts->host, "address to bind; non-loopback needs --allow-remote")
      ->capture_default_str();
  serve->add_flag("--allow-remote", opts->allow_remote,
                  "allow a non-loopback --host (no authentication!)");
  serve->add_option("--threads", opts->threads, "workers: requests served at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 512));
  serve->add_option("--allow-origin", opts->allow_origins,
                    "serve requests from this web origin too (repeatable), e.g. "
                    "http://localhost:8888; others get 403");
  serve
      ->add_option("--max-work", opts->max_work,
                   "refuse requests estimated above this many work units (about 1 ns each)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  serve
      ->add_option("--max-memory", opts->max_memory_mb,
                   "refuse requests estimated to need more memory than this (MB)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  serve
      ->add_option("--read-timeout", opts->read_timeout,
                   "seconds a request may take to arrive (slower clients get 408)")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  serve
      ->add_option("--max-client-connections", opts->max_client_connections,
                   "open connections per client address (more get 503)")
      ->capture_default_str()
      ->check(CLI::Range(1, 700));
  AddDbOptions(serve, *db);
  serve->callback([opts, db] {
    opts->db_path = DbPath(*db);
    server::Serve(*opts, std::cout, std::cerr);
  });
}

}  // namespace entente::cli
