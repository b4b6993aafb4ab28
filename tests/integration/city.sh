#!/usr/bin/env bash
# A city in one process (docs/speed.md): scenarios/city.ini's 100,000 phones in 4,000 cells,
# briefly (200,000 requests, two simulated seconds). The run completes, the phone, the edge and
# the cloud all serve, its minute adds up to its row, and its peak memory stays under 1 GiB
# (the phones' actor stacks alone took 3.2 GB before open-loop phones lost their actors).
source "$(dirname "$0")/common.sh"
sed -e "s#\.\./models/#$SRC/models/#g" -e "s/^requests = .*/requests = 200000/" \
  "$SRC/scenarios/city.ini" >"$WORK/city.ini"
/usr/bin/time -f "%M" -o "$WORK/rss" "$MUXSIM" run "$WORK/city.ini" --out "$WORK/out" --quiet \
  --timeseries "$WORK/out/minutes.csv.gz" || fail "city run"
rss_kib=$(cat "$WORK/rss")
((rss_kib < 1048576)) || fail "peak RSS ${rss_kib} KiB, over 1 GiB"
/usr/bin/python3 - "$WORK/out" <<'PY' || fail "see above"
import sys
import pandas as pd
out = sys.argv[1]
r = pd.read_csv(f"{out}/results.csv").iloc[0]
m = pd.read_csv(f"{out}/minutes.csv.gz")
assert r.status == "ok" and r.requests == 200000 and r.cells * r.phones == 100000, r
assert m.requests.sum() == r.requests, (m.requests.sum(), r.requests)
for tier in ("local", "edge", "cloud"):
    assert m[f"{tier}_requests"].sum() > 0, f"the {tier} tier served nothing"
print(f"100,000 phones: {r.requests} requests, p95 {r.latency_ms_p95:.1f} ms, "
      f"{r.local_fraction:.1%} local, {r.edge_fraction:.1%} edge")
PY
echo "ok: 100,000 phones in one run, peak RSS $((rss_kib / 1024)) MiB"
