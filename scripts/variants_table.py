#!/usr/bin/env python3
"""The table of docs/user-guide.md ("What the variants say"): Phases III and IV
of the history and its variants, means over replications, all countries.

    for f in scenarios/*.toml; do build/engine/cli/score run $f -q; done
    python3 scripts/variants_table.py results/

Reads results/<scenario>.h5 for the history and each shipped variant.
Needs h5py (Debian: python3-h5py).
"""
import pathlib
import sys

import h5py

SCENARIOS = ["history", "buyer_led", "buyers_budgeted", "government_led", "licensing_led",
             "market_only", "donor_cut_50", "subsidy_taper", "scale_up"]


def row(path):
    with h5py.File(path, "r") as f:
        phases = [p.decode() for p in f["phase"][:]]
        iii, iv = phases.index("III"), phases.index("IV")
        mean = lambda name: f[f"phase_{name}_all"][:].mean(axis=0)  # over replications
        firms = mean("firms_trained")
        donor = mean("donor_spend_usd")
        recovery = mean("cost_recovery")
        trained = firms[iii] + firms[iv]
        spend = donor[iii] + donor[iv]
        return [f"{trained:,.0f}", f"{mean('firms_trained_total')[iv]:,.0f}", f"{100 * recovery[iii]:.0f}%",
                f"{100 * recovery[iv]:.0f}%", f"{spend / 1e6:.1f}", f"{spend / trained:,.0f}",
                f"{mean('providers_active')[iv]:.1f}", f"{mean('providers_independent')[iv]:.1f}"]


def main():
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "results")
    print("| scenario | firms trained III+IV | firms since 2009 | cost recovery III | cost recovery IV "
          "| donor spend III+IV (USD M) | donor USD per firm III+IV | providers end 2024 | independent end 2024 |")
    print("|---|" + "---:|" * 8)
    for name in SCENARIOS:
        print(f"| {name} | " + " | ".join(row(folder / f"{name}.h5")) + " |")


if __name__ == "__main__":
    main()
