#!/usr/bin/env bash
# Vendors the Danish government design system (dkfds, npm) into this folder,
# once: the compiled stylesheet without its @font-face rules (site.css
# declares the fonts, WOFF2 only), the IBM Plex Sans weights the pages use,
# the icons the stylesheet's components we use refer to, and the licences.
#   bash crates/web/assets/vendor.sh [VERSION]     (default 11.2.0)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${1:-11.2.0}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "dkfds@$version" >/dev/null && tar xzf dkfds-*.tgz)
dist="$work/package/dist"
out="$here/dkfds"
rm -rf "$out"; mkdir -p "$out/fonts" "$out/img/svg-icons"
perl -0pe 's/\@font-face\{[^}]*\}//g; s{/\*# sourceMappingURL=[^*]*\*/}{}g' "$dist/css/dkfds.min.css" > "$out/dkfds.css"
for w in Regular Italic SemiBold Bold; do
  cp "$dist/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-$w.woff2" "$out/fonts/"
done
cp "$dist/fonts/IBMPlexSans/complete/woff2/license.txt" "$out/fonts/LICENSE-IBMPlexSans.txt"
for icon in chevron-right chevron-down language info warning error success open-in-new; do
  cp "$dist/img/svg-icons/$icon.svg" "$out/img/svg-icons/"
done
cp "$dist/LICENSE.md" "$out/LICENSE.md"
echo "dkfds $version" > "$out/VERSION.txt"
