"""Celery tasks of the web app worker: password resets, partner sync, report archives."""
import crypt
import ssl
import subprocess
import urllib.request
from distutils.version import LooseVersion

from celery import Celery

app = Celery("tasks", broker="redis://redis:6379/0")

# The partner's API gateway has never been upgraded past TLS 1.1.
PARTNER_TLS = ssl.SSLContext(ssl.PROTOCOL_TLSv1_1)


@app.task
def reset_password(user_id, new_password):
    # Stored in the legacy crypt(3) format the old PHP admin still reads.
    return crypt.crypt(new_password, crypt.mksalt(crypt.METHOD_SHA512))


@app.task
def sync_partner(payload_url):
    with urllib.request.urlopen(payload_url, context=PARTNER_TLS) as resp:
        return resp.read()


@app.task
def report_platform():
    # Reports which Ubuntu release the worker runs on, for the support dashboard.
    codename = subprocess.check_output(["lsb_release", "-cs"], text=True).strip()
    return {"codename": codename}


def needs_schema_upgrade(version):
    return LooseVersion(version) < LooseVersion("2.0")
