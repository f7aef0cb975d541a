#!/usr/bin/env python3
"""Checks a score results file the way Python users will read it.

Usage: open_with_xarray.py RESULTS.h5

xarray (engine="h5netcdf") must see named dimensions, units on every data
variable and a time axis decoding to the first day of each month from the
start; the statistics must equal numpy's nanmean/nanpercentile over the
replications; h5py must read the root attributes. Exits 77 (skip) when the
modules are missing.
"""
import sys
import warnings

try:
    import h5py
    import numpy as np
    import xarray as xr
except ImportError as error:
    print(f"skipping: {error}")
    sys.exit(77)


def check_dataset(ds):
    for dim in ("time", "country", "replication", "module", "source", "indicator", "phase", "statistic"):
        assert dim in ds.dims, f"dimension {dim} missing: {dict(ds.dims)}"
    assert not [d for d in ds.dims if str(d).startswith("phony_dim")], ds.dims
    for name, var in ds.data_vars.items():
        assert "units" in var.attrs, f"{name} has no units"
        assert "long_name" in var.attrs, f"{name} has no long_name"
    for name in ("country_name", "phase_name", "phase_start", "phase_end"):
        assert name in ds.coords, f"{name} is not a coordinate"

    start = np.datetime64(ds.attrs["start"] + "-01", "ns")
    time = ds["time"].values
    assert np.issubdtype(time.dtype, np.datetime64), time.dtype
    assert time[0] == start, (time[0], start)
    months = time.astype("datetime64[M]")
    assert (np.diff(months) == np.timedelta64(1, "M")).all(), months
    assert (time == months.astype("datetime64[ns]")).all(), "time is not the first of each month"

    assert ds["module_deliveries"].dims == ("replication", "time", "country", "module")
    assert ds["revenue_usd"].dims == ("replication", "time", "country", "source")
    assert ds["phase_firms_trained"].dims == ("replication", "phase", "country")
    assert ds["phase_firms_trained_all"].dims == ("replication", "phase")
    assert ds["firms_trained_total_stats"].dims == ("statistic", "time", "country")
    assert list(ds["statistic"].values) == ["mean", "p05", "p50", "p95"]


def nanpercentile(data, q):
    """np.nanpercentile(data, q, axis=0), the same numbers, computed by numpy
    column group by column group: nanpercentile walks a column at a time in
    Python once any value is NaN (minutes on the history's million cells),
    while the k valid values of a column, sorted first (NaN sorts last), have
    the same percentile under np.percentile, which is vectorised. Columns
    with no valid value are NaN, as nanpercentile makes them."""
    ordered = np.sort(data, axis=0)
    valid = np.count_nonzero(~np.isnan(data), axis=0)
    result = np.full(data.shape[1:], np.nan)
    for k in np.unique(valid):
        if k > 0:
            columns = valid == k
            result[columns] = np.percentile(ordered[:k, columns], q, axis=0)
    return result


def check_statistics(ds):
    """Every *_stats variable against numpy over the replication axis."""
    checked = 0
    for name in ds.data_vars:
        if name.endswith("_stats") or f"{name}_stats" not in ds:
            continue
        data = ds[name].values
        stats = ds[f"{name}_stats"]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN cells are expected
            expected = {
                "mean": np.nanmean(data, axis=0),
                "p05": nanpercentile(data, 5),
                "p50": nanpercentile(data, 50),
                "p95": nanpercentile(data, 95),
            }
        for statistic, values in expected.items():
            np.testing.assert_allclose(stats.sel(statistic=statistic).values, values, rtol=1e-12, atol=0,
                                       equal_nan=True, err_msg=f"{name} {statistic}")
        checked += 1
    assert checked > 20, checked
    assert np.isnan(ds["cost_recovery"].values[:, 0, :]).all(), "fixture lost its all-NaN cells"


def check_h5py(path):
    with h5py.File(path, "r") as f:
        assert f.attrs["Conventions"] == "CF-1.8"
        assert f.attrs["seed"].dtype == np.uint64
        assert f["time"].attrs["units"].startswith("days since ")
        scales = [d[0].name for d in f["improvement"].dims]  # the scale attached to each dimension
        assert scales == ["/replication", "/time", "/country", "/indicator"], scales


def main(path):
    with xr.open_dataset(path, engine="h5netcdf") as ds:
        check_dataset(ds)
        check_statistics(ds)
    check_h5py(path)
    print(f"{path}: ok")


if __name__ == "__main__":
    main(sys.argv[1])
