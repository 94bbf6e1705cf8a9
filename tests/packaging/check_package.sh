#!/usr/bin/env bash
# The Debian package as a town's IT person meets it: built by `--target package`, it holds the
# executables, the systemd unit, the desktop entry, the icon and the translations; its unit is
# valid; and (as root, on a machine without another Vigil package) it installs — creating the
# service's user and folder — and purges cleanly.
#   check_package.sh BUILD_DIR
set -euo pipefail
build="$1"
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --build "$build" --target package >"$build/package.log" 2>&1 \
    || { tail -20 "$build/package.log"; fail "the package did not build"; }
deb="$(ls -t "$build"/vigil_*.deb | sed -n 1p)"
[ -f "$deb" ] || fail "no .deb in $build"
echo "package: $deb"

contents="$(dpkg-deb -c "$deb")"
for path in ./usr/bin/vigil ./usr/bin/vigilctl ./usr/bin/vigil-recorder ./usr/bin/vigil-camsim \
        ./usr/lib/systemd/system/vigil-recorder.service ./usr/share/applications/vigil.desktop \
        ./usr/share/icons/hicolor/scalable/apps/vigil.svg \
        ./usr/share/vigil/translations/vigil_es.qm; do
    grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done
info="$(dpkg-deb -f "$deb" Depends)"
for dep in adduser libqt6core6 libavformat59 libsodium23 gstreamer1.0-libav; do
    grep -q "$dep" <<<"$info" || fail "the package does not depend on $dep: $info"
done
for script in postinst prerm postrm; do
    dpkg-deb -I "$deb" "$script" >/dev/null || fail "the package has no $script"
done

unit="$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/systemd/system/vigil-recorder.service)"
for line in "Type=notify" "User=vigil" "ExecStart=/usr/bin/vigil-recorder --data-dir /var/lib/vigil" \
        "ExecReload=/bin/kill -HUP \$MAINPID" "WatchdogSec=" "WantedBy=multi-user.target"; do
    grep -qF "$line" <<<"$unit" || fail "the unit lacks $line"
done
if command -v desktop-file-validate >/dev/null; then
    dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/applications/vigil.desktop \
        >"$build/vigil.desktop.check"
    desktop-file-validate "$build/vigil.desktop.check" || fail "the desktop entry is not valid"
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "not root: install and removal not tried"
    exit 0
fi
if [[ "$(dpkg-query -W -f='${Status}' vigil 2>/dev/null || true)" == *"ok installed"* ]]; then
    echo "a vigil package is already installed here: install and removal not tried"
    exit 0
fi
created_home=0
[ -e /var/lib/vigil ] || created_home=1
had_user=0
getent passwd vigil >/dev/null && had_user=1
cleanup() {
    dpkg -P vigil >/dev/null 2>&1 || true
    if [ "$created_home" = 1 ]; then rm -rf /var/lib/vigil; fi
}
trap cleanup EXIT

dpkg -i "$deb" >"$build/dpkg-install.log" 2>&1 || { cat "$build/dpkg-install.log"; fail "dpkg -i failed"; }
getent passwd vigil >/dev/null || fail "no user vigil after install"
[ "$(stat -c %U:%G /var/lib/vigil)" = "vigil:vigil" ] || fail "/var/lib/vigil is not the service's"
/usr/bin/vigil-recorder --version >/dev/null || fail "the installed recorder does not run"
# (output captured first: under pipefail, `cmd | grep -q` fails when grep quits before cmd's
# last write and cmd dies of SIGPIPE)
info="$(/usr/bin/vigilctl --data-dir "$(mktemp -d)" --lang es info)" \
    || fail "the installed vigilctl info failed"
grep -q "Carpeta de datos" <<<"$info" || fail "the installed vigilctl does not speak Spanish: $info"
if command -v systemd-analyze >/dev/null; then
    # (verify needs the executables the unit names: checked while installed)
    systemd-analyze verify /usr/lib/systemd/system/vigil-recorder.service \
        || fail "systemd-analyze verify refuses the unit"
fi
dpkg -P vigil >"$build/dpkg-purge.log" 2>&1 || { cat "$build/dpkg-purge.log"; fail "dpkg -P failed"; }
for path in /usr/bin/vigil /usr/bin/vigil-recorder /usr/lib/systemd/system/vigil-recorder.service; do
    [ ! -e "$path" ] || fail "$path is still there after purge"
done
if [ "$had_user" = 0 ]; then
    ! getent passwd vigil >/dev/null || fail "user vigil is still there after purge"
fi
echo "package ok: installs, runs, verifies and purges"
