#!/usr/bin/env python3
"""Re-cut the curated benchmark files in this folder from the shared public data.

Usage: python3 cut.py /work/shared/reference/public-data
Writes lait_values.csv, la_lookup.csv, population_0_17.csv, sn_may_2025.csv and sn_april_2021.csv
next to this script. Filter, pivot and join only: no value is changed. See README.md.
"""
import csv
import os
import sys

SRC = sys.argv[1]
OUT = os.path.dirname(os.path.abspath(__file__))
BENCH = os.path.join(SRC, "benchmarks")

# The LAIT measures named in src/benchmarks/mapping.rs (keep the two lists in step).
MEASURES = [
    "CPP_Total_NumRef", "CPP_Total_Rateper10,000", "ReReferral", "Continue_Assess_Comp",
    "Section_47", "ISCP_Conf", "CP_conf_15days", "CPP_Num", "CPP_rate", "PrevRegCPR",
    "CPPlans2yrs", "LACnum", "LAC", "LAC_Parents_OR_Others", "LACDistance", "LACStable_2016on",
    "LAC_LongStable%", "CareLeavers_LA_NotInTouch", "CareLeaverAcc", "CareLeaverEET",
    "Work_Force_AvgNumCase_SW",
]


def read(path, encoding="utf-8"):
    with open(path, newline="", encoding=encoding) as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# 1. LAIT values: keep the mapped measures, pivot years to columns. Blank = no LAIT row.
values = [r for r in read(os.path.join(BENCH, "lait_csc_values_long.csv")) if r["short_desc"] in MEASURES]
years = sorted({r["year"] for r in values})
cells = {(r["short_desc"], r["la_number"], r["year"]): r["value"] for r in values}
keys = sorted({(r["short_desc"], r["la_number"]) for r in values}, key=lambda k: (MEASURES.index(k[0]), int(k[1])))
write("lait_values.csv", ["short_desc", "la_number"] + years,
      [[m, la] + [cells.get((m, la, y), "") for y in years] for (m, la) in keys])

# 2. LA lookup: LAIT area names and LAIT region codes; ONS LA and region codes from the
#    latest year of the ONS population file (its London rows carry E13 Inner/Outer London,
#    which we report as region E12000007 London).
areas = read(os.path.join(BENCH, "lait_areas.csv"))
region_area = {a["area"].lower(): (a["la_number"], a["area"]) for a in areas if a["level"] == "Region"}
region_area["inner london"] = region_area["london (inner)"]
region_area["outer london"] = region_area["london (outer)"]
pop = read(os.path.join(BENCH, "dfe-ees", "ons_mid-year_population_estimates_2012_to_2024.csv"), "utf-8-sig")
latest = {}
for r in pop:
    if r["geographic_level"] == "Local authority":
        k = r["old_la_code"]
        if k not in latest or int(r["time_period"]) > int(latest[k]["time_period"]):
            latest[k] = r
lookup = []
for a in areas:
    if a["level"] != "Local authority":
        continue
    ons = latest[a["la_number"]]
    region_code, region_name = ons["region_code"], ons["region_name"]
    if region_code.startswith("E13"):
        region_code, region_name = "E12000007", "London"
    lookup.append([a["la_number"], a["area"], ons["new_la_code"], region_code, region_name,
                   *region_area[a["region"].lower()]])
write("la_lookup.csv", ["la_number", "la_name", "ons_code", "region_code", "region_name", "lait_region",
                        "lait_region_name"],
      sorted(lookup, key=lambda r: int(r[0])))

# 3. ONS mid-year 0-17 population by LA: time_period is the mid-year (2024 = mid-2024, which
#    DfE uses for the year ending 31 March 2025). Rows marked "x" (not available: the pre-2019
#    Dorset, Poole and Bournemouth) are dropped.
write("population_0_17.csv", ["mid_year", "la_number", "population"],
      sorted(([r["time_period"], r["old_la_code"], r["population_estimate"]] for r in pop
              if r["geographic_level"] == "Local authority" and r["population_estimate"].isdigit()),
             key=lambda r: (int(r[0]), int(r[1]))))

# 4. Statistical neighbours: drop names and rows without a neighbour (942/943 in April 2021).
for src, dst in [("statistical_neighbours_may_2025_long.csv", "sn_may_2025.csv"),
                 ("statistical_neighbours_april_2021_long.csv", "sn_april_2021.csv")]:
    rows = read(os.path.join(BENCH, "statistical-neighbours", src))
    write(dst, ["la_number", "sn_rank", "sn_la_number", "closeness"],
          [[r["la_number"], r["sn_rank"], r["sn_la_number"], r["closeness"]] for r in rows if r["sn_la_number"]])
