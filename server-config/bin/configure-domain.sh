#!/usr/bin/env bash
# Turns a stock GlassFish 7 domain into a Persistent Chat server, once:
#   configure-domain.sh --glassfish DIR --db h2|postgresql|sqlserver [--demo] [--fresh-databases]
# DIR is the unpacked 'glassfish7' folder. The JDBC drivers come from server-config/target
# (mvn package). Settings come from the environment, with these defaults:
#   PCHAT_SIP_DOMAIN=example.com PCHAT_SERVICE_FQDN=localhost
#   PCHAT_COMPLIANCE_DIR=<domain>/compliance (--demo: where the demo compliance export writes)
#   PostgreSQL: PCHAT_PG_HOST=127.0.0.1 PCHAT_PG_PORT=5432 PCHAT_PG_USER=postgres PCHAT_PG_PASSWORD (required)
#               PCHAT_PG_DB_MGC=pchat_mgc PCHAT_PG_DB_MGCCOMP=pchat_mgccomp
#   SQL Server: PCHAT_MSSQL_HOST PCHAT_MSSQL_PORT=1433 PCHAT_MSSQL_USER PCHAT_MSSQL_PASSWORD (required)
#               PCHAT_MSSQL_DB_MGC=mgc PCHAT_MSSQL_DB_MGCCOMP=mgccomp PCHAT_MSSQL_ENCRYPT=true
#               PCHAT_MSSQL_TRUST_CERT=false
#   The database password goes into the GlassFish password alias pchat-db-password (encrypted with
#   the master password); the pools refer to the alias, so domain.xml holds no password.
# --fresh-databases drops and recreates the PostgreSQL databases (tests use it).
# The application creates and upgrades its tables at start on H2 and PostgreSQL
# (-Dopenpchat.schema.migrate=true); on SQL Server it only checks them (the DBA runs sql/sqlserver).
# A domain configured before that (EclipseLink made the tables) is switched over when run again.
# HTTPS: the domain gets its own key pairs instead of the ones every GlassFish zip ships; the HTTPS
# certificate is exported to <domain>/config/pchat-https.pem for clients to trust. They are valid
# for two years for localhost, 127.0.0.1, ::1 and PCHAT_SERVICE_FQDN; to renew, stop the domain,
# delete that file and run this script again (it does only that on a configured domain).
#   PCHAT_MASTER_PASSWORD=changeit (GlassFish's master password, which guards the keystores)
# Lockdown (bin/domain-lockdown.sh, on new and existing domains): user admin gets a generated
# password (in <domain>/config/pchat-admin-password, for asadmin --passwordfile); administration,
# JMX, IIOP and the embedded broker listen on 127.0.0.1 only; the broker's default users are
# replaced; the domain's folder, keys and password files are readable by their owner only.
# SIP over TLS (bin/sip-tls.sh): a demo CA made for this domain signs the SIP server certificate
# (localhost, 127.0.0.1, ::1, PCHAT_SIP_DOMAIN, PCHAT_SERVICE_FQDN, and PCHAT_SIP_HOST if set: the
# address SIP listens on when it is opened to the network); clients trust <domain>/config/pchat-sip-ca.pem.
# The stores' random password is the GlassFish password alias pchat-sip-keystore. To renew, stop the
# domain, delete pchat-sip-ca.pem and run this script again.
# PCHAT_EXTRA_ASADMIN, when set, names a file of asadmin commands (multimode) run once, at the end
# of the first configuration, after the lockdown: settings of one domain among several on a
# machine (bin/run-pool.sh: the broker's address and cluster, listener addresses). Likewise
# PCHAT_SIP_PORT and PCHAT_SIP_TLS_PORT set the SIP ports (bin/sip-tls.sh).
set -euo pipefail
umask 077

here=$(cd "$(dirname "$0")/.." && pwd)
glassfish="" db="" demo=false fresh=false domain=domain1
while [ $# -gt 0 ]; do
  case "$1" in
    --glassfish) glassfish=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --domain) domain=$2; shift 2 ;;
    --demo) demo=true; shift ;;
    --fresh-databases) fresh=true; shift ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$db" in h2|postgresql|sqlserver) ;; *) echo "--db must be h2, postgresql or sqlserver" >&2; exit 2 ;; esac
[ -x "$glassfish/bin/asadmin" ] || { echo "no GlassFish at '$glassfish' (expected bin/asadmin)" >&2; exit 2; }

# GlassFish 7.0.21 refuses every URL whose path holds ':' (its Exousia 2.1.2 module; the API has
# /api/v1/users:import, /api/v1/users/sip:...): install the fixed module that the build made
# (bin/build-exousia-fix.sh) in place of the original, which is kept as exousia.jar.orig.
modules="$glassfish/glassfish/modules"
exousia_fix="$here/target/glassfish-fixes/exousia.jar"
[ -f "$exousia_fix" ] || { echo "run 'mvn package' first: $exousia_fix missing" >&2; exit 2; }
if ! cmp -s "$exousia_fix" "$modules/exousia.jar"; then
  if unzip -p "$modules/exousia.jar" META-INF/MANIFEST.MF | grep -q '^Bundle-Version: 2\.1\.2'; then
    cp -n "$modules/exousia.jar" "$modules/exousia.jar.orig"
    cp "$exousia_fix" "$modules/exousia.jar"
    rm -rf "$glassfish"/glassfish/domains/*/osgi-cache
    echo "installed the Exousia fix (':' in URL paths) into $modules"
  else
    echo "WARNING: $modules/exousia.jar is not GlassFish 7.0.21's Exousia 2.1.2; left as it is" >&2
  fi
fi

domain_dir="$glassfish/glassfish/domains/$domain"
export PCHAT_SERVICE_FQDN=${PCHAT_SERVICE_FQDN:-localhost}

# keytool with the store password from the environment (not on the command line); its output
# (a warning about the JKS format on every change) only when it fails.
keytool_quiet() {
  local out
  out=$(keytool "$@" -storepass:env PCHAT_MASTER_PASSWORD 2>&1) || { echo "keytool $1: $out" >&2; return 1; }
}

# Every GlassFish 7 zip ships the same key pairs (aliases s1as, the server's TLS key, and
# glassfish-instance, secure admin's), so their private keys are public. This replaces them with
# key pairs generated here, makes the domain trust the new certificates instead of the shipped
# ones (cacerts.jks) and exports the HTTPS certificate. pchat-https.pem is written last and marks
# the work as done.
replace_shipped_key_pairs() {
  local config="$domain_dir/config" pem="$domain_dir/config/pchat-https.pem"
  [ -f "$pem" ] && return 0
  local pid_file="$config/pid"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "domain $domain is running: stop it before its key pairs are replaced" >&2
    exit 2
  fi
  export PCHAT_MASTER_PASSWORD=${PCHAT_MASTER_PASSWORD:-changeit}
  keytool_quiet -list -keystore "$config/keystore.jks" >/dev/null \
    || { echo "cannot open $config/keystore.jks with the master password (PCHAT_MASTER_PASSWORD)" >&2; exit 2; }

  local names="DNS:localhost,IP:127.0.0.1,IP:::1" fqdn=$PCHAT_SERVICE_FQDN
  if [ "$fqdn" != localhost ]; then
    if [[ "$fqdn" =~ ^[0-9.]+$ || "$fqdn" == *:* ]]; then names+=",IP:$fqdn"; else names+=",DNS:$fqdn"; fi
  fi
  local organisation="O=Open Persistent Chat" alias cn tmp
  rm -f "$config"/.pchat-cert.* # left by an interrupted earlier attempt
  tmp=$(mktemp "$config/.pchat-cert.XXXXXX")
  for alias in s1as glassfish-instance; do
    cn=localhost; [ "$alias" = glassfish-instance ] && cn=localhost-instance
    for store in keystore.jks cacerts.jks; do
      if keytool_quiet -list -alias "$alias" -keystore "$config/$store" >/dev/null 2>&1; then
        keytool_quiet -delete -alias "$alias" -keystore "$config/$store"
      fi
    done
    keytool_quiet -genkeypair -alias "$alias" -keystore "$config/keystore.jks" -storetype JKS \
      -keypass:env PCHAT_MASTER_PASSWORD -keyalg RSA -keysize 3072 -sigalg SHA256withRSA -validity 730 \
      -dname "CN=$cn,$organisation" -ext "SAN=$names" \
      -ext "KU=digitalSignature,keyEncipherment" -ext "EKU=serverAuth,clientAuth"
    keytool_quiet -exportcert -rfc -alias "$alias" -keystore "$config/keystore.jks" -file "$tmp"
    keytool_quiet -importcert -noprompt -alias "$alias" -keystore "$config/cacerts.jks" -file "$tmp"
    # secure admin accepts the DAS and instances by their certificates' subjects
    perl -0pi -e "s{<secure-admin-principal dn=\"CN=\Q$cn\E,[^\"]*\">}{<secure-admin-principal dn=\"CN=$cn,$organisation\">}" "$config/domain.xml"
  done
  chmod 600 "$config/keystore.jks" "$config/cacerts.jks"
  keytool_quiet -exportcert -rfc -alias s1as -keystore "$config/keystore.jks" -file "$tmp"
  chmod 644 "$tmp"
  mv "$tmp" "$pem"
  echo "new HTTPS key pair for $names; certificate in $pem"
}
replace_shipped_key_pairs

# SIP over TLS: the demo CA, the server certificate and the stores; their password reaches the
# domain (alias, resource adapter configuration) below, while the domain runs.
. "$here/bin/sip-tls.sh"
sip_tls_make_stores

marker="$domain_dir/config/pchat-configured"
asadmin="$glassfish/bin/asadmin"
# Remote commands go to this domain's admin port, not to whatever else answers on 4848.
admin_port=$(grep -o '<network-listener[^>]*name="admin-listener"[^>]*>' "$domain_dir/config/domain.xml" \
  | grep -o 'port="[0-9]*"' | head -n 1 | tr -dc 0-9)

# ---- Deployment lockdown (bin/domain-lockdown.sh): admin password, keys, broker users, modes ----
# shellcheck source=domain-lockdown.sh
. "$here/bin/domain-lockdown.sh"
[ -f "$here/target/server-config.jar" ] || { echo "run 'mvn package' first: $here/target/server-config.jar missing" >&2; exit 2; }
lockdown_prepare
remote=("$asadmin" --port "${admin_port:-4848}" --user admin --passwordfile "$lockdown_password_file")
# A domain configured before the lockdown gets it now.
if [ -f "$marker" ] && [ ! -f "$lockdown_marker" ]; then
  "$asadmin" start-domain "$domain"
  trap '"$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true' EXIT
  lockdown_apply
  "$asadmin" stop-domain "$domain"
  trap - EXIT
fi
# ---- end of the lockdown ----
migrate=$([ "$db" = sqlserver ] && echo false || echo true)
if [ -f "$marker" ]; then
  if ! grep -q 'schema=changelog' "$marker"; then
    # Configured when EclipseLink created the tables at deployment: the application's changelogs
    # take over (they adopt the existing tables at the next start).
    "$asadmin" start-domain "$domain"
    trap '"$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true' EXIT
    "${remote[@]}" delete-jvm-options "-Declipselink.ddl-generation=create-or-extend-tables" || true
    "${remote[@]}" create-jvm-options "-Dopenpchat.schema.migrate=$migrate"
    "$asadmin" stop-domain "$domain"
    trap - EXIT
    sed -i 's/ configured=/ schema=changelog configured=/' "$marker"
    echo "domain $domain_dir: the schema changelogs replace EclipseLink's table generation"
  fi
  if sip_tls_pending; then
    "$asadmin" start-domain "$domain"
    trap '"$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true' EXIT
    AS_ADMIN_PASSWORDFILE="$lockdown_password_file" sip_tls_configure_domain
    "$asadmin" stop-domain "$domain"
    trap - EXIT
  fi
  echo "domain $domain_dir is already configured ($(cat "$marker"))"
  exit 0
fi

drivers="$here/target/jdbc-drivers"
tool="$here/target/server-config.jar"
[ -d "$drivers" ] && [ -f "$tool" ] || { echo "run 'mvn package' first: $drivers or $tool missing" >&2; exit 2; }
cp "$drivers"/*.jar "$domain_dir/lib/"

export PCHAT_SIP_DOMAIN=${PCHAT_SIP_DOMAIN:-example.com}
export PCHAT_COMPLIANCE_DIR=${PCHAT_COMPLIANCE_DIR:-$domain_dir/compliance}
export PCHAT_PG_HOST=${PCHAT_PG_HOST:-127.0.0.1} PCHAT_PG_PORT=${PCHAT_PG_PORT:-5432}
export PCHAT_PG_USER=${PCHAT_PG_USER:-postgres}
export PCHAT_PG_DB_MGC=${PCHAT_PG_DB_MGC:-pchat_mgc} PCHAT_PG_DB_MGCCOMP=${PCHAT_PG_DB_MGCCOMP:-pchat_mgccomp}
export PCHAT_MSSQL_HOST=${PCHAT_MSSQL_HOST:-} PCHAT_MSSQL_PORT=${PCHAT_MSSQL_PORT:-1433}
export PCHAT_MSSQL_USER=${PCHAT_MSSQL_USER:-}
export PCHAT_MSSQL_DB_MGC=${PCHAT_MSSQL_DB_MGC:-mgc} PCHAT_MSSQL_DB_MGCCOMP=${PCHAT_MSSQL_DB_MGCCOMP:-mgccomp}
export PCHAT_MSSQL_ENCRYPT=${PCHAT_MSSQL_ENCRYPT:-true} PCHAT_MSSQL_TRUST_CERT=${PCHAT_MSSQL_TRUST_CERT:-false}

case "$db" in
  postgresql) db_password_variable=PCHAT_PG_PASSWORD ;;
  sqlserver) db_password_variable=PCHAT_MSSQL_PASSWORD ;;
  *) db_password_variable= ;;
esac
if [ -n "$db_password_variable" ] && [ -z "${!db_password_variable:-}" ]; then
  echo "set $db_password_variable to the database login's password (there is no default;" \
    "where the database trusts local logins, any value)" >&2
  exit 2
fi
if [ "$db" = postgresql ]; then
  # the password reaches the tool through the environment, not its command line
  java -cp "$tool:$drivers/*" org.openpchat.config.PostgresDatabases "$([ "$fresh" = true ] && echo recreate || echo ensure)" \
    "$PCHAT_PG_HOST" "$PCHAT_PG_PORT" "$PCHAT_PG_USER" "$PCHAT_PG_DB_MGC" "$PCHAT_PG_DB_MGCCOMP"
fi

# Render the command files: @NAME@ becomes the value of PCHAT_NAME, with ':' escaped for asadmin
# property lists.
script="$domain_dir/config/pchat-setup.asadmin"
files=("$here/src/main/glassfish/common.asadmin" "$here/src/main/glassfish/$db.asadmin")
[ "$demo" = true ] && files+=("$here/src/main/glassfish/demo.asadmin")
cat "${files[@]}" | grep -v '^\s*#' | grep -v '^\s*$' | perl -pe 's/\@([A-Z0-9_]+)\@/my $v = $ENV{"PCHAT_$1"}; defined $v or die "PCHAT_$1 is not set\n"; $v =~ s{:}{\\:}g; $v/ge' > "$script"

# the database's password alias, made in the same session (asadmin reads it from the password file,
# written by a tool that takes the password from the environment)
setup_passwords="$domain_dir/config/.pchat-setup-passwords"
if [ -n "$db_password_variable" ]; then
  java -cp "$tool" org.openpchat.config.AsadminPasswordFile "$setup_passwords" "$lockdown_password_file" "$db_password_variable"
  sed -i '1i create-password-alias pchat-db-password' "$script"
else
  (umask 077 && cat "$lockdown_password_file" > "$setup_passwords")
fi
"$asadmin" start-domain "$domain"
trap 'rm -f "$setup_passwords"; "$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true' EXIT
"$asadmin" --port "${admin_port:-4848}" --user admin --passwordfile "$setup_passwords" multimode --file "$script"
rm -f "$setup_passwords"
AS_ADMIN_PASSWORDFILE="$lockdown_password_file" sip_tls_configure_domain
lockdown_apply
if [ -n "${PCHAT_EXTRA_ASADMIN:-}" ]; then
  "${remote[@]}" multimode --file "$PCHAT_EXTRA_ASADMIN"
fi
"$asadmin" stop-domain "$domain"
trap - EXIT
echo "db=$db demo=$demo schema=changelog configured=$(date -u +%FT%TZ)" > "$marker"
echo "configured $domain_dir for $db"
