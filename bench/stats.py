"""Small helpers for reporting timings."""

import statistics


def p50(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def line(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<68} {value:>14}  {note}", flush=True)
