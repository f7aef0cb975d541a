"""The score module as a researcher uses it: overrides and their errors,
outputs, progress, Ctrl-C, sweeps over given points, the EMA Workbench
function and the Sobol' indices.

usage: module_test.py SMALL_SCENARIO
"""
import os
import pathlib
import signal
import sys
import unittest
import warnings

import numpy as np
import pandas as pd
import xarray as xr

import score

SCENARIO = sys.argv.pop(1)
# Long enough to be still running when the first progress call comes (a
# tenth of a second in): the full history, many replications.
HISTORY = pathlib.Path(__file__).resolve().parents[2] / "scenarios" / "history.toml"


class LoadScenario(unittest.TestCase):
    def test_overrides_change_the_model(self):
        sc = score.load_scenario(SCENARIO, overrides={"run.replications": 3, "run.seed": 9})
        self.assertEqual((sc.replications, sc.seed), (3, 9))
        self.assertEqual(sc.phases, ["I", "II"])
        self.assertIn("run.seed=9", sc.overrides)

    def test_bad_override_names_it(self):
        with self.assertRaises(score.ScenarioError) as e:
            score.load_scenario(SCENARIO, overrides={"phases.I.fee_share": 1.5})
        self.assertIn("--set phases.I.fee_share=1.5:1:", str(e.exception))
        self.assertIn("phases.I.fee_share", str(e.exception))
        self.assertIsInstance(e.exception, ValueError)

    def test_missing_file(self):
        with self.assertRaises(score.ScenarioError) as e:
            score.load_scenario("no_such_scenario.toml")
        self.assertIn("no_such_scenario.toml", str(e.exception))


class Run(unittest.TestCase):
    def test_dataset_layout(self):
        ds = score.run(SCENARIO, replications=2, seed=3, outputs=["firms_trained_total", "revenue_usd"])
        self.assertIsInstance(ds, xr.Dataset)
        self.assertEqual(ds["revenue_usd"].dims, ("replication", "time", "country", "source"))
        self.assertEqual(ds["firms_trained_total_stats"].dims, ("statistic", "time", "country"))
        self.assertEqual(ds["phase_firms_trained_all"].dims, ("replication", "phase"))
        self.assertNotIn("firms_aware", ds)  # not asked for
        self.assertEqual(ds["revenue_usd"].attrs["units"], "USD month-1")
        self.assertTrue(np.issubdtype(ds["time"].dtype, np.datetime64))
        self.assertEqual(ds.attrs["replications"], 2)

    def test_same_seed_same_numbers_any_threads(self):
        a = score.run(SCENARIO, replications=2, seed=4, threads=1, outputs=["firms_trained_total"])
        b = score.run(SCENARIO, replications=2, seed=4, threads=2, outputs=["firms_trained_total"])
        xr.testing.assert_identical(a, b)

    def test_old_output_name_still_works_and_warns(self):
        with self.assertWarnsRegex(FutureWarning, "'smes_trained' is now called 'firms_trained_total'"):
            ds = score.run(SCENARIO, outputs=["smes_trained"])
        self.assertIn("firms_trained_total", ds)
        self.assertNotIn("firms_aware", ds)
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("error")  # a current name warns of nothing
            score.run(SCENARIO, outputs=["firms_trained_total"])
        self.assertEqual(seen, [])

    def test_unknown_output(self):
        with self.assertRaises(ValueError) as e:
            score.run(SCENARIO, outputs=["smes_trainee"])
        self.assertIn("firms_trained_total", str(e.exception))

    def test_progress_reaches_the_end(self):
        calls = []
        score.run(SCENARIO, replications=2, progress=lambda done, total: calls.append((done, total)))
        self.assertTrue(calls)
        self.assertEqual(calls[-1][0], calls[-1][1])
        self.assertEqual(calls[-1][1], 2 * score.load_scenario(SCENARIO).steps)

    def test_ctrl_c_stops_the_run(self):
        # SIGINT delivered to this process while the engine runs (as Ctrl-C
        # in a terminal or a notebook's interrupt does) raises
        # KeyboardInterrupt from score.run, and the module stays usable.
        seen = []

        def interrupt(done, total):
            seen.append((done, total))
            os.kill(os.getpid(), signal.SIGINT)

        with self.assertRaises(KeyboardInterrupt):
            score.run(HISTORY, replications=2000, outputs=["firms_trained_total"], progress=interrupt)
        self.assertEqual(len(seen), 1)
        self.assertLess(seen[0][0], seen[0][1])
        self.assertIn("firms_trained_total", score.run(SCENARIO, outputs=["firms_trained_total"]))

    def test_callback_error_propagates(self):
        def fail(done, total):
            raise RuntimeError("stop here")

        with self.assertRaisesRegex(RuntimeError, "stop here"):
            score.run(SCENARIO, replications=50, progress=fail)


class Sweep(unittest.TestCase):
    POINTS = [{"phases.I.subsidy_share": 0.2, "behaviour.enrol_rate": 0.02},
              {"phases.I.subsidy_share": 0.6, "behaviour.enrol_rate": 0.08},
              {"phases.I.subsidy_share": 0.4, "behaviour.enrol_rate": 0.05}]

    def test_tidy_table(self):
        table = score.sweep(SCENARIO, points=self.POINTS, replications=2, seed=7)
        self.assertIsInstance(table, pd.DataFrame)
        self.assertEqual(len(table), 6)
        self.assertEqual(list(table.columns[:5]),
                         ["point", "replication", "seed", "phases.I.subsidy_share", "behaviour.enrol_rate"])
        self.assertEqual(table.attrs["outcomes"], score.outcome_names(["I", "II"]))
        self.assertEqual(table.attrs["units"]["II.donor_spend_usd"], "USD")
        self.assertEqual(table.loc[2, "phases.I.subsidy_share"], 0.6)
        # A keener population trains more firms.
        means = table.groupby("point")["I.firms_trained"].mean()
        self.assertGreater(means[1], means[0])

    def test_point_is_its_overrides(self):
        # A point runs the scenario with its values set: the same numbers as
        # score.run with those overrides and the point's seed.
        table = score.sweep(SCENARIO, points=self.POINTS[1:2], replications=2, seed=7)
        seed = int(table["seed"][0])
        ds = score.run(score.load_scenario(SCENARIO, self.POINTS[1]), replications=2, seed=seed,
                       outputs=["firms_trained_total"])
        np.testing.assert_array_equal(table["II.firms_trained_total"],
                                      ds["phase_firms_trained_total_all"].sel(phase="II").values)

    def test_scenario_overrides_are_kept(self):
        sc = score.load_scenario(SCENARIO, {"behaviour.enrol_rate": 0.08})
        kept = score.sweep(sc, points=[{"phases.I.subsidy_share": 0.5}], seed=3)
        plain = score.sweep(SCENARIO, points=[{"phases.I.subsidy_share": 0.5, "behaviour.enrol_rate": 0.08}], seed=3)
        self.assertEqual(kept["I.firms_trained"][0], plain["I.firms_trained"][0])

    def test_invalid_point_names_it(self):
        with self.assertRaises(score.ScenarioError) as e:
            score.sweep(SCENARIO, points=[{"phases.I.subsidy_share": 1.5}])
        self.assertIn("phases.I.subsidy_share=1.5", str(e.exception))

    def test_points_must_share_keys(self):
        with self.assertRaises(ValueError):
            score.sweep(SCENARIO, points=[{"phases.I.subsidy_share": 0.3}, {"behaviour.enrol_rate": 0.02}])


class EmaModel(unittest.TestCase):
    def test_keywords_in_dict_out(self):
        model = score.ema_model(SCENARIO, outcomes=["I.firms_trained", "II.donor_spend_usd"], replications=2, seed=5)
        out = model(**{"phases.I.subsidy_share": 0.4, "behaviour.enrol_rate": 0.05})
        self.assertEqual(sorted(out), ["I.firms_trained", "II.donor_spend_usd"])
        self.assertTrue(all(isinstance(v, float) for v in out.values()))
        table = score.sweep(SCENARIO, points=[{"phases.I.subsidy_share": 0.4, "behaviour.enrol_rate": 0.05}],
                            replications=2, seed=5)
        self.assertEqual(out["I.firms_trained"], table["I.firms_trained"].mean())
        # Common random numbers: the same parameters give the same outcomes.
        self.assertEqual(out, model(**{"phases.I.subsidy_share": 0.4, "behaviour.enrol_rate": 0.05}))

    def test_unknown_outcome(self):
        with self.assertRaises(ValueError):
            score.ema_model(SCENARIO, outcomes=["III.firms_trained"])


class Sobol(unittest.TestCase):
    def test_indices_of_an_additive_function(self):
        n, k = 256, 3
        x = np.asarray(score.saltelli(n, k))
        self.assertEqual(x.shape, (n * (k + 2), k))
        y = 4 * x[:, 0] + x[:, 1]  # x2 does nothing; x0 explains 16/17 of the variance
        s = score.sobol_indices(y.tolist(), n, k, bootstrap=0)
        np.testing.assert_allclose(s["first"], [16 / 17, 1 / 17, 0], atol=0.05)
        np.testing.assert_allclose(s["total"], [16 / 17, 1 / 17, 0], atol=0.05)

    def test_interval_method_by_the_cli_names(self):
        n, k = 256, 3
        x = np.asarray(score.saltelli(n, k))
        y = 4 * x[:, 0] + x[:, 1] + x[:, 0] * x[:, 2]  # a skewed estimator: x0 x2 interact
        bca = score.sobol_indices(y.tolist(), n, k, bootstrap=400, confidence=0.9, seed=3)
        self.assertEqual(bca, score.sobol_indices(y.tolist(), n, k, bootstrap=400, confidence=0.9, seed=3,
                                                  interval="bca"))
        pct = score.sobol_indices(y.tolist(), n, k, bootstrap=400, confidence=0.9, seed=3, interval="percentile")
        self.assertEqual(pct["first"], bca["first"])  # the same estimates, read differently
        self.assertNotEqual(pct["first_lo"] + pct["total_lo"], bca["first_lo"] + bca["total_lo"])
        for s in (bca, pct):
            for lo, est, hi in zip(s["total_lo"], s["total"], s["total_hi"]):
                self.assertLessEqual(lo, hi)
                self.assertLess(hi - lo, 0.2)
        with self.assertRaisesRegex(ValueError, "bca.*percentile"):
            score.sobol_indices(y.tolist(), n, k, interval="normal")


if __name__ == "__main__":
    unittest.main(verbosity=2)
