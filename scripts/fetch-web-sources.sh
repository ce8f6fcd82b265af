#!/usr/bin/env bash
# Fetches the Debian bookworm *source* packages that the browser (emscripten) build compiles and
# unpacks each into DEST/<name>/ (a directory name without version). Needs no root and touches
# nothing outside DEST: apt runs on a private sources file, package lists and cache in DEST/.cache.
# Idempotent: a stamp per package (DEST/.stamps/<name>) makes a second run a no-op; downloaded
# .dsc/.orig/.debian files stay in DEST/.cache/dl, so re-extracting never downloads again.
#
# usage: scripts/fetch-web-sources.sh DEST
#   to re-extract one package:  rm -rf DEST/<name> DEST/.stamps/<name>
#   to fetch newer uploads:     rm -rf DEST/.cache DEST/.stamps  (versions are never pinned)
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 DEST   (DEST receives DEST/imgui, DEST/sqlite3, ... )" >&2
  exit 2
fi
mkdir -p "$1"
dest=$(cd "$1" && pwd)

# directory name -> Debian source package. The C++ cereal library is the source package
# "libcereal"; Debian's source package "cereal" is an unrelated serial-console tool.
# The mustache header of the reports' HTML (libkainjow-mustache-dev) is the source package
# "libkainjow-mustache".
names=(imgui sqlite3 libzstd libsodium cereal rapidjson mustache)
declare -A source_of=(
  [imgui]=imgui [sqlite3]=sqlite3 [libzstd]=libzstd
  [libsodium]=libsodium [cereal]=libcereal [rapidjson]=rapidjson [mustache]=libkainjow-mustache
)

stamps="$dest/.stamps"
cache="$dest/.cache"
dl="$cache/dl"
mkdir -p "$stamps" "$dl"

todo=()
for name in "${names[@]}"; do
  if [ -f "$stamps/$name" ] && [ -d "$dest/$name" ]; then continue; fi
  todo+=("$name")
done
if [ ${#todo[@]} -eq 0 ]; then
  echo "fetch-web-sources: all up to date in $dest:"
  for name in "${names[@]}"; do echo "  $name $(cat "$stamps/$name")"; done
  exit 0
fi

for tool in apt-get dpkg-source; do
  if ! command -v "$tool" >/dev/null; then
    if [ "$tool" = dpkg-source ]; then
      echo "fetch-web-sources: dpkg-source is missing; install it with: apt-get install dpkg-dev" >&2
    else
      echo "fetch-web-sources: apt-get is missing; this script needs a Debian system" >&2
    fi
    exit 1
  fi
done

# The newest .dsc of a source package in the download cache, or nothing.
newest_dsc() {
  local best="" f v bv=""
  for f in "$dl/$1"_*.dsc; do
    [ -f "$f" ] || continue
    v=$(sed -n 's/^Version: //p' "$f" | head -n1)
    if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$bv"; then best=$f; bv=$v; fi
  done
  echo "$best"
}

# Every file a .dsc lists is in the cache (a download may have stopped half-way); with a second
# argument "orig-only", the Debian packaging tarball (*.debian.tar.*) may be missing.
dsc_files() { awk '/^Files:/{on=1; next} /^[^ ]/{on=0} on{print $3}' "$1"; }
dsc_complete() {
  local f
  for f in $(dsc_files "$1"); do
    [ -f "$dl/$f" ] && continue
    [ "${2:-}" = orig-only ] && [[ "$f" == *.debian.tar.* ]] && continue
    return 1
  done
}

# Unpacks only the upstream (.orig) tarballs of a .dsc after checking their SHA-256 against it.
# Used when the mirror lacks a package's Debian packaging tarball (this machine's mirror has
# libcereal's .orig but answers 404 for its .debian.tar.xz, in every suite); dpkg-source cannot
# unpack without it. The .dsc itself was verified by apt against the archive-signed index.
unpack_orig_only() {
  local dsc=$1 out=$2 f sum
  mkdir -p "$out"
  for f in $(dsc_files "$dsc"); do
    case "$f" in *.orig.tar.*|*.orig-*.tar.*) ;; *) continue ;; esac
    [[ "$f" == *.asc ]] && continue
    sum=$(awk -v f="$f" '/^Checksums-Sha256:/{on=1; next} /^[^ ]/{on=0} on && $3==f {print $1}' "$dsc")
    if [ -z "$sum" ] || ! echo "$sum  $dl/$f" | sha256sum -c --quiet - >/dev/null 2>&1; then
      echo "fetch-web-sources: $f does not match the SHA-256 in $(basename "$dsc")" >&2
      return 1
    fi
    case "$f" in
      *.orig.tar.*) tar -xf "$dl/$f" -C "$out" --strip-components=1 ;;
      *) local comp=${f##*.orig-}; comp=${comp%%.tar.*}; mkdir -p "$out/$comp"
         tar -xf "$dl/$f" -C "$out/$comp" --strip-components=1 ;;
    esac
  done
}

# apt on a private configuration: our sources line, lists and cache; the system's are untouched.
# signed-by names the same archive keyring the machine's own sources use: apt checks InRelease
# against it, the Sources index against InRelease, and every downloaded file against the index.
apt_opts=(
  -o "Dir::Etc::SourceList=$cache/sources.list"
  -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$cache/lists"
  -o "Dir::Cache=$cache/apt"
)
# As root, apt would try to download as the '_apt' user, who cannot write into DEST, and warn.
[ "$(id -u)" -eq 0 ] && apt_opts+=(-o "APT::Sandbox::User=root")
updated=0
apt_update() {
  [ $updated -eq 1 ] && return 0
  mkdir -p "$cache/lists/partial" "$cache/apt/archives/partial"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" \
    > "$cache/sources.list"
  echo "fetch-web-sources: updating the bookworm source index (private apt lists in $cache/lists)"
  if ! apt-get "${apt_opts[@]}" -q update > "$cache/update.log" 2>&1 \
     || grep -q '^[EW]: Failed to fetch' "$cache/update.log"; then
    cat "$cache/update.log" >&2
    echo "fetch-web-sources: could not download Debian's bookworm source index (no network, or deb.debian.org unreachable); needed for: ${todo[*]}" >&2
    exit 1
  fi
  updated=1
}

for name in "${todo[@]}"; do
  src=${source_of[$name]}
  dsc=$(newest_dsc "$src")
  if [ -z "$dsc" ] || ! dsc_complete "$dsc"; then
    apt_update
    echo "fetch-web-sources: downloading source package $src"
    if ! (cd "$dl" && apt-get "${apt_opts[@]}" -q source --download-only "$src") > "$cache/$src.log" 2>&1; then
      dsc=$(newest_dsc "$src")
      if [ -z "$dsc" ] || ! dsc_complete "$dsc" orig-only; then
        cat "$cache/$src.log" >&2
        echo "fetch-web-sources: could not download the Debian source package '$src' (for $dest/$name): missing from bookworm main, or the download failed" >&2
        exit 1
      fi
    fi
    dsc=$(newest_dsc "$src")
    if [ -z "$dsc" ] || ! dsc_complete "$dsc" orig-only; then
      echo "fetch-web-sources: apt-get reported success but the files of '$src' are not all in $dl" >&2
      exit 1
    fi
  fi
  version=$(sed -n 's/^Version: //p' "$dsc" | head -n1)
  # dpkg-source checks every file's size and checksums against the .dsc and, as it does by default,
  # the .dsc's OpenPGP signature. The uploaders' keys are in the debian-keyring package; where it
  # is not installed dpkg-source warns "cannot verify inline signature" and goes on, which is safe
  # here because apt already verified the .dsc through the archive-signed Sources index. We do not
  # pass --no-check (that would skip the checksums too).
  # --no-copy: leave the .orig tarballs in the cache instead of linking them beside DEST/<name>.
  rm -rf "${dest:?}/${name:?}.tmp" "${dest:?}/${name:?}"
  if dsc_complete "$dsc"; then
    if ! dpkg-source --no-copy -x "$dsc" "$dest/$name.tmp" > "$cache/$src.extract.log" 2>&1; then
      cat "$cache/$src.extract.log" >&2
      echo "fetch-web-sources: dpkg-source could not unpack '$src' $version (bad checksum, signature or patch)" >&2
      rm -rf "$dest/$name.tmp"
      exit 1
    fi
    note="uploader signature not checked: install debian-keyring to check it"
    grep -q 'gpgv: Good signature' "$cache/$src.extract.log" && note="uploader signature good"
  else
    if ! unpack_orig_only "$dsc" "$dest/$name.tmp"; then
      echo "fetch-web-sources: could not unpack the upstream tarball of '$src' $version" >&2
      rm -rf "$dest/$name.tmp"
      exit 1
    fi
    version="$version (upstream tarball only)"
    note="WARNING: the mirror lacks Debian's packaging tarball; unpacked the checksum-verified upstream tarball without Debian's patches"
  fi
  mv "$dest/$name.tmp" "$dest/$name"
  echo "$version" > "$stamps/$name"
  echo "fetch-web-sources: $name = $src $version -> $dest/$name ($note)"
done

echo "fetch-web-sources: versions in $dest:"
for name in "${names[@]}"; do echo "  $name $(cat "$stamps/$name")"; done
