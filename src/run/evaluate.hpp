#pragma once
// The closed-form mode of a run: every request costed by the formulas of closed_form.hpp,
// independently of the others (no queueing, no shared medium).
#include "core/assemble/prepared.hpp"
#include "core/output/summary.hpp"
#include "core/policy/policy.hpp"

#include <vector>

namespace muxsim {

std::vector<CostBreakdown> evaluate_closed_form(const Prepared& p, Policy& policy,
                                                const RunPoint& point);
// The same requests summarized as they are costed, without storing them (docs/speed.md).
Summary summarize_closed_form(const Prepared& p, Policy& policy, const RunPoint& point,
                              Percentiles percentiles = Percentiles::Auto);

} // namespace muxsim
