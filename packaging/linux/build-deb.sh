#!/bin/sh
# Builds one .deb per service from a self-contained publish.
#   packaging/linux/build-deb.sh <rid> <version> [agent] [collector]
#   rid: linux-x64 | linux-arm64        output: out/chezlepro-<role>_<version>_<arch>.deb
# Environment:
#   OUT_DIR                      where the .deb files go (default: <repo>/out)
#   CHEZLEPRO_PUBLISH_AGENT      an existing publish folder for the agent (skips dotnet publish)
#   CHEZLEPRO_PUBLISH_COLLECTOR  the same for the collector
#   ARTIFACTS_PATH               dotnet --artifacts-path for the publish (default: <OUT_DIR>/artifacts)
#   DEB_COMPRESS                 dpkg-deb compressor: xz (default, smallest) or gzip (fast, for tests)
#   AGENT_AOT                    true (default): the agent is published Native AOT; false: the trimmed
#                                self-contained JIT build (-p:AgentAot=false), the fallback
# The AOT publish needs clang and binutils (the linker), plus for linux-arm64 (cross-linked from x64: clang
# --target=aarch64-linux-gnu) the aarch64 cross binutils, gcc's crt objects and libgcc, and the C runtime; run as
# root with apt-get at hand, this script installs whichever Debian package is missing.
set -eu

usage() { echo "usage: $0 <linux-x64|linux-arm64> <version> [agent] [collector]" >&2; exit 2; }
[ $# -ge 2 ] || usage
RID=$1
VERSION=$2
shift 2
ROLES=${*:-agent collector}
case "$RID" in
    linux-x64) ARCH=amd64 ;;
    linux-arm64) ARCH=arm64 ;;
    *) usage ;;
esac
echo "$VERSION" | grep -Eq '^[0-9][A-Za-z0-9.+~-]*$' || { echo "bad version '$VERSION'" >&2; exit 2; }

AGENT_AOT=${AGENT_AOT:-true}
case "$AGENT_AOT" in true|false) ;; *) echo "AGENT_AOT must be true or false, not '$AGENT_AOT'" >&2; exit 2 ;; esac

# Native AOT compiles to native code with the platform's C toolchain (zlib and brotli come inside the ILCompiler
# package; zlib1g-dev is what the .NET prerequisites name and costs nothing).
aot_requirements() {
    packages="clang binutils zlib1g-dev"
    [ "$RID" = linux-arm64 ] && packages="$packages gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross"
    missing=
    for p in $packages; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing the Native AOT build requirements:$missing"
        # A fresh machine (or container) has no package lists yet.
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "Native AOT needs the Debian packages:$missing (apt-get install -y$missing), or AGENT_AOT=false" >&2
        exit 1
    fi
}

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT_DIR=${OUT_DIR:-$REPO/out}
ARTIFACTS_PATH=${ARTIFACTS_PATH:-$OUT_DIR/artifacts}
mkdir -p "$OUT_DIR"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for ROLE in $ROLES; do
    case "$ROLE" in
        agent) PROJECT=agent/Chezlepro.Agent/Chezlepro.Agent.csproj; PUBLISHED=${CHEZLEPRO_PUBLISH_AGENT:-}; RECOMMENDS=
               DESCRIPTION="Chezlepro site agent (power plant, infrastructure health, outbox, LAN status page)" ;;
        # chromium prints the monthly client report as PDF (Reports:ChromiumPath); without it that request answers 503.
        collector) PROJECT=collector/Chezlepro.Collector/Chezlepro.Collector.csproj; PUBLISHED=${CHEZLEPRO_PUBLISH_COLLECTOR:-}; RECOMMENDS=chromium
               DESCRIPTION="Chezlepro collector (ingest, availability and SLA, failover decisions, REST API)" ;;
        *) echo "unknown role '$ROLE'" >&2; exit 2 ;;
    esac
    PKG=chezlepro-$ROLE
    if [ -z "$PUBLISHED" ]; then
        PUBLISHED=$WORK/publish-$ROLE
        [ "$ROLE" = agent ] && [ "$AGENT_AOT" = true ] && aot_requirements
        dotnet publish "$REPO/$PROJECT" -c Release -r "$RID" --self-contained true -p:Version="$VERSION" \
            -p:AgentAot="$AGENT_AOT" --artifacts-path "$ARTIFACTS_PATH" -o "$PUBLISHED"
    fi
    [ -x "$PUBLISHED/$PKG" ] || { echo "$PUBLISHED/$PKG missing: not a publish of $PROJECT" >&2; exit 1; }

    ROOT=$WORK/root-$ROLE
    mkdir -p "$ROOT/DEBIAN" "$ROOT/usr/lib/$PKG" "$ROOT/lib/systemd/system" "$ROOT/etc/chezlepro" "$ROOT/usr/share/doc/$PKG"
    # Debug symbols and XML docs are not needed on a site node (nor the AOT binary's separate .dbg symbols).
    (cd "$PUBLISHED" && tar --exclude='*.pdb' --exclude='*.xml' --exclude='*.dbg' -cf - .) | (cd "$ROOT/usr/lib/$PKG" && tar -xf -)
    cp "$HERE/$PKG.service" "$ROOT/lib/systemd/system/$PKG.service"
    cp "$HERE/config/$ROLE.json" "$ROOT/etc/chezlepro/$ROLE.json"
    cp "$REPO/packaging/README.md" "$ROOT/usr/share/doc/$PKG/README.md"

    find "$ROOT" -type d -exec chmod 0755 {} +
    find "$ROOT" -type f -exec chmod 0644 {} +
    chmod 0755 "$ROOT/usr/lib/$PKG/$PKG"
    [ -f "$ROOT/usr/lib/$PKG/createdump" ] && chmod 0755 "$ROOT/usr/lib/$PKG/createdump"

    SIZE=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
    for f in postinst prerm postrm; do
        sed -e "s/@PKG@/$PKG/g" -e "s/@ROLE@/$ROLE/g" "$HERE/debian/$f" > "$ROOT/DEBIAN/$f"
        chmod 0755 "$ROOT/DEBIAN/$f"
    done
    sed -e "s/@PKG@/$PKG/g" -e "s/@ROLE@/$ROLE/g" -e "s/@VERSION@/$VERSION/g" -e "s/@ARCH@/$ARCH/g" \
        -e "s/@SIZE@/$SIZE/g" -e "s/@DESCRIPTION@/$DESCRIPTION/g" -e "s/@RECOMMENDS@/$RECOMMENDS/g" -e '/^Recommends: *$/d' \
        "$HERE/debian/control.in" > "$ROOT/DEBIAN/control"
    # dpkg keeps an edited conffile on upgrade (and asks before replacing it).
    echo "/etc/chezlepro/$ROLE.json" > "$ROOT/DEBIAN/conffiles"
    chmod 0644 "$ROOT/DEBIAN/control" "$ROOT/DEBIAN/conffiles"

    DEB=$OUT_DIR/${PKG}_${VERSION}_${ARCH}.deb
    dpkg-deb --root-owner-group -Z"${DEB_COMPRESS:-xz}" --build "$ROOT" "$DEB"
    echo "built $DEB"
done
