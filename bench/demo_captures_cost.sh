#!/bin/bash
# What giving demo documents captures costs generate_demo_data: 10,000 claims on
# SQLite, a tree without it (BEFORE, e.g. `git archive` of the commit before) and
# this one (AFTER) alternating, three rounds. Prints the command's own line (wall
# time, claims/s) and the process's CPU seconds (user, system).
#
#   mkdir /tmp/before && git archive COMMIT | tar -x -C /tmp/before && ln -s $PWD/.venv /tmp/before/.venv
#   DATABASE_URL=sqlite:////tmp/empty.sqlite3 .venv/bin/python manage.py migrate
#   BEFORE=/tmp/before EMPTY=/tmp/empty.sqlite3 bash bench/demo_captures_cost.sh
set -euo pipefail
BEFORE=${BEFORE:?the tree to compare with}
AFTER=${AFTER:-$(cd "$(dirname "$0")/.." && pwd)}
EMPTY=${EMPTY:?an empty migrated SQLite database}
CLAIMS=${CLAIMS:-10000}
work=$(mktemp -d)
for round in 1 2 3; do
  for side in before after; do
    if [ $side = before ]; then dir=$BEFORE; else dir=$AFTER; fi
    cp "$EMPTY" "$work/$side.sqlite3"
    rm -rf "$work/captures-$side"
    out=$( { TIMEFORMAT="cpu %U user %S sys"; time (cd "$dir" && \
      DATABASE_URL=sqlite:///$work/$side.sqlite3 TRACKER_CAPTURE_ROOT=$work/captures-$side \
      .venv/bin/python manage.py generate_demo_data --claims "$CLAIMS" --no-progress); } 2>&1 )
    echo "$side round $round: $out" | tr '\n' ' '; echo
    rm -rf "$work/$side.sqlite3"* "$work/captures-$side"
  done
done
rmdir "$work" 2>/dev/null || true
