"""Print the load test's figures from locust's CSV and gunicorn's logs; exit 1 on errors.

    .venv/bin/python bench/load/summary.py RUN_DIR DATABASE_LABEL

RUN_DIR holds ``locust_stats.csv`` (locust --csv), ``access.log`` and
``error.log`` (gunicorn). Errors are requests locust counted as failed (any
status but the expected ones; a 412 is expected) plus every 5xx in the
access log; on SQLite, any "database is locked" in the error log fails too.
"""

import csv
import re
import sys
from collections import Counter
from pathlib import Path


def main() -> int:
    run, label = Path(sys.argv[1]), sys.argv[2]
    with (run / "locust_stats.csv").open() as stats:
        rows = list(csv.DictReader(stats))
    total = next(row for row in rows if row["Name"] == "Aggregated")

    statuses: Counter = Counter()
    for line in (run / "access.log").read_text().splitlines():
        match = re.match(r"\S+ (\d{3}) ", line)
        if match:
            statuses[match.group(1)] += 1
    server_errors = sum(count for code, count in statuses.items() if code.startswith("5"))
    errors_log = (run / "error.log").read_text()
    locked = errors_log.count("database is locked")

    print(f"\n=== Load test on {label}: {total['Request Count']} requests")
    print(f"{'endpoint':34} {'requests':>8} {'fails':>5} {'p50':>6} {'p95':>6} {'p99':>6}")
    for row in rows:
        if row["Name"] == "Aggregated":
            continue
        name = f"{row['Type']} {row['Name']}" if row["Type"] not in row["Name"] else row["Name"]
        print(f"{name[:34]:34} {row['Request Count']:>8} {row['Failure Count']:>5} "
              f"{row['50%']:>6} {row['95%']:>6} {row['99%']:>6}")  # fmt: skip
    failures = int(total["Failure Count"])
    print(
        f"\nrequests/s {float(total['Requests/s']):.1f} · latency ms p50 {total['50%']} · "
        f"p95 {total['95%']} · p99 {total['99%']} · max {float(total['Max Response Time']):.0f}"
    )
    print(f"errors: {failures} failed requests, {server_errors} 5xx, "
          f"{locked} 'database is locked'")  # fmt: skip
    print("status codes: " + ", ".join(f"{code} x{n}" for code, n in sorted(statuses.items())))
    return 1 if failures or server_errors or locked else 0


if __name__ == "__main__":
    sys.exit(main())
