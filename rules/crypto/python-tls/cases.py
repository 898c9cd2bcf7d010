import ssl

# ruleid: crypto/python-tls
legacy = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
# ruleid: crypto/python-tls
ctx.minimum_version = ssl.TLSVersion.TLSv1
# ok: crypto/python-tls
ctx.minimum_version = ssl.TLSVersion.TLSv1_2
# ruleid: crypto/python-tls
internal = ssl.create_default_context(cafile="/etc/app/internal-ca.pem")
# ok: crypto/python-tls
public = ssl.create_default_context()
# ok: crypto/python-tls
note = "ssl.PROTOCOL_TLSv1 is gone"
# ssl.PROTOCOL_TLSv1
