# SIP over TLS for configure-domain.sh, which sources this file (it uses the script's $domain_dir,
# $domain, $asadmin, $admin_port and, for a domain with an admin password, AS_ADMIN_PASSWORDFILE).
# Two steps:
#
# sip_tls_make_stores (domain stopped): on the first run, or after pchat-sip-ca.pem was deleted, a
# demo CA made for this domain alone signs the SIP server certificate (RSA 3072, two years, for
# localhost, 127.0.0.1, ::1, the SIP domain, PCHAT_SERVICE_FQDN and PCHAT_SIP_HOST when set); the
# CA's private key is destroyed once it has signed, so nobody can issue more certificates that
# clients of this demo trust. Files, readable by this user only except the CA certificate:
#   <domain>/config/pchat-sip/              0700
#     keystore.p12                          0600  the server's key and chain (server, demo CA)
#     truststore.p12                        0600  CAs whose client certificates mutual TLS accepts
#   <domain>/config/pchat-sip-ca.pem        the demo CA's certificate, for clients to trust
#                                           (written last: it marks the work as done)
# The stores' password is random; it waits in a 0600 file for the second step.
#
# sip_tls_configure_domain (domain running): puts that password into the GlassFish password alias
# pchat-sip-keystore and points the SIP resource adapter (resource-adapter-config
# pchat#sip-servlets) at the stores, with the password as ${ALIAS=pchat-sip-keystore}, which
# GlassFish resolves when it configures the adapter. Then the password file is deleted.
#
# Production: replace keystore.p12 and truststore.p12 by stores with the enterprise CA's
# certificates (docs/security.md, "SIP over TLS").
#
# PCHAT_SIP_PORT and PCHAT_SIP_TLS_PORT, when set, also give the adapter configuration the ports
# it listens on (properties port and tlsPort; unset: the adapter's defaults, 5060 and 5061), for
# several domains on one machine (bin/run-pool.sh).

sip_tls_alias=pchat-sip-keystore
sip_tls_adapter='pchat#sip-servlets'

sip_tls_paths() {
  sip_tls_dir="$domain_dir/config/pchat-sip"
  sip_tls_ca_pem="$domain_dir/config/pchat-sip-ca.pem"
  sip_tls_password_file="$sip_tls_dir/.alias-password"
}

# keytool with the stores' password from the environment; its output only when it fails.
sip_tls_keytool() {
  local out
  out=$(keytool "$@" 2>&1) || { echo "keytool $1: $out" >&2; return 1; }
}

sip_tls_make_stores() {
  sip_tls_paths
  if [ -f "$sip_tls_ca_pem" ] && [ -f "$sip_tls_dir/keystore.p12" ]; then
    return 0
  fi
  local pid_file="$domain_dir/config/pid"
  if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    echo "domain $domain is running: stop it before its SIP certificate is made" >&2
    exit 2
  fi
  (umask 077 && mkdir -p "$sip_tls_dir")
  chmod 700 "$sip_tls_dir"
  find "$sip_tls_dir" -mindepth 1 -delete

  local names="DNS:localhost,IP:127.0.0.1,IP:::1" name
  for name in "${PCHAT_SIP_DOMAIN:-example.com}" "${PCHAT_SERVICE_FQDN:-localhost}" "${PCHAT_SIP_HOST:-}"; do
    if [[ "$name" =~ ^[0-9.]+$ || "$name" == *:* ]]; then name="IP:$name"; elif [ -n "$name" ]; then name="DNS:$name"; fi
    case ",$names," in *",$name,"*|,,*) ;; *) [ -n "$name" ] && names+=",$name" ;; esac
  done
  local ca="$sip_tls_dir/ca.p12" store="$sip_tls_dir/keystore.p12" trust="$sip_tls_dir/truststore.p12"
  local request="$sip_tls_dir/server.csr" chain="$sip_tls_dir/chain.pem" ca_cert="$sip_tls_dir/ca.pem"
  local organisation="O=Open Persistent Chat" made
  made="$(hostname 2>/dev/null || echo host) $(date -u +%FT%TZ)"
  PCHAT_SIP_STORE_PASSWORD=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  export PCHAT_SIP_STORE_PASSWORD
  local pass=(-storetype PKCS12 -storepass:env PCHAT_SIP_STORE_PASSWORD)
  (
    umask 077
    # the two RSA keys side by side (seconds each on a busy machine)
    sip_tls_keytool -genkeypair -alias pchat-demo-ca -keystore "$ca" "${pass[@]}" -keyalg RSA -keysize 3072 \
      -sigalg SHA256withRSA -validity 730 -dname "CN=Open Persistent Chat demo CA ($made),$organisation" \
      -ext BC:c=ca:true,pathlen:0 -ext KU:c=keyCertSign,cRLSign &
    local ca_key=$!
    sip_tls_keytool -genkeypair -alias pchat-sip -keystore "$store" "${pass[@]}" -keyalg RSA -keysize 3072 \
      -sigalg SHA256withRSA -validity 730 -dname "CN=${PCHAT_SERVICE_FQDN:-localhost},$organisation"
    wait "$ca_key"
    sip_tls_keytool -exportcert -rfc -alias pchat-demo-ca -keystore "$ca" "${pass[@]}" -file "$ca_cert"
    sip_tls_keytool -certreq -alias pchat-sip -keystore "$store" "${pass[@]}" -file "$request"
    sip_tls_keytool -gencert -rfc -alias pchat-demo-ca -keystore "$ca" "${pass[@]}" -infile "$request" \
      -outfile "$chain" -sigalg SHA256withRSA -validity 730 -ext "SAN=$names" \
      -ext KU:c=digitalSignature,keyEncipherment -ext EKU=serverAuth,clientAuth
    cat "$ca_cert" >> "$chain"
    sip_tls_keytool -importcert -noprompt -alias pchat-sip -keystore "$store" "${pass[@]}" -file "$chain"
    sip_tls_keytool -importcert -noprompt -alias pchat-demo-ca -keystore "$trust" "${pass[@]}" -file "$ca_cert"
    printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$PCHAT_SIP_STORE_PASSWORD" > "$sip_tls_password_file"
  )
  unset PCHAT_SIP_STORE_PASSWORD
  rm -f "$ca" "$request" "$chain"
  chmod 600 "$store" "$trust"
  chmod 644 "$ca_cert"
  mv "$ca_cert" "$sip_tls_ca_pem"
  echo "new demo CA and SIP over TLS certificate for $names; CA certificate in $sip_tls_ca_pem"
}

# True while the password of new stores has yet to reach the domain (sip_tls_configure_domain).
sip_tls_pending() {
  sip_tls_paths
  [ -f "$sip_tls_password_file" ]
}

sip_tls_configure_domain() {
  sip_tls_pending || return 0
  local commands="$sip_tls_dir/.configure.asadmin" passwords="$sip_tls_dir/.asadmin-passwords" verb=create
  (
    umask 077
    cat "$sip_tls_password_file" > "$passwords"
    # an administrator's password file (AS_ADMIN_PASSWORD) for a domain that has one
    if [ -n "${AS_ADMIN_PASSWORDFILE:-}" ] && [ -f "$AS_ADMIN_PASSWORDFILE" ]; then
      grep -v '^AS_ADMIN_ALIASPASSWORD=' "$AS_ADMIN_PASSWORDFILE" >> "$passwords"
    fi
  )
  if "$asadmin" --port "${admin_port:-4848}" --user admin --passwordfile "$passwords" list-password-aliases 2>/dev/null | grep -x "$sip_tls_alias" >/dev/null; then
    verb=update
  fi
  "$asadmin" --port "${admin_port:-4848}" --user admin --passwordfile "$passwords" delete-resource-adapter-config "$sip_tls_adapter" >/dev/null 2>&1 || true
  # multimode reads '\\' as '\': the adapter's property list then escapes the '=' of ${ALIAS=...}
  cat > "$commands" <<EOF
$verb-password-alias $sip_tls_alias
create-resource-adapter-config --property tlsKeyStore=\${com.sun.aas.instanceRoot}/config/pchat-sip/keystore.p12:tlsKeyStorePassword=\${ALIAS\\\\=$sip_tls_alias}:tlsTrustStore=\${com.sun.aas.instanceRoot}/config/pchat-sip/truststore.p12${PCHAT_SIP_PORT:+:port=$PCHAT_SIP_PORT}${PCHAT_SIP_TLS_PORT:+:tlsPort=$PCHAT_SIP_TLS_PORT} $sip_tls_adapter
EOF
  "$asadmin" --port "${admin_port:-4848}" --user admin --passwordfile "$passwords" multimode --file "$commands"
  rm -f "$commands" "$passwords" "$sip_tls_password_file"
  # the aliases' file holds the stores' password, encrypted with the master password
  chmod 600 "$domain_dir/config/domain-passwords"
  echo "SIP over TLS: password alias $sip_tls_alias and resource adapter configuration $sip_tls_adapter set"
}
