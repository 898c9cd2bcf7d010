#!/bin/sh
# docker-nginx's entrypoint scripts: the catch-all arm only logs, through a function of the file, and exits.
entrypoint_log() {
    if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}
. /etc/os-release
# ruleid: identity/no-azurelinux-branch
case "$ID" in
    debian)
        CHECKSUM=$(dpkg-query --show --showformat='${Conffiles}\n' nginx | grep $DEFAULT_CONF_FILE | cut -d' ' -f 3)
        ;;
    alpine)
        CHECKSUM=$(apk manifest nginx 2>/dev/null| grep $DEFAULT_CONF_FILE | cut -d' ' -f 1 | cut -d ':' -f 2)
        ;;
    *)
        entrypoint_log "$ME: info: Unsupported distribution"
        exit 0
        ;;
esac
sed -i -E 's,listen       80;,listen       80;\n    listen  [::]:80;,' /etc/nginx/conf.d/default.conf
