#pragma once
// The unit of a bandwidth trace's throughput column: shared by the trace reader
// (core/formats/bandwidth_trace.hpp) and the scenario's [network] trace_unit key.

namespace muxsim {

// How a trace's throughput is given. FromFile: the file's header says; the others are the
// scenario's word for files without one. In the order of the trace_unit key's values.
enum class TraceUnit { FromFile, BytesPerSecond, MbitPerSecond };

} // namespace muxsim
