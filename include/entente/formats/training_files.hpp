#pragma once
/// \file
/// The training files of a calibration, read once for every front end (`entente calibrate`, its
/// `--check` and `--shard`, Python's calibrate()).

#include <string>
#include <vector>

#include "entente/analysis/calibrate_shard.hpp"
#include "entente/core/result.hpp"

namespace entente {

/// A part holding each file of `paths` (single files: a DEU table, YAML, ...; a CSV bundle
/// folder is refused with the `entente convert` to run): its name without the folder (a
/// calibration rebuilt from a copy of the data elsewhere is the same file byte for byte), the
/// SHA-256 of its bytes and its scenario with outcomes. The other fields are left empty.
[[nodiscard]] Result<CalibratePart> ReadTrainingFiles(const std::vector<std::string>& paths);

}  // namespace entente
