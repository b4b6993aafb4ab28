#!/usr/bin/env bash
# Typos answer with the nearest known name: a misspelt key, section, --set key, model or
# device is refused in one line naming the file, line and key the user wrote, exit 2, with
# "did you mean" when a known name is within a typo's reach, and nothing written.
source "$(dirname "$0")/common.sh"

three_model_files trace.csv
scenario good.ini "[policy]" "policies = mobile-only,hybrid"
"$MUXSIM" run "$WORK/good.ini" --out "$WORK/good" --quiet 2>/dev/null || fail "the valid scenario failed"

# Keys and sections.
scenario key.ini "[network]" "bandwith_mbps = 10"
expect_bad key-typo "key.ini:9: field 'network.bandwith_mbps': unknown key; did you mean 'network.bandwidth_mbps'? (\`muxsim run --keys\` lists all)" "$WORK/key.ini"
scenario misplaced.ini "[policy]" "policies = hybrid" "bandwidth_mbps = 10"
expect_bad key-wrong-section "misplaced.ini:10: field 'policy.bandwidth_mbps': unknown key; did you mean 'network.bandwidth_mbps'?" "$WORK/misplaced.ini"
scenario far.ini "[policy]" "policies = hybrid" "teleport = 1"
expect_bad key-nothing-close "far.ini:10: field 'policy.teleport': unknown key (\`muxsim run --keys\` lists all)" "$WORK/far.ini"
grep -q "known keys" "$WORK/err" && fail "the unknown key still lists every key"
scenario section.ini "[polcy]" "policies = hybrid"
expect_bad section-typo "section.ini:8: field '[polcy]': unknown section; did you mean '[policy]'? (known: devices, policy," "$WORK/section.ini"
scenario nosection.ini "[zzz]" "policies = hybrid"
expect_bad section-nothing-close "nosection.ini:8: field '[zzz]': unknown section; known: devices, policy," "$WORK/nosection.ini"
expect_bad set-key-typo "command line: --set 'network.bandwith_mbps': unknown key; did you mean 'network.bandwidth_mbps'?" \
  "$WORK/good.ini" --set network.bandwith_mbps=5
expect_bad set-section-typo "command line: --set 'netwrk.bandwidth_mbps': unknown key; did you mean 'network.bandwidth_mbps'?" \
  "$WORK/good.ini" --set netwrk.bandwidth_mbps=5

# Models and devices: the key the user wrote, on its line. cloud_models defaults to
# cloud_model, so a cloud_model typo names cloud_model (line 7), not cloud_models.
sed 's/^cloud_model = big/cloud_model = bgi/' "$WORK/good.ini" >"$WORK/cloud.ini"
expect_bad cloud-model-typo "cloud.ini:7: field 'devices.cloud_model': unknown model 'bgi'; the trace has: small, big, bigger; did you mean 'big'?" "$WORK/cloud.ini"
grep -q "cloud_models" "$WORK/err" && fail "cloud-model-typo names cloud_models, which the user never wrote"
expect_bad set-cloud-model-typo "command line --set: field 'devices.cloud_model': unknown model 'bgi'; the trace has: small, big, bigger; did you mean 'big'?" \
  "$WORK/good.ini" --set devices.cloud_model=bgi
sed 's/^mobile_model = small/mobile_model = smal/' "$WORK/good.ini" >"$WORK/mobile.ini"
expect_bad mobile-model-typo "mobile.ini:6: field 'devices.mobile_model': unknown model 'smal'; the trace has: small, big, bigger; did you mean 'small'?" "$WORK/mobile.ini"
# In the trace but not in the profiles: the profiles' models on that device are listed.
scenario mux.ini "mux_model = multiplxer" "[policy]" "policies = hybrid"
expect_bad mux-model-typo "mux.ini:8: field 'devices.mux_model': unknown model 'multiplxer' on device 'phone'; known: small, multiplexer; did you mean 'multiplexer'?" "$WORK/mux.ini"
grep -v '^phone,multiplexer' "$WORK/profile.csv" >"$WORK/nomux.csv"
sed 's/^profiles = .*/profiles = nomux.csv/' "$WORK/good.ini" >"$WORK/nomux.ini"
expect_bad mux-model-default "nomux.ini: field 'devices.mux_model': unknown model 'multiplexer' (the default) on device 'phone'; known: small" "$WORK/nomux.ini"
# Devices: the known devices are listed.
sed 's/^cloud_device = cloud/cloud_device = clod/' "$WORK/good.ini" >"$WORK/device.ini"
expect_bad cloud-device-typo "device.ini:5: field 'devices.cloud_device': unknown device 'clod'; the profiles have devices: phone, cloud; did you mean 'cloud'?" "$WORK/device.ini"
sed 's/^phone_device = phone/phone_device = phnoe/' "$WORK/good.ini" >"$WORK/phone.ini"
expect_bad phone-device-typo "phone.ini:4: field 'devices.phone_device': unknown device 'phnoe'; the profiles have devices: phone, cloud; did you mean 'phone'?" "$WORK/phone.ini"
scenario muxdev.ini "mux_device = gpu" "[policy]" "policies = hybrid"
expect_bad mux-device-unknown "muxdev.ini:8: field 'devices.mux_device': unknown device 'gpu'; the profiles have devices: phone, cloud" "$WORK/muxdev.ini"
grep -q "did you mean" "$WORK/err" && fail "mux-device-unknown suggests a device three letters away"
echo "spelling: all cases passed"
