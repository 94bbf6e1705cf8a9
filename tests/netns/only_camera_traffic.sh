#!/usr/bin/env bash
# No traffic but to cameras (issue 14): discovery, camera add, recording and the live window run
# in a client network namespace joined by a veth link to a camera namespace running
# vigil-camsim, under `strace -f`, which records every connect/sendto/sendmsg. Only the camera's
# address and the WS-Discovery multicast group may appear as destinations: no DNS, no update
# check, no telemetry, no font or map fetch. Afterwards the camera's password is nowhere in the
# data folder (catalog, its WAL, logs, keys, footage) nor in any program Vigil started.
# Everything lives in namespaces this script creates.
# Usage: only_camera_traffic.sh BIN_DIR CAMSIM_CACHE_DIR
set -euo pipefail
bin=$1
cache=$2
if [[ $(id -u) -ne 0 ]] || ! command -v ip >/dev/null 2>&1 || ! command -v strace >/dev/null 2>&1; then
    echo "SKIP: needs root, iproute2 and strace"
    exit 77
fi

tag="vt$$"
client="${tag}c"
cam="${tag}k"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    ip netns del "$client" 2>/dev/null || true
    ip netns del "$cam" 2>/dev/null || true
    [[ -n "${KEEP_WORK:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$client"
ip netns add "$cam"
ip -n "$client" link set lo up
ip -n "$cam" link set lo up
ip link add "${tag}0" type veth peer name "${tag}1"
ip link set "${tag}0" netns "$client"
ip link set "${tag}1" netns "$cam"
ip -n "$client" addr add 10.214.1.1/24 dev "${tag}0"
ip -n "$cam" addr add 10.214.1.2/24 dev "${tag}1"
ip -n "$client" link set "${tag}0" up
ip -n "$cam" link set "${tag}1" up

password="Vigil-Cam-Pass-7731"
ip netns exec "$cam" "$bin/vigil-camsim" --bind 10.214.1.2 --cameras 1 --user admin --password "$password" \
    --cache-dir "$cache" --print-endpoints >"$work/cam.json" 2>"$work/cam.err" &
pids+=($!)
for _ in $(seq 1 600); do
    [[ -s "$work/cam.json" ]] && break
    sleep 0.1
done
[[ -s "$work/cam.json" ]] || { echo "FAIL: the simulator did not start"; cat "$work/cam.err"; exit 1; }
service=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["device_service"])' "$work/cam.json")

data="$work/data"
calls=connect,sendto,sendmsg,execve
trace() { ip netns exec "$client" strace -f -qq -s 256 -e trace=$calls -o "$work/trace.$1" "${@:2}"; }
failures=0

# 1. Discovery finds the camera (multicast on the link).
trace discover "$bin/vigilctl" discover --json --timeout 3 --data-dir "$data" >"$work/found.json"
if grep -q 10.214.1.2 "$work/found.json"; then echo "PASS discovery found the camera"; else
    echo "FAIL discovery:"; cat "$work/found.json"; failures=$((failures + 1)); fi

# 2. The camera is added.
if VIGIL_CAMERA_PASSWORD="$password" trace add "$bin/vigilctl" camera add "$service" --user admin --data-dir "$data" >"$work/add.out" 2>&1; then
    echo "PASS camera add"; else echo "FAIL camera add:"; cat "$work/add.out"; failures=$((failures + 1)); fi

# 3. The recorder records it while the window shows it live, for a few seconds.
ip netns exec "$client" strace -f -qq -s 256 -e trace=$calls -o "$work/trace.recorder" \
    "$bin/vigil-recorder" --data-dir "$data" >"$work/recorder.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
    [[ -S "$data/recorder.sock" ]] && break
    sleep 0.1
done
ip netns exec "$client" env QT_QPA_PLATFORM=offscreen strace -f -qq -s 256 -e trace=$calls \
    -o "$work/trace.window" timeout -s TERM 12 "$bin/vigil" --data-dir "$data" >"$work/window.out" 2>&1 || true
recorded=$("$bin/vigilctl" segments --camera 1 --json --data-dir "$data" 2>/dev/null \
    | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin).get("segments", [])))' || echo 0)
# The recorder itself is stopped (a signal to strace would only detach it).
pkill -TERM -f "vigil-recorder --data-dir $data" 2>/dev/null || true
wait "${pids[1]}" 2>/dev/null || true
if [[ "$recorded" -gt 0 ]]; then echo "PASS recorded $recorded segment(s)"; else
    echo "FAIL nothing recorded:"; cat "$work/recorder.out"; failures=$((failures + 1)); fi

# The window ran and followed the recorder (its live view asks the recorder, not the camera).
if grep -q 'recorder.sock' "$work/trace.window"; then echo "PASS the window talked to the recorder"; else
    echo "FAIL the window never reached the recorder:"; tail -20 "$work/window.out"; failures=$((failures + 1)); fi

# Every destination of every program: only the camera and the discovery group.
/usr/bin/python3 - "$work" <<'PY' || failures=$((failures + 1))
import glob, re, sys
allowed = {"10.214.1.2", "239.255.255.250"}
seen, bad = set(), []
for path in sorted(glob.glob(sys.argv[1] + "/trace.*")):
    for line in open(path, errors="replace"):
        for m in re.finditer(r'sa_family=AF_INET6?, sin6?_port=htons\((\d+)\), (?:sin_addr=inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)")', line):
            addr = m.group(2) or m.group(3)
            seen.add(addr)
            if addr not in allowed:
                bad.append(f"{path.rsplit('/', 1)[1]}: {line.strip()}")
print("destinations seen:", ", ".join(sorted(seen)) or "none")
if bad:
    print("FAIL traffic to other addresses:")
    print("\n".join(bad[:20]))
    sys.exit(1)
if "10.214.1.2" not in seen:
    print("FAIL the trace shows no traffic to the camera either: strace saw nothing")
    sys.exit(1)
print("PASS only the camera and the discovery group were contacted")
PY
# The camera's password: sealed in the catalog, never written in plain text, never passed to a
# program Vigil started.
if grep -rqa -- "$password" "$data"; then
    echo "FAIL the camera's password is in plain text in:"; grep -rla -- "$password" "$data"
    failures=$((failures + 1))
else
    echo "PASS the camera's password is nowhere in the data folder ($(find "$data" -type f | wc -l) files)"
fi
if grep -h 'execve(' "$work"/trace.* | grep -q -- "$password"; then
    echo "FAIL a program was started with the camera's password in its arguments"
    failures=$((failures + 1))
else
    echo "PASS no program was started with the password in its arguments"
fi
echo "$failures failed"
[[ $failures -eq 0 ]]
