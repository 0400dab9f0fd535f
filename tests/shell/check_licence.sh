#!/bin/sh
# SPDX-License-Identifier: MIT
# calm-prompt is MIT-licensed: LICENSE says so, the package's copyright file says so, and every
# source file names its licence in its first lines.
# Usage: check_licence.sh SOURCE_DIR
set -u
src=$1
failed=0
grep -q '^MIT License' "$src/LICENSE" || { echo "FAIL LICENSE is not the MIT licence"; failed=1; }
grep -q '^License: Expat' "$src/docs/copyright" ||
	{ echo "FAIL docs/copyright does not name the MIT (Expat) licence"; failed=1; }
n=0
for f in $(find "$src/app" "$src/tests" "$src/cmake" -type f \( -name '*.c' -o -name '*.h' -o \
	-name '*.sh' -o -name '*.py' -o -name '*.cmake' -o -name CMakeLists.txt \)) \
	"$src/CMakeLists.txt" "$src/dev.sh" "$src/.ci/run"; do
	n=$((n + 1))
	if ! head -n 3 "$f" | grep -q 'SPDX-License-Identifier: MIT'; then
		echo "FAIL ${f#"$src"/}: no 'SPDX-License-Identifier: MIT' in its first lines"
		failed=1
	fi
done
[ $failed -eq 0 ] && echo "ok   LICENSE, docs/copyright and $n source files say MIT"
exit $failed
