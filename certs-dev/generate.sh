#!/usr/bin/env bash
# Borderlink DEVELOPMENT PKI generator.  DEV ONLY - the keys it produces are public.
#
# Usage: certs-dev/generate.sh          (from anywhere)
#
# Idempotent: builds everything in a temporary directory, runs the self-checks,
# and only then replaces the generated files in certs-dev/ (NAME.p12, NAME.crt.pem,
# NAME.key.pem and ca/).  generate.sh and README.md are left untouched.
# CA private keys and the openssl CA databases (index.txt, serial, crlnumber, ...)
# live only in the temp directory and are discarded.
set -euo pipefail

OUT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PASS=changeit
CA_START=250101000000Z      # 2025-01-01
CA_END=450101000000Z        # 2045-01-01
LEAF_START=250101000000Z    # 2025-01-01
LEAF_END=350101000000Z      # 2035-01-01
CRL_NEXT=450101000000Z      # 2045-01-01

command -v openssl >/dev/null || { echo "openssl not found" >&2; exit 1; }
command -v keytool >/dev/null || { echo "keytool not found" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/borderlink-pki.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/db"          # per-CA openssl databases + CA keys (never committed)
STAGE="$WORK/out"      # staged output, copied to certs-dev/ after the checks
mkdir -p "$DB" "$STAGE/ca"

log() { printf '>> %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------
# Extension profiles
# ---------------------------------------------------------------------------
EXT="$WORK/extensions.cnf"
cat > "$EXT" <<'EXTEOF'
[ v3_root ]
basicConstraints       = critical, CA:TRUE
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ v3_intermediate ]
basicConstraints       = critical, CA:TRUE, pathlen:0
keyUsage               = critical, keyCertSign, cRLSign
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ ext_gateway ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth, clientAuth
subjectAltName         = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ ext_gateway_enc ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, keyEncipherment, dataEncipherment
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ ext_agency ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, nonRepudiation, keyEncipherment
extendedKeyUsage       = clientAuth, serverAuth
subjectAltName         = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ ext_partner ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyEncipherment
extendedKeyUsage       = serverAuth, clientAuth
subjectAltName         = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

# Elliptic-curve (P-256) identities: signatures and key agreement (ECDH-ES), never key encipherment.
[ ext_gateway_ec ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ ext_gateway_enc_ec ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, keyAgreement
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ ext_agency_ec ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, nonRepudiation, keyAgreement
extendedKeyUsage       = clientAuth, serverAuth
subjectAltName         = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ ext_partner_ec ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, keyAgreement
extendedKeyUsage       = serverAuth, clientAuth
subjectAltName         = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ ext_person ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid:always

[ crl_ext ]
authorityKeyIdentifier = keyid:always
EXTEOF

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
# Key type of the next key made: rsa (RSA 2048, the default) or ec (P-256, named curve).
# Set per call: KEY_TYPE=ec make_leaf ...
KEY_TYPE=rsa

newkey() {  # newkey FILE  -> a $KEY_TYPE key, PKCS#8 unencrypted
  case "$KEY_TYPE" in
    rsa) openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" ;;
    ec)  openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
           -pkeyopt ec_param_enc:named_curve -out "$1" ;;
    *)   echo "unknown KEY_TYPE $KEY_TYPE" >&2; exit 1 ;;
  esac
}

# subj "C=MN/O=Borderlink Dev/OU=DEV ONLY/CN=x" -> openssl -subj form
subj() { printf '/%s' "$1"; }

ca_conf() {  # ca_conf CANAME -> writes $DB/CANAME/ca.cnf + empty database
  local name=$1 d="$DB/$1"
  mkdir -p "$d/newcerts"
  : > "$d/index.txt"
  echo "unique_subject = no" > "$d/index.txt.attr"
  openssl rand -hex 16 > "$d/serial"
  echo 1000 > "$d/crlnumber"
  cat > "$d/ca.cnf" <<CNFEOF
[ ca ]
default_ca = CA_default

[ CA_default ]
dir             = $d
database        = \$dir/index.txt
new_certs_dir   = \$dir/newcerts
serial          = \$dir/serial
crlnumber       = \$dir/crlnumber
certificate     = \$dir/ca.crt.pem
private_key     = \$dir/ca.key.pem
default_md      = sha256
default_days    = 3650
default_crl_days = 30
policy          = policy_any
preserve        = yes
unique_subject  = no
email_in_dn     = no
copy_extensions = none
crl_extensions  = crl_ext

[ policy_any ]
countryName            = optional
stateOrProvinceName    = optional
localityName           = optional
organizationName       = optional
organizationalUnitName = optional
commonName             = supplied
emailAddress           = optional

[ crl_ext ]
authorityKeyIdentifier = keyid:always

[ req ]
distinguished_name = req_dn
prompt             = no
[ req_dn ]
CN = placeholder
CNFEOF
}

# make_root NAME "DN"
make_root() {
  local name=$1 dn=$2 d="$DB/$1"
  log "root CA $name"
  ca_conf "$name"
  newkey "$d/ca.key.pem"
  openssl req -new -config "$d/ca.cnf" -key "$d/ca.key.pem" -subj "$(subj "$dn")" -out "$d/ca.csr"
  openssl ca -batch -notext -config "$d/ca.cnf" -selfsign -rand_serial \
    -keyfile "$d/ca.key.pem" -in "$d/ca.csr" -out "$d/ca.crt.pem" \
    -startdate "$CA_START" -enddate "$CA_END" \
    -extfile "$EXT" -extensions v3_root 2>/dev/null
  cp "$d/ca.crt.pem" "$STAGE/ca/$name.crt.pem"
  cp "$d/ca.crt.pem" "$d/chain.pem"          # chain above a leaf of this CA
}

# make_intermediate NAME PARENT "DN"
make_intermediate() {
  local name=$1 parent=$2 dn=$3 d="$DB/$1" p="$DB/$2"
  log "intermediate CA $name (issuer $parent)"
  ca_conf "$name"
  newkey "$d/ca.key.pem"
  openssl req -new -config "$d/ca.cnf" -key "$d/ca.key.pem" -subj "$(subj "$dn")" -out "$d/ca.csr"
  openssl ca -batch -notext -config "$p/ca.cnf" -rand_serial \
    -in "$d/ca.csr" -out "$d/ca.crt.pem" \
    -startdate "$CA_START" -enddate "$CA_END" \
    -extfile "$EXT" -extensions v3_intermediate 2>/dev/null
  cp "$d/ca.crt.pem" "$STAGE/ca/$name.crt.pem"
  cat "$d/ca.crt.pem" "$p/chain.pem" > "$d/chain.pem"
}

# make_leaf NAME ISSUER PROFILE "DN" [START END]
make_leaf() {
  local name=$1 issuer=$2 profile=$3 dn=$4 start=${5:-$LEAF_START} end=${6:-$LEAF_END}
  local c="$DB/$issuer"
  log "leaf $name (issuer $issuer, $profile)"
  newkey "$STAGE/$name.key.pem"
  openssl req -new -config "$c/ca.cnf" -key "$STAGE/$name.key.pem" -subj "$(subj "$dn")" -out "$WORK/$name.csr"
  openssl ca -batch -notext -config "$c/ca.cnf" -rand_serial \
    -in "$WORK/$name.csr" -out "$STAGE/$name.crt.pem" \
    -startdate "$start" -enddate "$end" \
    -extfile "$EXT" -extensions "$profile" 2>/dev/null
  openssl pkcs12 -export -name "$name" \
    -inkey "$STAGE/$name.key.pem" -in "$STAGE/$name.crt.pem" -certfile "$c/chain.pem" \
    -passout "pass:$PASS" -out "$STAGE/$name.p12"
}

revoke() {  # revoke ISSUER CERTFILE REASON
  log "revoke $(basename "$2") at $1 ($3)"
  openssl ca -batch -config "$DB/$1/ca.cnf" -revoke "$2" -crl_reason "$3" 2>/dev/null
}

gencrl() {  # gencrl CANAME
  log "CRL $1"
  openssl ca -batch -config "$DB/$1/ca.cnf" -gencrl -md sha256 \
    -crl_nextupdate "$CRL_NEXT" -crlexts crl_ext \
    -out "$STAGE/ca/$1.crl.pem" 2>/dev/null
}

DEV="OU=DEV ONLY"
BL="O=Borderlink Dev/$DEV"

# ---------------------------------------------------------------------------
# CAs
# ---------------------------------------------------------------------------
make_root national-root      "C=MN/$BL/CN=Borderlink Dev National Root CA"
make_intermediate agency-ca  national-root "C=MN/$BL/CN=Borderlink Dev Agency CA"
make_intermediate gateway-ca national-root "C=MN/$BL/CN=Borderlink Dev Gateway CA"
make_intermediate staff-ca   national-root "C=MN/$BL/CN=Borderlink Dev Staff CA"

make_root ru-liaison-root    "C=RU/O=RU Liaison Dev/$DEV/CN=RU Liaison Dev Root CA"
make_root cn-liaison-root    "C=CN/O=CN Liaison Dev/$DEV/CN=CN Liaison Dev Root CA"
make_root interpol-ncb-root  "C=FR/O=INTERPOL Dev/$DEV/CN=INTERPOL NCB Dev Root CA"
make_root wco-rilo-root      "C=BE/O=WCO RILO Dev/$DEV/CN=WCO RILO Dev Root CA"

# A partner whose whole PKI is elliptic-curve: its root signs with ECDSA P-256.
KEY_TYPE=ec make_root kr-liaison-root "C=KR/O=KR Liaison Dev/$DEV/CN=KR Liaison Dev Root CA"

make_root rogue-root         "C=XX/O=Rogue/$DEV/CN=Rogue Dev Root CA"

# ---------------------------------------------------------------------------
# Leaves
# ---------------------------------------------------------------------------
make_leaf gateway     gateway-ca ext_gateway     "C=MN/$BL/CN=borderlink-gateway"
make_leaf gateway-enc gateway-ca ext_gateway_enc "C=MN/$BL/CN=borderlink-gateway-enc"
# The gateway's EC pair, for agencies and partners whose PKI is elliptic-curve.
KEY_TYPE=ec make_leaf gateway-ec     gateway-ca ext_gateway_ec     "C=MN/$BL/CN=borderlink-gateway-ec"
KEY_TYPE=ec make_leaf gateway-enc-ec gateway-ca ext_gateway_enc_ec "C=MN/$BL/CN=borderlink-gateway-enc-ec"

make_leaf mn-defence  agency-ca ext_agency "C=MN/$BL/CN=MN-DEFENCE"
make_leaf mn-customs  agency-ca ext_agency "C=MN/$BL/CN=MN-CUSTOMS"
make_leaf mn-border   agency-ca ext_agency "C=MN/$BL/CN=MN-BORDER"
KEY_TYPE=ec make_leaf mn-intel agency-ca ext_agency_ec "C=MN/$BL/CN=MN-INTEL"

make_leaf ru-liaison   ru-liaison-root   ext_partner "C=RU/$BL/CN=RU-LIAISON"
make_leaf cn-liaison   cn-liaison-root   ext_partner "C=CN/$BL/CN=CN-LIAISON"
make_leaf interpol-ncb interpol-ncb-root ext_partner "C=FR/$BL/CN=INTERPOL-NCB"
make_leaf wco-rilo     wco-rilo-root     ext_partner "C=BE/$BL/CN=WCO-RILO"
KEY_TYPE=ec make_leaf kr-liaison kr-liaison-root ext_partner_ec "C=KR/$BL/CN=KR-LIAISON"

for p in officer-1 officer-2 auditor-1 admin-1; do
  make_leaf "$p" staff-ca ext_person "C=MN/$BL/CN=$p"
done

make_leaf mn-customs-expired agency-ca ext_agency "C=MN/$BL/CN=MN-CUSTOMS" 200101000000Z 210101000000Z
make_leaf mn-customs-revoked agency-ca ext_agency "C=MN/$BL/CN=MN-CUSTOMS"
make_leaf rogue-agency       rogue-root ext_agency "C=MN/O=Rogue/$DEV/CN=MN-CUSTOMS"

revoke agency-ca "$STAGE/mn-customs-revoked.crt.pem" keyCompromise

# ---------------------------------------------------------------------------
# CRLs (every CA, most empty)
# ---------------------------------------------------------------------------
ALL_CAS=(national-root agency-ca gateway-ca staff-ca
         ru-liaison-root cn-liaison-root interpol-ncb-root wco-rilo-root kr-liaison-root rogue-root)
for ca in "${ALL_CAS[@]}"; do gencrl "$ca"; done

# ---------------------------------------------------------------------------
# Client trust bundle / truststore (roots whose leaves may connect to the gateway)
# ---------------------------------------------------------------------------
TRUSTED_ROOTS=(national-root ru-liaison-root cn-liaison-root interpol-ncb-root wco-rilo-root kr-liaison-root)
: > "$STAGE/ca/client-trust-bundle.pem"
for r in "${TRUSTED_ROOTS[@]}"; do
  cat "$STAGE/ca/$r.crt.pem" >> "$STAGE/ca/client-trust-bundle.pem"
  keytool -importcert -noprompt -storetype PKCS12 -storepass "$PASS" \
    -keystore "$STAGE/ca/client-trust.p12" -alias "$r" -file "$STAGE/ca/$r.crt.pem" >/dev/null 2>&1
done

# ---------------------------------------------------------------------------
# Self-checks (fail loudly)
# ---------------------------------------------------------------------------
FAILED=0
fail() { echo "CHECK FAILED: $*" >&2; FAILED=1; }
ok()   { echo "check ok: $*" >&2; }

S="$STAGE"; C="$STAGE/ca"
cat "$C/national-root.crl.pem" "$C/agency-ca.crl.pem" > "$WORK/agency-chain.crls.pem"

verify_agency() {  # verify_agency LEAF -> prints openssl output, returns its status
  openssl verify -crl_check_all -CAfile "$C/national-root.crt.pem" \
    -untrusted "$C/agency-ca.crt.pem" -CRLfile "$WORK/agency-chain.crls.pem" "$S/$1.crt.pem" 2>&1
}

# mn-customs must verify
if o=$(verify_agency mn-customs); then ok "mn-customs verifies (crl_check_all)"; else fail "mn-customs: $o"; fi
# mn-customs-revoked must fail because it is revoked
if o=$(verify_agency mn-customs-revoked); then fail "mn-customs-revoked unexpectedly verifies"
elif grep -q "certificate revoked" <<<"$o"; then ok "mn-customs-revoked rejected: revoked"
else fail "mn-customs-revoked failed for the wrong reason: $o"; fi
# mn-customs-expired must fail because it is expired
if o=$(verify_agency mn-customs-expired); then fail "mn-customs-expired unexpectedly verifies"
elif grep -q "certificate has expired" <<<"$o"; then ok "mn-customs-expired rejected: expired"
else fail "mn-customs-expired failed for the wrong reason: $o"; fi
# rogue-agency must not verify against the national root
if o=$(openssl verify -CAfile "$C/national-root.crt.pem" -untrusted "$C/agency-ca.crt.pem" "$S/rogue-agency.crt.pem" 2>&1); then
  fail "rogue-agency unexpectedly verifies against national-root"
else ok "rogue-agency does not verify against national-root"; fi
# ...but it is a well-formed cert of the rogue root
if o=$(openssl verify -crl_check_all -CAfile "$C/rogue-root.crt.pem" -CRLfile "$C/rogue-root.crl.pem" "$S/rogue-agency.crt.pem" 2>&1); then
  ok "rogue-agency verifies against rogue-root"; else fail "rogue-agency vs rogue-root: $o"; fi

# every other valid leaf verifies against its chain with all chain CRLs
check_chain() {  # check_chain ROOT INTERMEDIATE|- LEAF...
  local root=$1 inter=$2; shift 2
  local crls="$WORK/crls-$root-$inter.pem" args=()
  cat "$C/$root.crl.pem" > "$crls"
  if [ "$inter" != "-" ]; then cat "$C/$inter.crl.pem" >> "$crls"; args=(-untrusted "$C/$inter.crt.pem"); fi
  for leaf in "$@"; do
    if o=$(openssl verify -crl_check_all -CAfile "$C/$root.crt.pem" "${args[@]}" -CRLfile "$crls" "$S/$leaf.crt.pem" 2>&1); then
      if [ "$inter" = "-" ]; then ok "$leaf verifies against $root"; else ok "$leaf verifies against $root via $inter"; fi
    else fail "$leaf: $o"; fi
  done
}
check_chain national-root gateway-ca gateway gateway-enc gateway-ec gateway-enc-ec
check_chain national-root agency-ca  mn-defence mn-customs mn-border mn-intel
check_chain national-root staff-ca   officer-1 officer-2 auditor-1 admin-1
check_chain ru-liaison-root   - ru-liaison
check_chain cn-liaison-root   - cn-liaison
check_chain interpol-ncb-root - interpol-ncb
check_chain wco-rilo-root     - wco-rilo
check_chain kr-liaison-root   - kr-liaison
# the EC identities really are P-256 keys (and the RSA ones are not)
for leaf in gateway-ec gateway-enc-ec mn-intel kr-liaison; do
  if openssl pkey -in "$S/$leaf.key.pem" -noout -text 2>/dev/null | grep -q "NIST CURVE: P-256"; then
    ok "$leaf is an EC P-256 key"; else fail "$leaf is not an EC P-256 key"; fi
done
if openssl x509 -in "$C/kr-liaison-root.crt.pem" -noout -text | grep -q "ecdsa-with-SHA256"; then
  ok "kr-liaison-root signs with ECDSA"; else fail "kr-liaison-root does not sign with ECDSA"; fi
if openssl pkey -in "$S/gateway.key.pem" -noout -text 2>/dev/null | grep -q "Private-Key: (2048 bit"; then
  ok "gateway is RSA 2048"; else fail "gateway is not RSA 2048"; fi
# a partner leaf must not verify against another partner's root
if openssl verify -CAfile "$C/cn-liaison-root.crt.pem" "$S/ru-liaison.crt.pem" >/dev/null 2>&1; then
  fail "ru-liaison verifies against cn-liaison-root"; else ok "ru-liaison does not verify against cn-liaison-root"; fi

# every CA has a CRL signed by it
for ca in "${ALL_CAS[@]}"; do
  if openssl crl -noout -in "$C/$ca.crl.pem" -CAfile "$C/$ca.crt.pem" 2>&1 | grep -q "verify OK"; then
    ok "CRL $ca signed by $ca"; else fail "CRL $ca not verifiable"; fi
done
if openssl crl -noout -text -in "$C/agency-ca.crl.pem" | grep -q "Key Compromise"; then
  ok "agency-ca CRL lists a keyCompromise revocation"; else fail "agency-ca CRL lacks keyCompromise entry"; fi
rev_serial=$(openssl x509 -noout -serial -in "$S/mn-customs-revoked.crt.pem" | cut -d= -f2)
if openssl crl -noout -text -in "$C/agency-ca.crl.pem" | tr -d ' ' | grep -qi "SerialNumber:$rev_serial"; then
  ok "agency-ca CRL lists mn-customs-revoked ($rev_serial)"; else fail "agency-ca CRL does not list $rev_serial"; fi
if openssl crl -noout -text -in "$C/national-root.crl.pem" | grep -q "No Revoked Certificates"; then
  ok "national-root CRL is empty"; else fail "national-root CRL is not empty"; fi

# Java 17 reads each PKCS#12, with exactly one key entry whose alias is NAME
for p12 in "$S"/*.p12; do
  name=$(basename "$p12" .p12)
  if ! o=$(keytool -list -keystore "$p12" -storetype PKCS12 -storepass "$PASS" 2>&1); then
    fail "keytool cannot read $name.p12: $o"; continue; fi
  entries=$(grep -c "PrivateKeyEntry" <<<"$o" || true)
  if [ "$entries" = 1 ] && grep -q "^$name, .*PrivateKeyEntry" <<<"$o"; then
    ok "keytool reads $name.p12 (alias $name)"; else fail "$name.p12 entries/alias wrong: $o"; fi
done
o=$(keytool -list -keystore "$C/client-trust.p12" -storetype PKCS12 -storepass "$PASS" 2>&1) || fail "keytool cannot read client-trust.p12"
for r in "${TRUSTED_ROOTS[@]}"; do
  grep -q "^$r, .*trustedCertEntry" <<<"$o" || fail "client-trust.p12 lacks $r"
done
[ "$(grep -c trustedCertEntry <<<"$o")" = "${#TRUSTED_ROOTS[@]}" ] && ok "client-trust.p12 has ${#TRUSTED_ROOTS[@]} trusted roots" \
  || fail "client-trust.p12 has wrong entry count"

if [ "$FAILED" != 0 ]; then
  echo "PKI self-checks FAILED; certs-dev/ left unchanged" >&2
  exit 1
fi

# ---------------------------------------------------------------------------
# Replace the generated output in certs-dev/ (generate.sh and README.md kept)
# ---------------------------------------------------------------------------
rm -rf "$OUT_DIR/ca"
rm -f "$OUT_DIR"/*.p12 "$OUT_DIR"/*.crt.pem "$OUT_DIR"/*.key.pem
cp -R "$STAGE/ca" "$OUT_DIR/ca"
cp "$STAGE"/*.p12 "$STAGE"/*.crt.pem "$STAGE"/*.key.pem "$OUT_DIR/"
log "done: development PKI written to $OUT_DIR"

# ---------------------------------------------------------------------------
# Evidence key-encryption key (DEV ONLY): one AES-256 secret key in a PKCS#12 store, alias
# dev-only-evidence-kek-1, password changeit. It wraps each exchange's data key (evidence encrypted at
# rest, docs/receipts-and-retention.md). Written after the PKI above because that step replaces *.p12.
# ---------------------------------------------------------------------------
rm -f "$OUT_DIR/evidence-kek.p12"
keytool -genseckey -alias dev-only-evidence-kek-1 -keyalg AES -keysize 256 -storetype PKCS12 \
  -keystore "$OUT_DIR/evidence-kek.p12" -storepass "$PASS" -keypass "$PASS"
log "done: evidence key-encryption key written to $OUT_DIR/evidence-kek.p12 (DEV ONLY)"

# ---------------------------------------------------------------------------
# Audit checkpoint key (DEV ONLY): signs the audit trail's checkpoints and nothing else
# (borderlink.pki.audit-checkpoint), so that a key the gateway uses online (TLS, outbound signatures)
# cannot sign another history. Self-signed: the auditor names this very certificate to the offline
# verifier (--checkpoint-certificate) instead of trusting a path, so it needs no CA, and it is made after
# the PKI above (which replaces *.p12) without reissuing anything else.
# ---------------------------------------------------------------------------
ca_conf audit-checkpoint
CK="$DB/audit-checkpoint"
cat > "$CK/ext.cnf" <<'CKEOF'
[ ext_audit_checkpoint ]
basicConstraints       = critical, CA:FALSE
keyUsage               = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier   = hash
CKEOF
KEY_TYPE=rsa newkey "$CK/ca.key.pem"
openssl req -new -config "$CK/ca.cnf" -key "$CK/ca.key.pem" \
  -subj "$(subj "C=MN/$BL/CN=borderlink-audit-checkpoint")" -out "$CK/ca.csr"
openssl ca -batch -notext -config "$CK/ca.cnf" -selfsign -rand_serial \
  -keyfile "$CK/ca.key.pem" -in "$CK/ca.csr" -out "$CK/ca.crt.pem" \
  -startdate "$LEAF_START" -enddate "$LEAF_END" \
  -extfile "$CK/ext.cnf" -extensions ext_audit_checkpoint 2>/dev/null
openssl x509 -in "$CK/ca.crt.pem" -noout -ext keyUsage | grep -q "Digital Signature, Non Repudiation" \
  || { echo "CHECK FAILED: audit-checkpoint lacks digitalSignature, nonRepudiation" >&2; exit 1; }
openssl pkcs12 -export -name audit-checkpoint -inkey "$CK/ca.key.pem" -in "$CK/ca.crt.pem" \
  -passout "pass:$PASS" -out "$CK/audit-checkpoint.p12"
cp "$CK/ca.key.pem" "$OUT_DIR/audit-checkpoint.key.pem"
cp "$CK/ca.crt.pem" "$OUT_DIR/audit-checkpoint.crt.pem"
cp "$CK/audit-checkpoint.p12" "$OUT_DIR/audit-checkpoint.p12"
log "done: audit checkpoint key written to $OUT_DIR/audit-checkpoint.p12 (DEV ONLY)"
