#!/usr/bin/env bash
# Bad [mobility] and [propagation] input (docs/mobility.md): one message naming file, line and
# field; exit status 2; no results.csv. A valid placed scenario runs first, so each refusal
# is the one defect's.
source "$(dirname "$0")/common.sh"

two_model_files
cat >"$WORK/walks.csv" <<CSV
phone,t,x,y
0,0,0,0
0,10,10,0
CSV
# placed FILE [LINES...]: a cloud-only scenario on 802.11g with [mobility] and the extra lines.
placed() {
  local file=$1
  shift
  scenario "$file" "[policy]" "policies = cloud-only" "[network]" "wifi_standard = 802.11g" \
    "[mobility]" "$@"
}

placed good.ini "access_points = 0:0, 80:0" "phone_positions = 10:0, 70:0"
"$MUXSIM" run "$WORK/good.ini" --out "$WORK/good" --quiet || fail "the valid placed scenario failed"
grep -q handover_share "$WORK/good/results.csv" || fail "no mobility columns in results.csv"

# Walking phones take chunk_bytes, and a trigger no link ever falls to (never roam when weak).
placed walking.ini "access_points = 20:20, 80:20" "area_m = 100 x 40" "model = waypoint" \
  "handover_rssi_dbm = -10000"
sed -i 's/^wifi_standard = 802.11g/wifi_standard = 802.11g\nchunk_bytes = 16384/' "$WORK/walking.ini"
"$MUXSIM" run "$WORK/walking.ini" --out "$WORK/walking" --quiet || fail "the walking scenario failed"

placed ap-list.ini "access_points = 0:0, 40" "phone_positions = 10:0"
expect_bad ap-list "ap-list.ini:13: field 'mobility.access_points'" "$WORK/ap-list.ini"
placed ap-nan.ini "access_points = nan:0" "phone_positions = 10:0"
expect_bad ap-nan "ap-nan.ini:13: field 'mobility.access_points'" "$WORK/ap-nan.ini"
placed outside.ini "access_points = 0:0" "area_m = 100 x 50" "phone_positions = 10:10, 150:10"
expect_bad outside "outside.ini:15: field 'mobility.phone_positions': phone 1 at 150:10 is outside area_m 100 x 50" "$WORK/outside.ini"
placed area.ini "access_points = 0:0" "area_m = 100 by 50" "phone_positions = uniform"
expect_bad area "area.ini:14: field 'mobility.area_m': must be W x H" "$WORK/area.ini"
placed uniform.ini "access_points = 0:0" "phone_positions = uniform"
expect_bad uniform-no-area "field 'mobility.phone_positions': uniform positions need an area" "$WORK/uniform.ini"

printf 'phone,t,x,y\n0,0,0,0\n0,10,10,0\n0,5,20,0\n' >"$WORK/walks-back.csv"
placed back.ini "access_points = 0:0" "model = trace" "walks = walks-back.csv"
expect_bad time-backwards "walks-back.csv:4: field 't'" "$WORK/back.ini"
placed no-walk.ini "access_points = 0:0" "model = trace" "walks = walks.csv"
sed -i 's/^\[mobility\]/[load]\nphones = 2\n[mobility]/' "$WORK/no-walk.ini"
expect_bad no-walk "walks.csv: no walk for phone 1 of 2" "$WORK/no-walk.ini"

placed speed.ini "access_points = 0:0" "area_m = 100 x 100" "model = waypoint" "speed_mps = -1, 2"
expect_bad negative-speed "speed.ini:16: field 'mobility.speed_mps': values must be in [0, 1e9]" "$WORK/speed.ini"
placed zero-speed.ini "access_points = 0:0" "area_m = 100 x 100" "model = waypoint" "speed_mps = 0, 2"
expect_bad zero-speed "zero-speed.ini:16: field 'mobility.speed_mps': a walking speed must be positive" "$WORK/zero-speed.ini"
placed range.ini "access_points = 0:0" "area_m = 100 x 100" "model = waypoint" "pause_s = 10, 2"
expect_bad pause-range "range.ini:16: field 'mobility.pause_s': the low end comes first" "$WORK/range.ini"

printf 'standard,phy_mbps,min_snr_db\n802.11n,65,20\n' >"$WORK/rates-n.csv"
placed unreachable.ini "access_points = 1000:1000" "area_m = 100 x 100" "model = waypoint"
expect_bad unreachable "unreachable.ini:13: field 'mobility.access_points': no access point's range (51.5 m) reaches into area_m 100 x 100" "$WORK/unreachable.ini"

placed rates.ini "access_points = 0:0" "phone_positions = 10:0" "[propagation]" "rate_table = rates-n.csv"
expect_bad rate-table-standard "rates-n.csv: field 'standard': no rows for 802.11g" "$WORK/rates.ini"
printf 'standard,phy_mbps,min_snr_db\n802.11g,54,19\n802.11g,65,20\n' >"$WORK/rates-65.csv"
placed rates65.ini "access_points = 0:0" "phone_positions = 10:0" "[propagation]" "rate_table = rates-65.csv"
expect_bad rate-table-rate "rates-65.csv:3: field 'phy_mbps': 65 is not an 802.11g rate" "$WORK/rates65.ini"

placed far.ini "access_points = 0:0, 10:0" "phone_positions = 5:0, 70:0"
expect_bad out-of-range "far.ini:14: field 'mobility.phone_positions': phone 1 at 70:0 is out of every access point's range (51.5 m" "$WORK/far.ini"
placed count.ini "access_points = 0:0" "phone_positions = 5:0, 6:0"
sed -i 's/^\[mobility\]/[load]\nphones = 3\n[mobility]/' "$WORK/count.ini"
expect_bad positions-count "field 'mobility.phone_positions': 2 position(s) for [load] phones = 3" "$WORK/count.ini"

scenario none.ini "[policy]" "policies = cloud-only" "[mobility]" "access_points = 0:0" "phone_positions = 5:0"
expect_bad no-standard "none.ini:11: field 'mobility.access_points': rates from distance need PHY rates" "$WORK/none.ini"
placed rate-key.ini "access_points = 0:0" "phone_positions = 5:0"
sed -i 's/^wifi_standard = 802.11g/wifi_standard = 802.11g\nbandwidth_mbps = 54/' "$WORK/rate-key.ini"
expect_bad idle-bandwidth "field 'network.bandwidth_mbps': does nothing here: with [mobility]" "$WORK/rate-key.ini"
placed static-speed.ini "access_points = 0:0" "phone_positions = 5:0" "speed_mps = 1"
expect_bad idle-speed "field 'mobility.speed_mps': does nothing here" "$WORK/static-speed.ini"
scenario lone.ini "[policy]" "policies = cloud-only" "[propagation]" "tx_power_dbm = 20"
expect_bad idle-propagation "field 'propagation.tx_power_dbm': does nothing here" "$WORK/lone.ini"
echo "ok: bad [mobility] input refused"
