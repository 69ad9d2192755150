#!/usr/bin/env python3
"""Aggregates the real Polish PB voter data into the calibration targets' numbers.

Input: polish_cities.json from the shared data folder (pabulib/pabulib_files at commit 88cfaba,
aggregated by its aggregate_voters.py: voters per city and voting method with sex and age band).
Output (stdout): JSON with, for every channel (internet, paper, all), the share of women and the
shares of each age band among ADULT voters (under-18 voters left out), pooled over the cities
that record the channel, and the same share per city (its spread sets the tolerance); and the
channel choice by age: for each age band, the odds ratio of voting on paper rather than online
against the 30-49, (paper_b / internet_b) / (paper_30-49 / internet_30-49) from the channels'
shares, pooled and per city. Both channels' voters come from the same city, so the ratio does not
depend on the city's age structure or on how often each age votes at all, only on which channel
the voters of each age choose.

    python3 scripts/calibration_targets.py SHARED/data/pb_voters/polish_cities.json \
        > crates/engine/calibration/polish_pb_voters.json
"""
import json
import sys

BANDS = ["18-29", "30-49", "50-66", "67+"]


def shares(rows):
    adult = sum(r["age_band"][b] for r in rows for b in BANDS)
    voters = sum(r["voters"] for r in rows)
    women = sum(r["women"] for r in rows)
    men = sum(r["men"] for r in rows)
    out = {"adult_voters": adult, "voters": voters}
    # Sex is recorded for all voters (children included); the share is of voters with a sex.
    out["women"] = women / (women + men)
    for b in BANDS:
        out[b] = sum(r["age_band"][b] for r in rows) / adult
    return out


def main(path):
    data = json.load(open(path, encoding="utf-8"))
    result = {
        "source": "pabulib/pabulib_files at commit 88cfaba, every Polish file with an age column, "
        "aggregated by shared/data/pb_voters/aggregate_voters.py (polish_cities.json); "
        "aggregated here by scripts/calibration_targets.py",
        "channels": {},
    }
    for channel, methods in [("internet", ["internet"]), ("paper", ["paper"]),
                             ("all", ["internet", "paper", "unknown"])]:
        rows, per_city = [], {}
        for city in sorted(data):
            city_rows = [data[city]["by_method"][m] for m in methods if m in data[city]["by_method"]]
            if city_rows:
                rows.extend(city_rows)
                per_city[city] = shares(city_rows)
        pooled = shares(rows)
        spread = {}
        for key in ["women"] + BANDS:
            values = [c[key] for c in per_city.values()]
            spread[key] = [min(values), max(values)]
        result["channels"][channel] = {"cities": sorted(per_city), "pooled": pooled,
                                       "range_over_cities": spread, "per_city": per_city}
    choice = {"reference": "30-49", "per_city": {}}

    def odds(internet, paper):
        return {b: (paper[b] / internet[b]) / (paper["30-49"] / internet["30-49"])
                for b in BANDS if b != "30-49"}

    channels = result["channels"]
    choice["pooled"] = odds(channels["internet"]["pooled"], channels["paper"]["pooled"])
    for city in channels["internet"]["cities"]:
        if city in channels["paper"]["per_city"]:
            choice["per_city"][city] = odds(channels["internet"]["per_city"][city],
                                            channels["paper"]["per_city"][city])
    choice["range_over_cities"] = {
        b: [min(c[b] for c in choice["per_city"].values()),
            max(c[b] for c in choice["per_city"].values())]
        for b in choice["pooled"]}
    result["paper_odds_by_age"] = choice
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
