#!/usr/bin/env bash
# scenarios/campus-walk.ini, shortened (3,000 requests, one seed), and its figures
# (analysis/plot_mobility.py): phones roam (handovers_per_phone_hour > 0 in every simulated
# row) and some requests find no access point in range (no_link_share > 0 for cloud-only,
# below a half); the request log carries cell and distance_m; the three figures are PNGs
# with something drawn on them. Bad input (a scenario without [mobility], a run folder
# without its request log, a run of another scenario) exits 2 with one line on stderr and
# writes no figure. The PNG check is shown failing on axes without data and on a non-PNG.
source "$(dirname "$0")/common.sh"
PLOT=("/usr/bin/python3" "$SRC/analysis/plot_mobility.py")
INI=$SRC/scenarios/campus-walk.ini

# The check can fail: axes without data and a file that is no PNG are refused.
/usr/bin/python3 - "$WORK/blank.png" <<'PY' || fail "could not draw the empty axes"
import sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(9.5, 7.5))
ax.set(title="campus-walk, seed 1: phones 0-3 over their first 600 s", xlabel="x (m)", ylabel="y (m)")
ax.legend(handles=[plt.Line2D([], [], color=f"C{i}", lw=3, label=f"{i} Mbit/s") for i in range(8)],
          loc="upper left", bbox_to_anchor=(1.01, 1))
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110)
PY
png_drawn "$WORK/blank.png" >/dev/null 2>&1 && fail "png_drawn passed axes without data"
echo "not a picture" >"$WORK/text.png"
png_drawn "$WORK/text.png" >/dev/null 2>&1 && fail "png_drawn passed a text file"
echo "ok: png_drawn refuses axes without data and a non-PNG"

"$MUXSIM" run "$INI" --out "$WORK/run" --requests "$WORK/run/requests.csv.gz" --quiet \
  --set requests=3000 --set seeds=1 || fail "campus-walk failed"
/usr/bin/python3 - "$WORK/run" <<'PY' || fail "see above"
import sys
import pandas as pd
r = pd.read_csv(f"{sys.argv[1]}/results.csv")
sim = r[r["mode"] == "simulated"].set_index("policy")
assert (r["status"] == "ok").all(), r[r["status"] != "ok"][["policy", "error"]]
assert set(sim.index) == {"hybrid", "network-aware", "cloud-only", "edge-only"}, list(sim.index)
assert (sim["handovers_per_phone_hour"] > 0).all(), sim["handovers_per_phone_hour"]
assert 0 < sim.loc["cloud-only", "no_link_share"] < 0.5, sim["no_link_share"]
assert (sim["no_link_share"] <= sim.loc["cloud-only", "no_link_share"] + 1e-12).all(), sim["no_link_share"]
q = pd.read_csv(f"{sys.argv[1]}/requests.csv.gz")
linked = q[q["cell"] >= 0]
assert len(linked) and linked["distance_m"].between(0, 51.46).all(), linked["distance_m"].describe()
assert q[q["cell"] < 0]["distance_m"].isna().all()
print(f"ok: {sim['handovers_per_phone_hour'].min():.1f} handovers per phone-hour, "
      f"cloud-only no_link_share {sim.loc['cloud-only', 'no_link_share']:.3f}, "
      f"{len(q)} requests with cell and distance_m")
PY

"${PLOT[@]}" "$INI" "$WORK/run" --out "$WORK/figures" --muxsim "$MUXSIM" --until 300 >"$WORK/plot.log" ||
  fail "plot_mobility.py failed: $(cat "$WORK/plot.log")"
for f in mobility_map mobility_rate mobility_latency; do
  png_drawn "$WORK/figures/$f.png" || fail "$f.png"
done
[[ $(grep -c "^mobility_latency: " "$WORK/plot.log") == 4 ]] ||
  fail "not a line per policy on stdout: $(cat "$WORK/plot.log")"
echo "ok: three figures drawn"

# bad NAME EXPECTED ARGS...: exit 2, one line on stderr holding EXPECTED, no figure written.
bad() {
  local name=$1 expected=$2
  shift 2
  "${PLOT[@]}" "$@" --out "$WORK/bad-$name" --muxsim "$MUXSIM" >/dev/null 2>"$WORK/err" &&
    fail "$name: exit 0"
  local rc=$?
  [[ $rc == 2 ]] || fail "$name: exit $rc, wanted 2: $(cat "$WORK/err")"
  [[ $(wc -l <"$WORK/err") == 1 ]] || fail "$name: not one line: $(cat "$WORK/err")"
  grep -qF -- "$expected" "$WORK/err" || fail "$name: message lacks '$expected': $(cat "$WORK/err")"
  [[ ! -e $WORK/bad-$name ]] || fail "$name: $WORK/bad-$name written"
  echo "ok: $name: $(cat "$WORK/err")"
}
bad no-mobility "has no [mobility] access_points" "$SRC/scenarios/campus.ini" "$WORK/run"
mkdir "$WORK/no-log" && cp "$WORK/run/results.csv" "$WORK/no-log/"
bad no-request-log "requests.csv.gz: missing" "$INI" "$WORK/no-log"
# The same scenario under another name (read up to its name: its relative paths are not).
sed 's/^name = campus-walk$/name = elsewhere/' "$INI" >"$WORK/elsewhere.ini"
bad other-scenario "no successful simulated rows of scenario 'elsewhere'" "$WORK/elsewhere.ini" "$WORK/run"
bad no-scenario "no such scenario file" "$WORK/none.ini" "$WORK/run"
