#!/usr/bin/env bash
# `vigilctl service install|status|uninstall` for a tarball install, as root (a system service:
# user "vigil", /var/lib/vigil) and as an ordinary user (a user service on their own folder).
# Runs inside a mount namespace whose /etc, /var/lib and /home are overlays in a temporary
# folder: the users, units and folders it creates vanish with it, and the machine is untouched.
# systemd does not run in that namespace (nor on CI), so install says so, and the unit it wrote
# is checked with systemd-analyze verify and by starting the recorder as the unit would.
#   check_service_install.sh BIN_DIR
set -euo pipefail
bin="$(cd "$1" && pwd)"
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null; then
    echo "not root: the service install is not tried"
    exit 77
fi
if [ "${VIGIL_IN_NAMESPACE:-}" != 1 ]; then
    scratch="$(mktemp -d)"
    trap 'rm -rf "$scratch"' EXIT
    VIGIL_IN_NAMESPACE=1 VIGIL_SCRATCH="$scratch" exec unshare -m bash "$0" "$@"
fi
mount --make-rprivate /
for dir in /etc /var/lib /home; do
    name="$(basename "$dir")"
    mkdir -p "$VIGIL_SCRATCH/$name/upper" "$VIGIL_SCRATCH/$name/work"
    mount -t overlay overlay \
        -o "lowerdir=$dir,upperdir=$VIGIL_SCRATCH/$name/upper,workdir=$VIGIL_SCRATCH/$name/work" "$dir"
done
# No systemd here, even where the machine runs one: hide its runtime folder.
mount -t tmpfs tmpfs /run/systemd 2>/dev/null || true
# Unpacked as a tarball would be, where the service's user and the clerk may read it (a build
# folder under a private temporary folder, as on CI, is not).
mount -t tmpfs -o mode=0755 tmpfs /mnt
mkdir -p /mnt/vigil/bin
cp "$bin/vigilctl" "$bin/vigil-recorder" /mnt/vigil/bin/
bin=/mnt/vigil/bin
ctl="$bin/vigilctl"

# --- as root: a system service ---
set +e
out="$("$ctl" service install 2>&1)"
code=$?
set -e
echo "$out"
[ "$code" = 3 ] || fail "install without systemd should exit 3, not $code"
grep -q "systemd is not running" <<<"$out" || fail "install does not say systemd is not running"
grep -q "Created the system user \"vigil\"" <<<"$out" || fail "install did not create the user"
getent passwd vigil >/dev/null || fail "no user vigil after install"
[ "$(stat -c '%U:%G %a' /var/lib/vigil)" = "vigil:vigil 770" ] \
    || fail "/var/lib/vigil is $(stat -c '%U:%G %a' /var/lib/vigil), not vigil:vigil 770"
unit=/etc/systemd/system/vigil-recorder.service
[ -f "$unit" ] || fail "no $unit"
for line in "Type=notify" "User=vigil" "ExecStart=$bin/vigil-recorder --data-dir /var/lib/vigil" \
        "WatchdogSec=" "ProtectHome=yes" "WantedBy=multi-user.target"; do
    grep -qF "$line" "$unit" || fail "the system unit lacks $line"
done
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify "$unit" || fail "systemd-analyze verify refuses the system unit"
fi
grep -q '"installed": true' <<<"$("$ctl" service status --json)" || fail "status does not see the unit"

# The unit's command works as the unit runs it: as user vigil, on /var/lib/vigil.
runuser -u vigil -- test -x "$bin/vigil-recorder" || fail "user vigil cannot run $bin/vigil-recorder"
{
    exec_start="$(sed -n 's/^ExecStart=//p' "$unit")"
    # setpriv execs the command itself (runuser would stand between it and the signal).
    setpriv --reuid=vigil --regid=vigil --init-groups $exec_start >"$VIGIL_SCRATCH/recorder.log" 2>&1 &
    recorder=$!
    for _ in $(seq 1 60); do
        grep -q '"recorder_answers": true' <<<"$("$ctl" service status --json)" && break
        sleep 0.5 # polling another process's socket: no signal to wait on from a shell
    done
    grep -q '"recorder_answers": true' <<<"$("$ctl" service status --json)" \
        || { cat "$VIGIL_SCRATCH/recorder.log"; fail "the unit's recorder does not answer"; }
    kill -TERM "$recorder"
    wait "$recorder" || fail "the unit's recorder did not stop cleanly on SIGTERM"
    [ "$(stat -c %U /var/lib/vigil/vigil.sqlite)" = vigil ] || fail "the catalog is not vigil's"
}

out="$("$ctl" service uninstall)"
echo "$out"
[ ! -e "$unit" ] || fail "uninstall left $unit"
[ -d /var/lib/vigil ] || fail "uninstall removed the data folder"
grep -q '"installed": false' <<<"$("$ctl" service status --json)" || fail "status still sees the unit"
set +e
"$ctl" service uninstall >/dev/null 2>&1
code=$?
set -e
[ "$code" = 3 ] || fail "uninstalling twice should exit 3, not $code"

# A system service cannot run a Vigil kept in a home folder (ProtectHome): refused, with why.
mkdir -p /root/vigil-copy
cp "$bin/vigilctl" "$bin/vigil-recorder" /root/vigil-copy/
set +e
out="$(/root/vigil-copy/vigilctl service install 2>&1)"
code=$?
set -e
[ "$code" = 3 ] && grep -q "home folder" <<<"$out" \
    || fail "a Vigil in /root was not refused for a system service ($code): $out"
rm -rf /root/vigil-copy

# --- as an ordinary user: their own service on their own folder ---
adduser --disabled-password --gecos "" --home /home/clerk clerk >/dev/null
set +e
out="$(runuser -u clerk -- env HOME=/home/clerk XDG_CONFIG_HOME= "$ctl" service install \
    --data-dir /home/clerk/vigil-data 2>&1)"
code=$?
set -e
echo "$out"
[ "$code" = 3 ] || fail "a user's install without their systemd should exit 3, not $code"
user_unit=/home/clerk/.config/systemd/user/vigil-recorder.service
[ -f "$user_unit" ] || fail "no $user_unit"
[ "$(stat -c %U "$user_unit")" = clerk ] || fail "the user unit is not the user's"
grep -qF "ExecStart=$bin/vigil-recorder --data-dir /home/clerk/vigil-data" "$user_unit" \
    || fail "the user unit does not record the user's folder"
grep -qF "WantedBy=default.target" "$user_unit" || fail "the user unit is not wanted at login"
! grep -qE "^(User|Group|ProtectHome|StateDirectory)=" "$user_unit" \
    || fail "the user unit keeps system-only lines"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify "$user_unit" || fail "systemd-analyze verify refuses the user unit"
fi
[ -d /home/clerk/vigil-data ] || fail "the user's data folder was not created"
runuser -u clerk -- env HOME=/home/clerk XDG_CONFIG_HOME= "$ctl" service uninstall \
    --data-dir /home/clerk/vigil-data
[ ! -e "$user_unit" ] || fail "the user's uninstall left the unit"
echo "service install ok: system and user services install, verify, run and uninstall"
