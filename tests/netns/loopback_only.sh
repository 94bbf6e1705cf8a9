#!/usr/bin/env bash
# Runs a command in a new network namespace that has nothing but loopback: what it sends to any
# address other than 127.0.0.0/8 goes nowhere. For tests that serve real cameras' answers, which
# name those cameras' LAN addresses. Exit 77 (skip) when no namespace can be made.
# Usage: loopback_only.sh COMMAND [ARG…]
set -euo pipefail
inner='ip link set lo up && exec "$@"'
if [[ $(id -u) -eq 0 ]]; then
    exec unshare --net -- bash -c "$inner" bash "$@"
fi
# A user namespace lets an unprivileged user own a network namespace, where the kernel allows it.
if unshare --user --map-root-user --net -- true 2>/dev/null; then
    exec unshare --user --map-root-user --net -- bash -c "$inner" bash "$@"
fi
echo "SKIP: cannot create a network namespace (needs root or unprivileged user namespaces)"
exit 77
