#!/bin/sh
# `ask deploy` runs this instead of its own pip build (ask-cli: build-flows/custom.js
# is tried first), as `hooks/build.sh <zip to write> <debug flag>`, from inside its
# copy of the code folder. Its pip build would install the dependencies for this
# machine's Python and drop every __pycache__; this one zips that copy with wheels
# for Lambda's Python 3.12 and bytecode compiled by Python 3.12 (make lambda-zip).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
exec make -C "$root" --no-print-directory lambda-zip CODE="$PWD" OUT="$1"
