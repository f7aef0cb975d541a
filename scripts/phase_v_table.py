#!/usr/bin/env python3
"""The Phase V table of docs/user-guide.md ("Plan Phase V", step 2): each
option's Phase V (2025-2030), means over replications, all countries, and
what it adds to no Phase V (same seeds).

    for f in no_phase_v lean buyer_led government_cofunding new_countries; do
      build/engine/cli/score run scenarios/phase_v/$f.toml -q -o results/phase_v/$f.h5
    done
    python3 scripts/phase_v_table.py results/phase_v/

Needs h5py (Debian: python3-h5py).
"""
import pathlib
import sys

import h5py

OPTIONS = [("no_phase_v", "no Phase V"), ("lean", "lean"), ("buyer_led", "buyer-led"),
           ("government_cofunding", "government co-funding"), ("new_countries", "new countries")]


def phase_v(path):
    """Means over replications of the Phase V summaries, all countries."""
    with h5py.File(path, "r") as f:
        v = [p.decode() for p in f["phase"][:]].index("V")
        names = [k[len("phase_"):-len("_all")] for k in f if k.startswith("phase_") and k.endswith("_all")]
        return {n: float(f[f"phase_{n}_all"][:, v].mean()) for n in names}


def row(label, m, none):
    spend = m["donor_spend_usd"]
    cells = [label, f"{spend / 1e6:.2f}", f"{m['firms_trained']:,.0f}", f"{m['firms_trained_total']:,.0f}",
             f"{m['workers_reached_new']:,.0f}", f"{100 * m['cost_recovery']:.0f}%", f"{m['mean_fee_usd']:,.0f}",
             f"{m['revenue_buyer_usd'] / 1e6:.2f}", f"{m['providers_active']:.1f}",
             f"{m['providers_independent']:.1f}"]
    if spend > 0:
        added = m["firms_trained"] - none["firms_trained"]
        cells += [f"{m['donor_cost_per_firm_usd']:,.0f}", f"{m['donor_cost_per_worker_usd']:,.0f}",
                  f"{spend / added:,.0f}" if added > 0 else "-",
                  f"{(m['savings_usd'] - none['savings_usd']) / spend:.1f}"]
    else:
        cells += ["-"] * 4
    return "| " + " | ".join(cells) + " |"


def main():
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "results/phase_v")
    runs = {name: phase_v(folder / f"{name}.h5") for name, _ in OPTIONS}
    print("| option | donor spend V (USD M) | enterprises trained 2025-30 | since 2009 | workers first reached "
          "| cost recovery | mean fee (USD/module) | buyers paid (USD M) | providers end 2030 | independent "
          "| donor USD per enterprise | per worker | donor USD per enterprise added | savings added per donor USD |")
    print("|---|" + "---:|" * 13)
    for name, label in OPTIONS:
        print(row(label, runs[name], runs["no_phase_v"]))


if __name__ == "__main__":
    main()
