#!/usr/bin/python3
# (a `#!/usr/bin/env python` shebang is line 1 and cannot carry an annotation: see test/platform-rules.test.ts)
import subprocess
# ruleid: python/unversioned
subprocess.run(["python3", "manage.py", "migrate"], check=True)
# ok: python/unversioned
subprocess.run(["python3", "manage.py", "migrate"], check=True)
# ok: python/unversioned
print("run with python")
