#!/usr/bin/env bash
# Builds the agentdlp base image as a `docker save` tar, without a Docker daemon or registry access:
#   layer 1 "userland": glibc, libgcc, libstdc++ (RocksDB's JNI library), zlib, CA certificates, tzdata,
#                       taken from Debian packages (apt-get download + dpkg-deb -x, no installation), plus
#                       /etc/passwd and /etc/group with the non-root user 65532 and a world-writable /tmp;
#   layer 2 "jre":      a jlink'ed Java runtime with the modules of jre-modules.txt at /opt/java/openjdk.
# Jib takes it as its base with <from><image>tar://...</image></from> (deploy-k8s/pom.xml, profile image).
#
# usage: build-base-image.sh OUTPUT_DIR      → OUTPUT_DIR/base-image.tar
# env:   JAVA_HOME (the JDK whose jmods are linked; default: the one of `java` on the PATH)
#        AGENTDLP_DEB_CACHE (downloaded .deb files; default ~/.cache/agentdlp/debs): a package is
#        downloaded only when its candidate version is not cached yet.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: build-base-image.sh OUTPUT_DIR}"
packages=(libc6 libgcc-s1 libstdc++6 zlib1g ca-certificates tzdata)
cache="${AGENTDLP_DEB_CACHE:-$HOME/.cache/agentdlp/debs}"

fail() { echo "base image: $*" >&2; echo "base image: disable the image build with -P!image" >&2; exit 1; }

for tool in apt-get apt-cache dpkg-deb sha256sum tar; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' not found (the image build needs a Debian-based machine)"
done
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[ -x "$java_home/bin/jlink" ] || fail "no jlink in $java_home/bin"
[ -f "$java_home/jmods/java.base.jmod" ] || fail "no jmods in $java_home (install the full JDK, e.g. openjdk-17-jdk-headless)"
arch="$(dpkg --print-architecture)"
case "$arch" in amd64) multiarch=x86_64-linux-gnu ;; arm64) multiarch=aarch64-linux-gnu ;; *) fail "unsupported architecture $arch" ;; esac

rm -rf "$out/base-image" && mkdir -p "$out/base-image" "$cache"
work="$(cd "$out/base-image" && pwd)"
rootfs="$work/userland" jre="$work/jre/opt/java/openjdk" archive="$work/archive"
mkdir -p "$rootfs" "$archive" "$(dirname "$jre")"

# --- Debian packages, unpacked as they are (no maintainer scripts run) ---
mkdir -p "$rootfs/var/lib/dpkg/status.d"
for pkg in "${packages[@]}"; do
  version="$(apt-cache policy "$pkg" | awk '/Candidate:/ {print $2}')"
  if [ -z "$version" ] || [ "$version" = "(none)" ]; then
    fail "no candidate version of $pkg: run 'apt-get update' first"
  fi
  deb="$(find "$cache" -maxdepth 1 -name "${pkg}_${version//:/%3a}_*.deb" | head -1)"
  if [ -z "$deb" ]; then
    (cd "$cache" && apt-get download -qq "$pkg=$version" 2>&1 | grep -v "couldn't be accessed by user '_apt'" >&2) || true
    deb="$(find "$cache" -maxdepth 1 -name "${pkg}_${version//:/%3a}_*.deb" | head -1)"
    [ -n "$deb" ] || fail "could not download $pkg=$version"
  fi
  dpkg-deb -x "$deb" "$rootfs"
  # Package metadata where image scanners (Trivy, Grype) look for it on distroless-style images.
  dpkg-deb -f "$deb" > "$rootfs/var/lib/dpkg/status.d/$pkg"
  echo "base image: $pkg $version"
done

# Not needed at run time: charset converters (Java has its own), documentation except copyrights,
# debugger helpers, and the CA update hook (the bundle is assembled below).
rm -rf "$rootfs/usr/lib/$multiarch/gconv" "$rootfs/usr/share/man" "$rootfs/usr/share/lintian" \
       "$rootfs/usr/share/gdb" "$rootfs/usr/share/gcc" "$rootfs/usr/sbin" "$rootfs/etc/ca-certificates"
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete

# What update-ca-certificates would produce: one PEM bundle of the Mozilla roots.
mkdir -p "$rootfs/etc/ssl/certs"
find "$rootfs/usr/share/ca-certificates/mozilla" -name '*.crt' | LC_ALL=C sort | xargs cat \
  > "$rootfs/etc/ssl/certs/ca-certificates.crt"

cat > "$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin
EOF
cat > "$rootfs/etc/group" <<'EOF'
root:x:0:
nonroot:x:65532:
EOF
echo "hosts: files dns" > "$rootfs/etc/nsswitch.conf"
mkdir -p "$rootfs/tmp" && chmod 1777 "$rootfs/tmp"

# --- Java runtime ---
modules="$(grep -v '^#' "$here/jre-modules.txt" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --output "$jre"
# java.desktop is linked for java.beans only (libraries use its annotations and introspection); its
# native display, font, image and sound libraries need X11, freetype, libjpeg, lcms2 and ALSA, which a
# headless server neither has nor loads. Removing them keeps every library in the image resolvable
# within the image (ImageTarIT checks that).
for lib in libawt_xawt libjawt libsplashscreen libfontmanager libjavajpeg liblcms libjsound; do
  rm -f "$jre/lib/$lib.so"
done
# Trust the same roots as the rest of the image (Debian's JDK otherwise links lib/security/cacerts
# from a host file that does not exist in the image).
rm -f "$jre/lib/security/cacerts"
"$java_home/bin/java" "$here/PemTrustStore.java" "$rootfs/etc/ssl/certs/ca-certificates.crt" "$jre/lib/security/cacerts"

# --- docker save format: manifest.json, config, one uncompressed tar per layer ---
layer() { # name dir → prints the layer's diff id
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -C "$2" -cf "$archive/$1.tar" .
  echo "sha256:$(sha256sum "$archive/$1.tar" | cut -d' ' -f1)"
}
userland_id="$(layer userland "$rootfs")"
jre_id="$(layer jre "$work/jre")"
java_version="$("$jre/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.version/ {print $2}')"

packages_label="$(cd "$rootfs/var/lib/dpkg/status.d" && for p in *; do printf '%s=%s ' "$p" "$(awk '/^Version:/ {print $2}' "$p")"; done)"
cat > "$archive/config.json" <<EOF
{"architecture": "$arch", "os": "linux", "created": "1970-01-01T00:00:00Z",
 "config": {
   "User": "65532:65532",
   "WorkingDir": "/tmp",
   "Env": ["PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java/openjdk",
           "LANG=C.UTF-8", "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"],
   "Labels": {"io.agentdlp.base.java": "$java_version", "io.agentdlp.base.debian-packages": "${packages_label% }"}
 },
 "rootfs": {"type": "layers", "diff_ids": ["$userland_id", "$jre_id"]},
 "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "deploy-k8s/image/build-base-image.sh: Debian packages"},
             {"created": "1970-01-01T00:00:00Z", "created_by": "deploy-k8s/image/build-base-image.sh: jlink"}]
}
EOF
echo '[{"Config": "config.json", "RepoTags": ["agentdlp/base:local"], "Layers": ["userland.tar", "jre.tar"]}]' \
  > "$archive/manifest.json"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu -C "$archive" \
  -cf "$out/base-image.tar" manifest.json config.json userland.tar jre.tar
echo "base image: $out/base-image.tar ($(du -m "$out/base-image.tar" | cut -f1) MB, java $java_version)"
