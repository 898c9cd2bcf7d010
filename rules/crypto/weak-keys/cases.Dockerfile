FROM ubuntu:24.04
# ruleid: crypto/weak-keys
RUN openssl req -new -md5 -key key.pem -out req.csr -subj /CN=x
# ok: crypto/weak-keys
RUN openssl genrsa -out server.key 4096
