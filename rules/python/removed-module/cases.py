#!/usr/bin/env python3
"""Worker. Old code used `import telnetlib`."""
# ruleid: python/removed-module
import os, crypt
# ruleid: python/removed-module
from distutils.version import LooseVersion
# ruleid: python/removed-module
import pipes as p
# ruleid: python/removed-module
from cgi import FieldStorage
# ok: python/removed-module
import shlex
# ok: python/removed-module
from packaging.version import Version
# import imp
# ok: python/removed-module
s = "import telnetlib"
try:
    # ok: python/removed-module
    import imghdr
except ImportError:
    imghdr = None
# ok: python/removed-module
from . import uu
# ok: python/removed-module
import distutils_extra
import sys
if sys.version_info >= (3, 13):
    import crypt_r as crypt_impl
else:
    # ok: python/removed-module
    import crypt as crypt_impl
