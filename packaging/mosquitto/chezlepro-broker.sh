#!/bin/sh
# Manage the Chezlepro broker's accounts, ACL and small CA (Mosquitto 2.0.11).
#
#   chezlepro-broker.sh init-ca                      create the CA (ca/ca.key private; ca.crt public)
#   chezlepro-broker.sh server-cert <dns-name>...    broker certificate signed by the CA (server.crt/.key)
#   chezlepro-broker.sh add-node <site> <node> [--cert]
#        password mode: creates or resets user <site>-<node>, prints the password once
#        --cert: also issues <site>-<node>.crt/.key (CN=<site>-<node>) for certificate mode
#   chezlepro-broker.sh add-collector <id> [--cert]  user collector-<id>, prints the password once
#        --cert: also issues collector-<id>.crt/.key (CN=collector-<id>) for certificate mode
#   chezlepro-broker.sh acl-node <site> <node>       rewrites the node's ACL block (password kept), e.g. after an upgrade
#   chezlepro-broker.sh acl-collector <id>           the same for a collector
#   chezlepro-broker.sh remove <user>                deletes the user and its ACL block
#
# Environment: CHEZLEPRO_BROKER_DIR (default /etc/mosquitto/chezlepro), CHEZLEPRO_TOPIC_ROOT (default chezlepro),
# CHEZLEPRO_BROKER_RELOAD=0 to skip the SIGHUP that makes Mosquitto re-read the password and ACL files.
#
# ACL design: user names are <site>-<node>, but the topic needs <site>/<node> as TWO levels; Mosquitto's %u and %c
# each fill exactly one level (sla §2.3), so a pattern cannot express it. This script writes one explicit `user`
# block per node instead, between markers, and rewrites that block when the node is added again.
set -eu

DIR=${CHEZLEPRO_BROKER_DIR:-/etc/mosquitto/chezlepro}
ROOT=${CHEZLEPRO_TOPIC_ROOT:-chezlepro}
PASSWD="$DIR/passwd"
ACL="$DIR/acl"
CA="$DIR/ca"
DAYS_CA=3650
DAYS_LEAF=825

die() { echo "chezlepro-broker: $*" >&2; exit 1; }

# contract.md identities: [a-z0-9][a-z0-9-]{0,31}. Nothing else may reach a topic or an ACL line.
check_id() {
    printf '%s' "$2" | grep -Eq '^[a-z0-9][a-z0-9-]{0,31}$' || die "$1 '$2' must match [a-z0-9][a-z0-9-]{0,31}"
}

new_password() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-28; }

ensure_files() {
    mkdir -p "$DIR"
    [ -f "$PASSWD" ] || { : > "$PASSWD"; chmod 600 "$PASSWD"; }
    [ -f "$ACL" ] || printf '# Chezlepro broker ACL, written by chezlepro-broker.sh. Edit through the script.\n' > "$ACL"
    # Mosquitto drops to the mosquitto user after reading its configuration (sla §2.2).
    if id mosquitto >/dev/null 2>&1; then chown mosquitto: "$PASSWD" "$ACL" 2>/dev/null || true; fi
}

# Replace (or append) the block of one user in the ACL: lines between "# BEGIN <user>" and "# END <user>".
write_block() {
    user=$1; body=$2
    tmp="$ACL.tmp.$$"
    awk -v b="# BEGIN $user" -v e="# END $user" '$0==b{skip=1} !skip{print} $0==e{skip=0}' "$ACL" > "$tmp"
    printf '%s\nuser %s\n%s%s\n' "# BEGIN $user" "$user" "$body" "# END $user" >> "$tmp"
    mv "$tmp" "$ACL"
    if id mosquitto >/dev/null 2>&1; then chown mosquitto: "$ACL" 2>/dev/null || true; fi
}

set_password() {
    user=$1; pw=$(new_password)
    mosquitto_passwd -b "$PASSWD" "$user" "$pw" || die "mosquitto_passwd failed for $user"
    echo "$pw"
}

reload() {
    [ "${CHEZLEPRO_BROKER_RELOAD:-1}" = 1 ] || return 0
    if [ -f /run/mosquitto/mosquitto.pid ]; then kill -HUP "$(cat /run/mosquitto/mosquitto.pid)" && echo "mosquitto reloaded" >&2
    else echo "reload mosquitto to apply: systemctl reload mosquitto (or kill -HUP its pid)" >&2; fi
}

issue() { # <name> <subject CN> <extensions>
    [ -f "$CA/ca.key" ] || die "no CA in $CA: run init-ca first"
    name=$1; cn=$2; ext=$3
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$cn" \
        -keyout "$DIR/$name.key" -out "$DIR/$name.csr" 2>/dev/null
    printf '%b' "$ext" > "$DIR/$name.ext"
    openssl x509 -req -in "$DIR/$name.csr" -CA "$CA/ca.crt" -CAkey "$CA/ca.key" -CAcreateserial \
        -days $DAYS_LEAF -sha256 -extfile "$DIR/$name.ext" -out "$DIR/$name.crt" 2>/dev/null
    rm -f "$DIR/$name.csr" "$DIR/$name.ext"
    chmod 600 "$DIR/$name.key"
}

# A node writes only its own outbox topics and status, never its own ack (a forged watermark would make its agent
# delete rows no collector has); it reads its own ack, failover decisions and collector presence (contract.md topics).
# Command substitution strips the last newline: the callers put it back (write_block expects the body to end with one).
node_acl() {
    printf 'topic write %s\ntopic write %s\ntopic write %s\ntopic write %s\ntopic write %s\ntopic read %s\ntopic read %s\ntopic read %s\n' \
        "$ROOT/v1/$1/$2/status" "$ROOT/v1/$1/$2/telemetry/+" "$ROOT/v1/$1/$2/health/+" "$ROOT/v1/$1/$2/alerts" "$ROOT/v1/$1/$2/gaps" \
        "$ROOT/v1/$1/$2/ack" "$ROOT/v1/failover/#" "$ROOT/v1/collector/+/status"
}

# The collector reads everything and writes decisions, NOC alerts, its presence and every node's delivery watermark.
collector_acl() {
    printf 'topic read %s\ntopic write %s\ntopic write %s\ntopic write %s\ntopic write %s\n' \
        "$ROOT/v1/#" "$ROOT/v1/failover/#" "$ROOT/v1/noc/#" "$ROOT/v1/collector/$1/status" "$ROOT/v1/+/+/ack"
}

cmd=${1:-}; [ $# -gt 0 ] && shift
case "$cmd" in
init-ca)
    mkdir -p "$CA"; chmod 700 "$CA"
    [ -f "$CA/ca.key" ] && die "CA already exists in $CA"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days $DAYS_CA -sha256 \
        -subj "/CN=Chezlepro broker CA" -keyout "$CA/ca.key" -out "$CA/ca.crt" \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    chmod 600 "$CA/ca.key"
    # The broker runs as user mosquitto and cannot enter ca/ (0700): it gets its own copy of the public part.
    cp "$CA/ca.crt" "$DIR/ca.crt"
    echo "$DIR/ca.crt"
    ;;
server-cert)
    [ $# -ge 1 ] || die "usage: server-cert <dns-name>..."
    san=""; for n in "$@"; do san="${san:+$san,}DNS:$n"; done
    issue server "$1" "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=serverAuth\nsubjectAltName=$san\n"
    if id mosquitto >/dev/null 2>&1; then chown mosquitto: "$DIR/server.key" 2>/dev/null || true; fi
    echo "$DIR/server.crt"
    ;;
add-node)
    [ $# -ge 2 ] || die "usage: add-node <site> <node> [--cert]"
    check_id site "$1"; check_id node "$2"
    user="$1-$2"; ensure_files
    write_block "$user" "$(node_acl "$1" "$2")
"
    pw=$(set_password "$user")
    if [ "${3:-}" = "--cert" ]; then
        issue "$user" "$user" "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=clientAuth\n"
        echo "certificate: $DIR/$user.crt key: $DIR/$user.key" >&2
    fi
    reload
    echo "user=$user"
    echo "password=$pw"
    ;;
add-collector)
    [ $# -ge 1 ] || die "usage: add-collector <id> [--cert]"
    check_id collector "$1"
    user="collector-$1"; ensure_files
    write_block "$user" "$(collector_acl "$1")
"
    pw=$(set_password "$user")
    if [ "${2:-}" = "--cert" ]; then
        issue "$user" "$user" "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=clientAuth\n"
        echo "certificate: $DIR/$user.crt key: $DIR/$user.key" >&2
    fi
    reload
    echo "user=$user"
    echo "password=$pw"
    ;;
acl-node)
    # Rewrites a node's ACL block to this version's rules, keeping its password (upgrade from a broker set up before the
    # delivery watermark: such a node can write its own ack and cannot read it).
    [ $# -ge 2 ] || die "usage: acl-node <site> <node>"
    check_id site "$1"; check_id node "$2"
    ensure_files
    write_block "$1-$2" "$(node_acl "$1" "$2")
"
    reload
    ;;
acl-collector)
    [ $# -ge 1 ] || die "usage: acl-collector <id>"
    check_id collector "$1"
    ensure_files
    write_block "collector-$1" "$(collector_acl "$1")
"
    reload
    ;;
remove)
    [ $# -ge 1 ] || die "usage: remove <user>"
    ensure_files
    mosquitto_passwd -D "$PASSWD" "$1" || true
    tmp="$ACL.tmp.$$"
    awk -v b="# BEGIN $1" -v e="# END $1" '$0==b{skip=1} !skip{print} $0==e{skip=0}' "$ACL" > "$tmp" && mv "$tmp" "$ACL"
    reload
    ;;
*)
    sed -n '2,20p' "$0" >&2
    exit 2
    ;;
esac
