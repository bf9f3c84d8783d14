# Deployment lockdown of a Persistent Chat domain: sourced by configure-domain.sh, which calls
#   lockdown_prepare   (domain stopped: admin password, key files, broker users and access rules)
#   lockdown_apply     (domain running, once per domain: loopback listeners, broker settings)
# Expects $asadmin, $domain, $domain_dir, $here, $admin_port and the array remote=() (asadmin
# with this domain's port, signed in with lockdown_password_file) from its caller.
#
# What it leaves in <domain>/config (directories 0700, files 0600):
#   pchat-admin-password       AS_ADMIN_PASSWORD=... for 'asadmin --user admin --passwordfile'
#   pchat-admin-password.unshown  present until the run command has shown the password once
#   pchat-keys/compliance-hmac.key, pchat-keys/digest-ha1.key  the application's keys (256 bits)
#   pchat-mq/passwd, pchat-mq/accesscontrol.properties  the broker's users and access rules
#   pchat-lockdown             marks lockdown_apply as done
# and the password aliases pchat-mq-admin and pchat-mq-password in GlassFish's domain-passwords.

lockdown_config="$domain_dir/config"
lockdown_password_file="$lockdown_config/pchat-admin-password"
lockdown_marker="$lockdown_config/pchat-lockdown"

# A random secret of letters and digits (no character that a properties or passwd file treats
# specially).
lockdown_secret() {
  local secret=""
  while [ "${#secret}" -lt 32 ]; do
    secret+=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  done
  printf '%s' "${secret:0:32}"
}

lockdown_domain_running() {
  local pid_file="$lockdown_config/pid"
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

# GlassFish ships its domain with user admin and no password. Give it a generated one, changed
# while the domain is stopped (asadmin change-admin-password works offline on a local domain).
lockdown_admin_password() {
  [ -s "$lockdown_password_file" ] && return 0
  if lockdown_domain_running; then
    echo "domain $domain is running: stop it before its admin password is set" >&2
    exit 2
  fi
  local password change
  password=$(lockdown_secret)
  change=$(mktemp "$lockdown_config/.pchat-admin.XXXXXX")
  printf 'AS_ADMIN_PASSWORD=\nAS_ADMIN_NEWPASSWORD=%s\n' "$password" > "$change"
  if ! "$asadmin" --user admin --passwordfile "$change" change-admin-password --domain_name "$domain" \
      --domaindir "$(dirname "$domain_dir")" >/dev/null 2>&1; then
    rm -f "$change"
    echo "could not set the admin password of domain $domain (does user admin already have a password? then" \
      "write it as AS_ADMIN_PASSWORD=... into $lockdown_password_file, mode 0600)" >&2
    exit 2
  fi
  rm -f "$change"
  printf 'AS_ADMIN_PASSWORD=%s\n' "$password" > "$lockdown_password_file"
  : > "$lockdown_password_file.unshown"
  echo "GlassFish admin password generated; it is in $lockdown_password_file"
}

# The application's keys: the HMAC key of compliance messages and the key that encrypts SIP
# Digest HA1 values in the database. Never replaced once made (stored data depends on them).
lockdown_key_files() {
  local keys="$lockdown_config/pchat-keys" name
  mkdir -p "$keys"
  chmod 700 "$keys"
  for name in compliance-hmac digest-ha1; do
    if [ ! -s "$keys/$name.key" ]; then
      head -c 32 /dev/urandom | base64 > "$keys/$name.key.partial"
      mv "$keys/$name.key.partial" "$keys/$name.key"
    fi
    chmod 600 "$keys/$name.key"
  done
}

# The broker's users (admin and pchat with generated passwords, no guest) and its access rules,
# in files the broker reads from config/pchat-mq once lockdown_apply pointed it there. The
# passwords go to GlassFish password aliases in lockdown_apply; until then they wait in
# pchat-mq/.pending (0600), so an interrupted setup picks them up again.
lockdown_broker_users() {
  local mq="$lockdown_config/pchat-mq"
  mkdir -p "$mq"
  chmod 700 "$mq"
  cp "$here/src/main/glassfish/broker-accesscontrol.properties" "$mq/accesscontrol.properties"
  chmod 600 "$mq/accesscontrol.properties"
  [ -f "$mq/passwd" ] && [ -f "$lockdown_marker" ] && return 0
  if [ ! -s "$mq/.pending" ]; then
    printf 'PCHAT_MQ_ADMIN_PASSWORD=%s\nPCHAT_MQ_APP_PASSWORD=%s\n' "$(lockdown_secret)" "$(lockdown_secret)" \
      > "$mq/.pending"
    chmod 600 "$mq/.pending"
  fi
  (
    set -a
    # shellcheck disable=SC1091
    . "$mq/.pending"
    set +a
    java -cp "$here/target/server-config.jar" org.openpchat.config.BrokerUsers "$mq/passwd" \
      admin:admin:PCHAT_MQ_ADMIN_PASSWORD pchat:user:PCHAT_MQ_APP_PASSWORD
  )
}

# Owner-only modes for what the domain keeps: its folder (so the H2 files under data/, the logs
# and the compliance output of the demo inside it are closed to others whatever the umask of
# whoever starts GlassFish), its configuration, keystores and password stores.
lockdown_file_modes() {
  chmod 700 "$domain_dir"
  mkdir -p "$domain_dir/data"
  chmod 700 "$domain_dir/data" "$lockdown_config"
  local file
  for file in domain.xml domain-passwords keystore.jks cacerts.jks admin-keyfile keyfile \
      pchat-admin-password pchat-admin-password.unshown; do
    [ -f "$lockdown_config/$file" ] && chmod 600 "$lockdown_config/$file"
  done
  return 0
}

# Everything that needs the domain stopped, done on every run (each step is kept when done).
lockdown_prepare() {
  umask 077
  lockdown_admin_password
  lockdown_key_files
  lockdown_broker_users
  lockdown_file_modes
}

# Creates or replaces a password alias with the value of the named variable of pchat-mq/.pending.
lockdown_alias() {
  local alias=$1 variable=$2 mq="$lockdown_config/pchat-mq" value file
  value=$(grep "^$variable=" "$mq/.pending" | cut -d= -f2-)
  file=$(mktemp "$lockdown_config/.pchat-alias.XXXXXX")
  { cat "$lockdown_password_file"; printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value"; } > "$file"
  local verb=create-password-alias
  if "${remote[@]}" list-password-aliases 2>/dev/null | grep -qx "$alias"; then
    verb=update-password-alias
  fi
  if ! "$asadmin" --port "${admin_port:-4848}" --user admin --passwordfile "$file" "$verb" "$alias"; then
    rm -f "$file"
    return 1
  fi
  rm -f "$file"
}

# Once per domain, with the domain running: the aliases and lockdown.asadmin. Takes effect at the
# next start of the domain (the caller stops it afterwards).
lockdown_apply() {
  [ -f "$lockdown_marker" ] && return 0
  local mq="$lockdown_config/pchat-mq"
  lockdown_alias pchat-mq-admin PCHAT_MQ_ADMIN_PASSWORD
  lockdown_alias pchat-mq-password PCHAT_MQ_APP_PASSWORD
  local script="$lockdown_config/pchat-lockdown.asadmin"
  grep -v '^\s*#' "$here/src/main/glassfish/lockdown.asadmin" | grep -v '^\s*$' > "$script"
  # a domain configured before lockdown may hold the JVM options already
  "${remote[@]}" delete-jvm-options \
    "-Dopenpchat.compliance.hmac-key-file=\${com.sun.aas.instanceRoot}/config/pchat-keys/compliance-hmac.key" \
    >/dev/null 2>&1 || true
  "${remote[@]}" delete-jvm-options \
    "-Dopenpchat.credentials.ha1-key-file=\${com.sun.aas.instanceRoot}/config/pchat-keys/digest-ha1.key" \
    >/dev/null 2>&1 || true
  "${remote[@]}" multimode --file "$script"
  rm -f "$mq/.pending"
  echo "lockdown=1 applied=$(date -u +%FT%TZ)" > "$lockdown_marker"
  chmod 600 "$lockdown_config/domain.xml" "$lockdown_config/domain-passwords" 2>/dev/null || true
  echo "domain $domain_dir locked down: admin, JMX, IIOP and the broker on loopback; broker users replaced"
}
