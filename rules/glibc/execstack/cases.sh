#!/bin/bash
# ruleid: glibc/execstack
execstack -s /opt/vendor/lib/libjni_legacy.so
# ruleid: glibc/execstack
gcc -shared -o libfoo.so foo.o -Wl,-z,execstack
# ruleid: glibc/execstack
export GLIBC_TUNABLES=glibc.rtld.execstack=2
# ok: glibc/execstack
gcc -shared -o libfoo.so foo.o -Wl,-z,noexecstack
# ok: glibc/execstack
execstack -q /opt/vendor/lib/libjni_legacy.so
# ok: glibc/execstack
echo "do not use -z execstack"
