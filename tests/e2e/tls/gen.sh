#!/bin/sh
# Makes the test certificates (run once; the results are committed). Every certificate is
# valid from 2020 to 2120 (expired.crt: during 2020 only), so no clock in use today sees them
# as not yet valid or expired. Needs OpenSSL 3.
set -e
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$work/index.txt"
echo 01 > "$work/serial"
cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = d
[d]
database = $work/index.txt
serial = $work/serial
new_certs_dir = $work
default_md = sha256
policy = p
unique_subject = no
[p]
commonName = supplied
CNF
cat /etc/ssl/openssl.cnf ext.cnf > "$work/req.cnf"
subj='/C=US/ST=CA/L=Eddy Town/O=Eddy Tests'
sign() { # name cn extensions start end signer-args...
  name=$1 cn=$2 ext=$3 start=$4 end=$5
  shift 5
  openssl req -new -newkey rsa:2048 -nodes -keyout "$name.key" -out "$work/$name.csr" \
    -subj "$subj/CN=$cn" -config "$work/req.cnf" 2>/dev/null
  openssl ca -batch -config "$work/ca.cnf" -in "$work/$name.csr" -out "$name.crt" -notext \
    -preserveDN -startdate "$start" -enddate "$end" -extfile ext.cnf -extensions "$ext" "$@" 2>/dev/null
}
long='20200101000000Z 21200101000000Z'
sign ca 'Eddy Test CA' x_ca $long -selfsign -keyfile ca.key
sign server localhost x_server $long -cert ca.crt -keyfile ca.key
sign client eddy-client x_client $long -cert ca.crt -keyfile ca.key
sign other other.example x_other $long -cert ca.crt -keyfile ca.key
sign expired localhost x_server 20200101000000Z 20210101000000Z -cert ca.crt -keyfile ca.key
sign self-signed localhost x_selfsigned $long -selfsign -keyfile self-signed.key
# PKCS#12 bundles of the server's key and certificate with the CA (passphrase "eddy"): one as
# OpenSSL 1.x wrote them (3DES, SHA-1 MAC), one in OpenSSL 3's default (PBES2 AES-256, SHA-256
# MAC), and one with the certificates only.
openssl pkcs12 -export -inkey server.key -in server.crt -certfile ca.crt -passout pass:eddy \
  -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -out server-legacy.pfx
openssl pkcs12 -export -inkey server.key -in server.crt -certfile ca.crt -passout pass:eddy \
  -out server.pfx
openssl pkcs12 -export -nokeys -in server.crt -certfile ca.crt -passout pass:eddy -out certs-only.pfx
