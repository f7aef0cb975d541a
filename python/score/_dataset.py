"""The arrays of score._score.run as an xarray.Dataset laid out like a
results file (docs/output-format.md): names, dimensions and attributes come
from the engine, and CF decoding turns `time` into dates as xarray does when
it opens the file."""
import numpy as np
import xarray as xr

from . import _score


def _strings(values):
    return np.asarray(values, dtype=object)


def _coordinates(raw, with_statistics):
    names, coords = _score.NAMES, raw["coords"]
    time, country, phase = names["time"], names["country"], names["phase"]
    out = {
        time: (time, np.asarray(coords[time], dtype=np.int64), {"units": raw["time_units"], "calendar": "standard"}),
        country: (country, _strings(coords[country])),
        names["country_name"]: (country, _strings(coords[names["country_name"]])),
        names["replication"]: (names["replication"], np.asarray(coords[names["replication"]], dtype=np.int64)),
        phase: (phase, _strings(coords[phase])),
    }
    for extra in ("phase_name", "phase_start", "phase_end"):
        out[names[extra]] = (phase, _strings(coords[names[extra]]))
    for axis, labels in _score.AXES.items():
        out[axis] = (axis, _strings(labels))
    funder = names["funder"]
    if funder in coords:  # the funder ledger's, when the scenario names funders
        out[funder] = (funder, _strings(coords[funder]))
        for extra in ("funder_name", "funder_currency"):
            out[names[extra]] = (funder, _strings(coords[names[extra]]))
        column = names["ledger_column"]
        out[column] = (column, _strings(coords[column]))
    if with_statistics:
        out[names["statistic"]] = (names["statistic"], _strings(_score.STATISTICS))
    return out


def build(raw):
    """xarray.Dataset from the dict score._score.run returns."""
    data = {name: (v["dims"], v["values"], v["attrs"]) for name, v in raw["variables"]}
    with_statistics = any(v["dims"][0] == _score.NAMES["statistic"] for _, v in raw["variables"])
    ds = xr.Dataset(data, coords=_coordinates(raw, with_statistics), attrs=dict(raw["attrs"]))
    return xr.decode_cf(ds)
