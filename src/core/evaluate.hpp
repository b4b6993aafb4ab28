#pragma once
// The closed-form mode of a run: every request costed by the formulas of closed_form.hpp,
// independently of the others (no queueing, no shared medium).
#include "core/policy.hpp"
#include "core/prepared.hpp"
#include "core/summary.hpp"

#include <vector>

namespace muxsim {

std::vector<CostBreakdown> evaluate_closed_form(const Prepared& p, Policy& policy,
                                                const RunPoint& point);
// The same requests summarized as they are costed, without storing them (docs/speed.md).
Summary summarize_closed_form(const Prepared& p, Policy& policy, const RunPoint& point);

} // namespace muxsim
