#!/usr/bin/env python3
"""The table of docs/user-guide.md ("After the programme"): what survives the
programme, year by year, means over replications, all countries.

    build/engine/cli/score run scenarios/post_programme.toml -q -o results/post_programme.h5
    build/engine/cli/score export results/post_programme.h5 --csv results/post_programme_csv
    python3 scripts/post_programme_table.py results/post_programme_csv/timeseries_stats.csv

Reads the means of `timeseries_stats.csv` (one row per month, country, metric
and axis) and adds up the countries. Stocks are taken in December, flows
summed over the year; enterprises newly trained are the year's rise in
firms_trained_total; the mean fee is the enterprises' revenue_usd over
module_deliveries, and the fixed costs in the price are fixed_cost_priced_usd
over module_deliveries. Standard library only.
"""
import csv
import sys
from collections import defaultdict

FIRST_YEAR = 2024  # the programme's last year, then the years after it
STOCKS = ["providers_active", "trainers_certified", "firms_trained_total", "providers_dropped",
          "providers_dropped_idle"]
FLOWS = ["trainers_own_trained", "module_deliveries", "fixed_cost_priced_usd"]


def read(path):
    """Sums over countries (and modules) of each metric's mean: {(metric, year): value}.

    Stocks keep their December value, flows their sum over the year.
    """
    out = defaultdict(float)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            metric, year, month = row["metric"], int(row["date"][:4]), int(row["date"][5:7])
            if metric == "revenue_usd":
                if row["axis"] != "enterprise":
                    continue
                metric = "fees_usd"
            elif metric in STOCKS:
                if month != 12:
                    continue
            elif metric not in FLOWS:
                continue
            out[(metric, year)] += float(row["mean"])
    return out


def table(v):
    years = sorted({y for (_, y) in v if y >= FIRST_YEAR})
    lines = [
        "| year | providers active | certified trainers | trainers trained by providers | enterprises newly "
        "trained | mean fee per module (USD) | of the price, fixed costs (USD) | providers dropped (cum.; "
        "no trainer left) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for y in years:
        deliveries = v[("module_deliveries", y)]
        per_module = lambda name: v[(name, y)] / deliveries if deliveries > 0 else float("nan")
        lines.append(
            f"| {y} | {v[('providers_active', y)]:.1f} | {v[('trainers_certified', y)]:,.0f} "
            f"| {v[('trainers_own_trained', y)]:.1f} "
            f"| {v[('firms_trained_total', y)] - v[('firms_trained_total', y - 1)]:,.0f} "
            f"| {per_module('fees_usd'):,.0f} | {per_module('fixed_cost_priced_usd'):,.0f} "
            f"| {v[('providers_dropped', y)]:.1f} ({v[('providers_dropped_idle', y)]:.1f}) |")
    return "\n".join(lines)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: post_programme_table.py RESULTS_CSV/timeseries_stats.csv")
    try:
        print(table(read(sys.argv[1])))
    except (OSError, KeyError, ValueError) as e:
        sys.exit(f"{sys.argv[1]}: {e}")


if __name__ == "__main__":
    main()
