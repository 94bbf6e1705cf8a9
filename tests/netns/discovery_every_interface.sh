#!/usr/bin/env bash
# Discovery from *every* interface, on real links: a client network namespace with two veth
# links, each to a camera namespace running vigil-camsim on its own subnet. `vigilctl discover`
# (no --interface) must find both cameras, each through its own interface, and `vigilctl probe`
# must read one across the link. Everything lives in namespaces this script creates and deletes:
# no packet can reach a real network card.
# Usage: discovery_every_interface.sh BIN_DIR CAMSIM_CACHE_DIR
set -euo pipefail
bin=$1
cache=$2
if [[ $(id -u) -ne 0 ]] || ! command -v ip >/dev/null 2>&1; then
    echo "SKIP: needs root and iproute2 to create network namespaces"
    exit 77
fi

tag="vg$$"
client="${tag}c"
cams=("${tag}a" "${tag}b")
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    for ns in "$client" "${cams[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$client"
ip -n "$client" link set lo up
for i in 0 1; do
    ns=${cams[$i]}
    subnet="10.213.$((i + 1))"
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip link add "${tag}c$i" type veth peer name "${tag}k$i"
    ip link set "${tag}c$i" netns "$client"
    ip link set "${tag}k$i" netns "$ns"
    ip -n "$client" addr add "$subnet.1/24" dev "${tag}c$i"
    ip -n "$ns" addr add "$subnet.2/24" dev "${tag}k$i"
    ip -n "$client" link set "${tag}c$i" up
    ip -n "$ns" link set "${tag}k$i" up
    ip netns exec "$ns" "$bin/vigil-camsim" --bind "$subnet.2" --cameras 1 --user admin --password secret \
        --cache-dir "$cache" --print-endpoints >"$work/cam$i.json" 2>"$work/cam$i.err" &
    pids+=($!)
done

for i in 0 1; do
    for _ in $(seq 1 600); do
        [[ -s "$work/cam$i.json" ]] && break
        sleep 0.1
    done
    [[ -s "$work/cam$i.json" ]] || { echo "FAIL: simulator $i did not start"; cat "$work/cam$i.err"; exit 1; }
done

ip netns exec "$client" "$bin/vigilctl" discover --json --timeout 3 --data-dir "$work/data" >"$work/found.json"
failures=0
for i in 0 1; do
    uuid=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["uuid"])' "$work/cam$i.json")
    interface=$(/usr/bin/python3 -c '
import json, sys
for d in json.load(open(sys.argv[1])):
    if d["endpoint"] == sys.argv[2]:
        print(d["interface"])' "$work/found.json" "$uuid")
    if [[ "$interface" == "10.213.$((i + 1)).1" ]]; then
        echo "PASS camera $i found through $interface"
    else
        echo "FAIL camera $i ($uuid) not found through 10.213.$((i + 1)).1:"; cat "$work/found.json"
        failures=$((failures + 1))
    fi
done

# Unicast, as for cameras behind a router that drops multicast: only the camera asked answers.
uuid1=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["uuid"])' "$work/cam1.json")
uuid0=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["uuid"])' "$work/cam0.json")
ip netns exec "$client" "$bin/vigilctl" discover --address 10.213.2.2 --json --timeout 2 --data-dir "$work/data" >"$work/unicast.json"
if grep -q "$uuid1" "$work/unicast.json" && ! grep -q "$uuid0" "$work/unicast.json"; then
    echo "PASS unicast probe of one address"
else
    echo "FAIL unicast probe of one address:"; cat "$work/unicast.json"
    failures=$((failures + 1))
fi

service=$(/usr/bin/python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["device_service"])' "$work/cam1.json")
probe=$(ip netns exec "$client" "$bin/vigilctl" probe "$service" --user admin --password secret --data-dir "$work/data" || true)
if grep -q "1920x1080" <<<"$probe"; then
    echo "PASS probe across the link"
else
    echo "FAIL probe across the link"
    failures=$((failures + 1))
fi
echo "$((4 - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
