#!/usr/bin/env python3
"""A synthetic national KOSTRA dataset for benchmarks: JSON-stat 2.0 files as SSB's PxWebApi v2
serves them, about ten million figures, in a preliminary and a final version.

SYNTHETIC (SYNTETISK): every figure here is made up by a seeded random model. The files are never
real figures, never part of the built-in data, and never the expected values of a test. Every
table label, content label, source and note says so, and so does manifest.json.

    python3 Benchmarks/national/generate.py                     # ~10 M figures, seed 13
    python3 Benchmarks/national/generate.py --figures 50000 --out /tmp/small
    python3 Benchmarks/national/generate.py --check Benchmarks/national/data

The same arguments give the same bytes (no clock, no hash order, string-seeded generators). A
cell's value depends on the seed, the table plan (--figures) and its coordinates only: neither
--max-cells (how a table is split into files) nor --version changes it.

Python 3.11, standard library only. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field

YEARS = list(range(2015, 2025))
RENUMBER_YEAR = 2024  # the first year under the new numbers (the 2024 county reform)
GEO, METRIC, TIME = "KOKkommuneregion0000", "ContentsCode", "Tid"
DEFAULT_FIGURES = 10_000_000
DEFAULT_MAX_CELLS = 800_000  # PxWebApi v2's limit of cells per request
FIRST_TABLE = 90001  # table numbers outside the range SSB uses for KOSTRA (11xxx-13xxx)
SYMBOLS = ("..", ":", ".")
PUBLISHED = {"preliminary": "2025-03-15T07:00:00Z", "final": "2025-06-15T06:00:00Z"}
SOURCE = "SYNTETISK: laget av kostra Benchmarks/national/generate.py, ikke Statistisk sentralbyrå"
FILE_NAME = re.compile(r"^\d{5}(-\d+of\d+)?\.json$")

# The 15 counties of 2024 (number, how many municipalities: 357 in all). The numbers are real,
# so that a municipality's code starts with its county's; the names are synthetic.
COUNTIES = [
    ("03", 1), ("11", 23), ("15", 27), ("18", 41), ("31", 12), ("32", 21), ("33", 18), ("34", 46),
    ("39", 6), ("40", 17), ("42", 25), ("46", 43), ("50", 38), ("55", 21), ("56", 18),
]

# The 12 ASSS members, real names and numbers: (code from 2024, code before 2024 or None, name,
# a rough population, KOSTRA group). Their figures are as synthetic as everyone else's.
ASSS = [
    ("0301", None, "Oslo", 717_000, 15),
    ("4601", None, "Bergen", 291_000, 14),
    ("5001", None, "Trondheim", 214_000, 14),
    ("1103", None, "Stavanger", 148_000, 14),
    ("3201", "3024", "Bærum", 130_000, 13),
    ("4204", None, "Kristiansand", 116_000, 13),
    ("3301", "3005", "Drammen", 103_000, 13),
    ("3203", "3025", "Asker", 97_000, 13),
    ("3205", "3030", "Lillestrøm", 91_000, 13),
    ("3107", "3004", "Fredrikstad", 84_000, 13),
    ("1108", None, "Sandnes", 83_000, 13),
    ("5501", "5401", "Tromsø", 78_000, 13),
]

SUBJECTS = [
    "grunnskole", "barnehager", "pleie og omsorg", "kommunehelse", "barnevern", "sosialtjenesten",
    "kommunale boliger", "kultur og idrett", "kirke", "samferdsel", "vann, avløp og renovasjon",
    "plan, byggesak og miljø", "eiendomsforvaltning", "brann og ulykkesvern", "finansielle nøkkeltall",
    "administrasjon og styring", "kvalifisering og arbeid", "tannhelse", "skolefritidsordning",
    "voksenopplæring", "næringsforvaltning", "kommunal forvaltning",
]

# Extra dimensions: id -> (dimension label, [(code, label)]). Real ids as SSB uses them.
EXTRA_DIMENSIONS = {
    "Kjonn": ("kjønn", [("1", "Menn"), ("2", "Kvinner")]),
    "Alder": ("alder", [("000-005", "0-5 år"), ("006-015", "6-15 år"), ("016-066", "16-66 år"),
                        ("067-079", "67-79 år"), ("080+", "80 år eller eldre")]),
    "Trinn": ("årstrinn", [("1-4", "1.-4. trinn"), ("5-7", "5.-7. trinn"), ("8-10", "8.-10. trinn")]),
    "KOKfunksjon0000": ("funksjon", [("201", "201 Barnehage"), ("202", "202 Grunnskole"),
                                     ("213", "213 Voksenopplæring"), ("215", "215 Skolefritidstilbud"),
                                     ("222", "222 Skolelokaler"), ("223", "223 Skoleskyss")]),
}
# The combinations a table may carry, in SSB's order (between region and ContentsCode).
EXTRA_CHOICES = [("Kjonn",), ("Alder",), ("Trinn",), ("KOKfunksjon0000",), ("Kjonn", "Alder"), ("Kjonn", "Trinn")]

# Units: name -> (unit base, decimals, how the figure reads in a content label, kind).
# kind "share": 0-100 with an additive model; "level": a per-unit amount (multiplicative);
# "total": an amount that grows with the region's population (aggregates sum their members).
UNITS = {
    "prosent": ("prosent", 1, "andel (prosent)", "share"),
    "kroner": ("kroner", 0, "kroner per innbygger", "level"),
    "ratio": ("antall", 1, "antall per enhet", "level"),
    "antall": ("antall", 0, "antall", "total"),
    "1000kr": ("1000 kroner", 0, "1000 kroner", "total"),
}
UNIT_WEIGHTS = [("prosent", 35), ("kroner", 30), ("ratio", 15), ("antall", 12), ("1000kr", 8)]

PERCENT_TEXT = ["%.1f" % (i / 10) for i in range(1001)]  # "0.0" ... "100.0": the fast path


# ---------------------------------------------------------------------------------------------
# Regions


@dataclass
class Municipality:
    code: str  # the number from 2024
    former: str | None  # the number before 2024, when it changed
    name: str
    county: str
    population: int
    group: int  # KOSTRA group 1-16
    z: float  # how it stands: a standard normal shared by all its figures


@dataclass
class Region:
    """One category of the region dimension, as it appears in every file."""
    code: str
    label: str
    kind: str  # country, country-without-oslo, county, kostra-group, municipality
    members: list[int]  # municipality indices (one for a municipality)
    years: tuple[int, int] = (YEARS[0], YEARS[-1])  # the years the code is in use
    z: float = 0.0
    population: float = 0.0
    p_cell: float = 0.0  # chance a single cell is missing
    p_series: float = 0.0  # chance a whole series is "." (not applicable)


def municipalities(seed: int) -> list[Municipality]:
    rng = random.Random(f"{seed}:municipalities")
    asss = {code[:2]: [] for code, *_ in ASSS}
    for entry in ASSS:
        asss[entry[0][:2]].append(entry)
    result: list[Municipality] = []
    for county, count in COUNTIES:
        taken = {entry[0] for entry in asss.get(county, [])}
        for code, former, name, population, group in asss.get(county, []):
            result.append(Municipality(code, former, name, county, population, group, rng.gauss(0.0, 1.0)))
        number = 1
        while sum(m.county == county for m in result) < count:
            code = f"{county}{number:02d}"
            number += 1
            if code in taken:
                continue
            population = int(min(60_000, max(200, math.exp(rng.gauss(math.log(5_000), 1.1)))))
            result.append(Municipality(code, None, f"Syntetisk kommune {code}", county, population, 0, rng.gauss(0.0, 1.0)))
    # KOSTRA groups for the synthetic municipalities, by size and a drawn "income": a synthetic
    # grouping in the spirit of SSB's (13 large, 14 the three big cities, 15 Oslo, 16 the rich).
    rich = [m for m in result if m.group == 0 and m.population < 20_000]
    for m in rng.sample(rich, 10):
        m.group = 16
    for m in result:
        if m.group:
            continue
        if m.population >= 20_000:
            m.group = 13
        else:
            band = min(5, int(rng.random() * 6))
            m.group = (1 if m.population < 5_000 else 7) + band
    result.sort(key=lambda m: m.code)
    return result


def regions(seed: int, towns: list[Municipality]) -> list[Region]:
    """EAK, EAKUO, the county aggregates, the KOSTRA groups, then the municipalities in code
    order, a renumbered one under both numbers."""
    everyone = list(range(len(towns)))
    listed = [
        Region("EAK", "Landet", "country", everyone),
        Region("EAKUO", "Landet uten Oslo", "country-without-oslo", [i for i in everyone if towns[i].code != "0301"]),
    ]
    for county, _ in COUNTIES:
        listed.append(Region(f"EAKA{county}", f"Kommunene i Syntetisk fylke {county}", "county",
                             [i for i in everyone if towns[i].county == county]))
    for group in range(1, 17):
        listed.append(Region(f"EKG{group:02d}", f"Kostragruppe {group}", "kostra-group",
                             [i for i in everyone if towns[i].group == group]))
    own: list[Region] = []
    for i, m in enumerate(towns):
        if m.former:
            own.append(Region(m.former, f"{m.name} ({YEARS[0]}-{RENUMBER_YEAR - 1})", "municipality", [i],
                              (YEARS[0], RENUMBER_YEAR - 1)))
            own.append(Region(m.code, m.name, "municipality", [i], (RENUMBER_YEAR, YEARS[-1])))
        else:
            own.append(Region(m.code, m.name, "municipality", [i]))
    own.sort(key=lambda r: r.code)
    listed += own
    for r in listed:
        members = [towns[i] for i in r.members]
        r.population = float(sum(m.population for m in members))
        r.z = sum(m.z for m in members) / max(1, len(members))
        if r.kind == "municipality":
            r.p_cell = 0.005 + (0.012 if r.population < 2_000 else 0.0)
            r.p_series = 0.003
        else:
            r.p_cell = 0.001
    return listed


# ---------------------------------------------------------------------------------------------
# Tables


@dataclass
class Table:
    number: int
    subject: str
    extras: tuple[str, ...]
    contents: int
    cells: int = 0
    files: list[dict] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.number)

    def content_code(self, n: int) -> str:
        return f"SYN{self.number}{n + 1:02d}"

    @property
    def title(self) -> str:
        return f"Syntetiske nøkkeltall for {self.subject} (K)"

    @property
    def label(self) -> str:
        names = ["region"] + [EXTRA_DIMENSIONS[e][0] for e in self.extras] + ["statistikkvariabel", "år"]
        return f"{self.number}: {self.title}, etter {', '.join(names[:-1])} og {names[-1]} (SYNTETISK)"


def plan(seed: int, figures: int, cells_per_content: int) -> list[Table]:
    """Tables until about `figures` cells: a quarter of them (every fourth, from the second) with
    one or two extra dimensions. Below the default size each table has proportionally fewer
    content codes, so that a small run still has several tables of both kinds."""
    rng = random.Random(f"{seed}:plan")
    scale = min(1.0, figures / DEFAULT_FIGURES)
    tables: list[Table] = []
    total = 0
    while total < figures:
        n = len(tables)
        if n >= 99_999 - FIRST_TABLE:
            raise SystemExit("too many tables: ask for fewer figures")
        extras = rng.choice(EXTRA_CHOICES) if n % 4 == 1 else ()
        planned = rng.randint(5, 45) if extras else rng.randint(4, 40)
        per = cells_per_content
        for e in extras:
            per *= len(EXTRA_DIMENSIONS[e][1])
        contents = max(1, round(planned * scale))
        contents = min(contents, max(1, math.ceil((figures - total) / per)), 99)
        table = Table(FIRST_TABLE + n, SUBJECTS[n % len(SUBJECTS)], extras, contents, contents * per)
        tables.append(table)
        total += table.cells
    return tables


def chunks(count: int, size: int) -> list[range]:
    return [range(start, min(count, start + size)) for start in range(0, count, size)]


def split(table: Table, n_regions: int, max_cells: int) -> list[tuple[range, list[range]]]:
    """The parts of a table, each at most max_cells, as a user would ask for them: by content
    codes; when one content code alone is too large, also by the categories of the extra
    dimensions (outermost first). Returns (contents, [categories per extra dimension])."""
    sizes = [len(EXTRA_DIMENSIONS[e][1]) for e in table.extras]
    slab = n_regions * len(YEARS)
    if slab > max_cells:
        raise SystemExit(f"--max-cells {max_cells} is below one content code of one category ({slab} cells): use at least {slab}")
    # The extra categories per part: take whole dimensions from the innermost out while they fit.
    per_extra: list[int] = []
    fit = max_cells // slab
    for size in reversed(sizes):
        take = max(1, min(size, fit))
        per_extra.insert(0, take)
        fit = fit // size if take == size else 0
    extra_parts: list[list[range]] = [[]]
    for size, take in zip(sizes, per_extra):
        extra_parts = [p + [r] for p in extra_parts for r in chunks(size, take)]
    cells_per_content = slab * math.prod(per_extra)
    per_part = max(1, max_cells // cells_per_content)
    return [(c, e) for c in chunks(table.contents, per_part) for e in extra_parts]


# ---------------------------------------------------------------------------------------------
# Values


@dataclass
class Content:
    unit: str
    level: float
    spread: float
    trend: float
    noise: float
    categories: list[float]  # one factor (or offset, for shares) per combination of extra categories


def content_model(rng: random.Random, combinations: int) -> Content:
    unit = rng.choices([u for u, _ in UNIT_WEIGHTS], [w for _, w in UNIT_WEIGHTS])[0]
    kind = UNITS[unit][3]
    if kind == "share":
        level = rng.uniform(3, 97)
        spread = rng.uniform(1.5, 10)
        categories = [rng.uniform(-8, 8) for _ in range(combinations)]
        return Content(unit, level, spread, rng.gauss(0, 0.4), spread * 0.6, categories)
    if unit == "kroner":
        level = math.exp(rng.uniform(math.log(300), math.log(250_000)))
    elif unit == "ratio":
        level = rng.uniform(1, 60)
    elif unit == "antall":
        level = math.exp(rng.uniform(math.log(0.0005), math.log(0.3)))  # per inhabitant
    else:
        level = math.exp(rng.uniform(math.log(0.5), math.log(60)))  # 1000 kroner per inhabitant
    if kind == "total":
        shares = [rng.uniform(0.3, 1.7) for _ in range(combinations)]
        categories = [s / sum(shares) for s in shares]
    else:
        categories = [rng.uniform(0.7, 1.3) for _ in range(combinations)]
    return Content(unit, level, rng.uniform(0.05, 0.3), rng.uniform(-0.01, 0.035), rng.uniform(0.02, 0.08), categories)


def series_text(model: Content, region: Region, e: float, category: float, rnd, status: dict, pos: int, out: list) -> None:
    """Appends one region's figures for one category of the extras, year by year."""
    p = region.p_cell
    municipality = region.kind == "municipality"
    kind = UNITS[model.unit][3]
    if kind == "share":
        base = model.level + model.spread * (0.7 * region.z + 0.7 * e) + category
        trend, noise = model.trend, model.noise
        for t in range(len(YEARS)):
            u = rnd()
            if u < p:
                out.append("null")
                status[pos + t] = _symbol(u / p, municipality)
                continue
            v = base + trend * t + noise * (u - 0.5)
            out.append(PERCENT_TEXT[0 if v <= 0 else 1000 if v >= 100 else int(v * 10 + 0.5)])
        return
    base = model.level * math.exp(model.spread * (0.7 * region.z + 0.7 * e)) * category
    if kind == "total":
        base *= region.population
    growth, noise = 1 + model.trend, model.noise
    one_decimal = UNITS[model.unit][1] == 1
    factor = base
    for t in range(len(YEARS)):
        u = rnd()
        if u < p:
            out.append("null")
            status[pos + t] = _symbol(u / p, municipality)
        else:
            v = factor * (1 + noise * (u - 0.5))
            out.append("%.1f" % v if one_decimal else str(int(v + 0.5)))
        factor *= growth


def _symbol(u: float, municipality: bool) -> str:
    if not municipality or u < 0.4:
        return ".."
    return ":" if u < 0.75 else "."


def content_cells(seed: int, table: Table, n: int, regs: list[Region]) -> tuple[list[str], dict, list[str], dict, Content]:
    """One content code's cells over every region, every combination of the extra categories and
    every year, in that order (year fastest): the final figures and the preliminary ones, as JSON
    text ("null" for a missing cell), with the status of each missing cell by position."""
    rng = random.Random(f"{seed}:{table.number}:{n}")
    rnd = rng.random
    combinations = math.prod(len(EXTRA_DIMENSIONS[e][1]) for e in table.extras)
    model = content_model(rng, combinations)
    years = len(YEARS)
    out: list[str] = []
    status: dict[int, str] = {}
    pos = 0
    for region in regs:
        e = rng.gauss(0, 1) if region.kind == "municipality" else 0.0
        not_applicable = rnd() < region.p_series
        for category in model.categories:
            if not_applicable:
                out.extend(["null"] * years)
                for t in range(years):
                    status[pos + t] = "."
            else:
                series_text(model, region, e, category, rnd, status, pos, out)
            # A municipality number not in use that year: SSB lists it with "." (not applicable).
            first, last = region.years
            if first != YEARS[0] or last != YEARS[-1]:
                for t, year in enumerate(YEARS):
                    if not first <= year <= last:
                        out[pos + t] = "null"
                        status[pos + t] = "."
            pos += years
    final, final_status = out, status
    # The preliminary version (15 March) of the same cells: the last year not yet reported by some
    # municipalities (".." that June turns into numbers), a fifth of the last year's figures
    # revised in June, and a few corrections of earlier years.
    prelim = list(final)
    prelim_status = dict(final_status)
    share = UNITS[model.unit][3] == "share"
    decimals = UNITS[model.unit][1]
    last = years - 1
    block = 0
    for region in regs:
        for _ in model.categories:
            i = block * years + last
            block += 1
            if final[i] == "null":
                continue
            u = rnd()
            if region.kind == "municipality" and u < 0.04:
                prelim[i] = "null"
                prelim_status[i] = ".."
            elif u < 0.24:
                prelim[i] = _revise(final[i], rng, share, decimals)
    for _ in range(int(len(final) * 0.002)):
        i = rng.randrange(len(final))
        if i % years != last and final[i] != "null":
            prelim[i] = _revise(final[i], rng, share, decimals)
    return final, final_status, prelim, prelim_status, model


def _revise(text: str, rng: random.Random, share: bool, decimals: int) -> str:
    v = float(text)
    v = min(100.0, max(0.0, v + rng.choice((-1, 1)) * rng.uniform(0.1, 2.0))) if share else v * (1 + rng.choice((-1, 1)) * rng.uniform(0.002, 0.05))
    new = "%.*f" % (decimals, v)
    if new == text:  # a revision that rounds away is no revision: move the last digit
        new = "%.*f" % (decimals, v + (10 ** -decimals if v < 100 or not share else -(10 ** -decimals)))
    return new


# ---------------------------------------------------------------------------------------------
# Files


def header(table: Table, regs: list[Region], contents: list[int], extra_parts: list[range],
           models: dict[int, Content], version: str, part: int, parts: int, seed: int) -> dict:
    ids = [GEO] + list(table.extras) + [METRIC, TIME]
    dims: dict = {
        GEO: {
            "label": "region",
            "category": {
                "index": {r.code: i for i, r in enumerate(regs)},
                "label": {r.code: r.label for r in regs},
            },
            "extension": {"elimination": False, "show": "value"},
        }
    }
    sizes = [len(regs)]
    for e, part_range in zip(table.extras, extra_parts):
        label, cats = EXTRA_DIMENSIONS[e]
        chosen = [cats[i] for i in part_range]
        dims[e] = {"label": label, "category": {"index": {c: i for i, (c, _) in enumerate(chosen)},
                                                "label": {c: l for c, l in chosen}}}
        sizes.append(len(chosen))
    codes = [table.content_code(n) for n in contents]
    dims[METRIC] = {
        "label": "statistikkvariabel",
        "category": {
            "index": {c: i for i, c in enumerate(codes)},
            "label": {c: f"Syntetisk {table.subject} {n + 1:02d}, {UNITS[models[n].unit][2]} (SYNTETISK)"
                      for c, n in zip(codes, contents)},
            "unit": {c: {"base": UNITS[models[n].unit][0], "decimals": UNITS[models[n].unit][1]}
                     for c, n in zip(codes, contents)},
        },
    }
    sizes.append(len(codes))
    dims[TIME] = {"label": "år", "category": {"index": {str(y): i for i, y in enumerate(YEARS)},
                                              "label": {str(y): str(y) for y in YEARS}}}
    sizes.append(len(YEARS))
    words = "Foreløpige tall" if version == "preliminary" else "Endelige tall"
    return {
        "version": "2.0",
        "class": "dataset",
        "label": table.label,
        "source": SOURCE,
        "updated": PUBLISHED[version],
        "note": [
            "SYNTETISK: tallene er tilfeldig generert for ytelsestester og er ikke KOSTRA-tall.",
            f"{words} for {YEARS[-1]} (syntetisk versjon: {version}).",
        ],
        "role": {"geo": [GEO], "time": [TIME], "metric": [METRIC]},
        "id": ids,
        "size": sizes,
        "dimension": dims,
        "extension": {
            "px": {"tableid": table.id, "language": "no", "contents": f"{table.title} (SYNTETISK)",
                   "official-statistics": False},
            "synthetic": {"generator": "kostra Benchmarks/national/generate.py", "seed": seed,
                          "version": version, "part": part, "parts": parts},
        },
    }


def write_table(out: str, seed: int, table: Table, regs: list[Region], versions: list[str], max_cells: int) -> list[dict]:
    parts = split(table, len(regs), max_cells)
    years = len(YEARS)
    sizes = [len(EXTRA_DIMENSIONS[e][1]) for e in table.extras]
    combinations = math.prod(sizes)
    written = []
    cache: dict[int, tuple] = {}
    for number, (contents, extra_parts) in enumerate(parts, 1):
        for n in contents:
            if n not in cache:
                cache[n] = content_cells(seed, table, n, regs)
        models = {n: cache[n][4] for n in contents}
        # The combinations of extra categories in this part, as positions in the full table.
        chosen = [0]
        for size, part_range in zip(sizes, extra_parts):
            chosen = [c * size + k for c in chosen for k in part_range]
        place = {c: i for i, c in enumerate(chosen)}
        whole = len(chosen) == combinations
        name = f"{table.number}.json" if len(parts) == 1 else f"{table.number}-{number}of{len(parts)}.json"
        width = len(contents)
        for version in versions:
            which = 0 if version == "final" else 2
            columns = [cache[n][which] for n in contents]
            values: list[str] = []
            for r in range(len(regs)):
                for c in chosen:
                    start = (r * combinations + c) * years
                    end = start + years
                    for column in columns:
                        values.extend(column[start:end])
            status: dict[int, str] = {}
            for k, n in enumerate(contents):
                for local, symbol in cache[n][which + 1].items():
                    block, t = divmod(local, years)
                    if not whole:
                        r, c = divmod(block, combinations)
                        if c not in place:
                            continue
                        block = r * len(chosen) + place[c]
                    status[(block * width + k) * years + t] = symbol
            head = header(table, regs, list(contents), extra_parts, models, version, number, len(parts), seed)
            text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
            body = "".join((
                text[:-1], ',"value":[', ",".join(values), '],"status":{',
                ",".join(f'"{i}":"{s}"' for i, s in sorted(status.items())), "}}",
            ))
            data = body.encode("utf-8")
            path = os.path.join(out, version, name)
            with open(path, "wb") as f:
                f.write(data)
            written.append({"path": f"{version}/{name}", "table": table.id, "version": version,
                            "part": number, "parts": len(parts), "cells": len(values),
                            "missing": len(status), "bytes": len(data)})
        following = parts[number][0] if number < len(parts) else range(0)
        for n in contents:
            if n not in following:
                del cache[n]
    return written


def groups_document(seed: int, towns: list[Municipality], regs: list[Region]) -> dict:
    def before(m: Municipality) -> str:
        return m.former or m.code

    groups = {}
    for r in regs:
        if r.kind == "municipality":
            continue
        members = [towns[i] for i in r.members]
        groups[r.code] = {"label": r.label, "kind": r.kind,
                          "members": [m.code for m in members],
                          f"members_before_{RENUMBER_YEAR}": sorted(before(m) for m in members)}
    asss = [next(m for m in towns if m.code == code) for code, *_ in ASSS]
    return {
        "synthetic": True,
        "note": "SYNTETISK: regions and memberships of the synthetic national benchmark dataset; the "
                "county names, KOSTRA groups and non-ASSS municipalities are made up. Not SSB's grouping.",
        "seed": seed,
        "years": YEARS,
        "members": f"municipality codes in use from {RENUMBER_YEAR} (current codes); "
                   f"members_before_{RENUMBER_YEAR}: the codes in use {YEARS[0]}-{RENUMBER_YEAR - 1}",
        "renumbered": [{"from": m.former, "to": m.code, "year": RENUMBER_YEAR, "name": m.name} for m in towns if m.former],
        "groups": groups,
        "ASSS": {"label": "ASSS (not a region code in SSB's tables)", "kind": "network",
                 "members": [m.code for m in asss],
                 f"members_before_{RENUMBER_YEAR}": [before(m) for m in asss]},
        "regions": [{"code": r.code, "label": r.label, "kind": r.kind,
                     **({"current": towns[r.members[0]].code, "years": list(r.years)} if r.kind == "municipality" else {})}
                    for r in regs],
    }


def generate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    versions = ["preliminary", "final"] if args.version == "both" else [args.version]
    towns = municipalities(args.seed)
    regs = regions(args.seed, towns)
    tables = plan(args.seed, args.figures, len(regs) * len(YEARS))
    out = args.out
    for version in ("preliminary", "final"):
        directory = os.path.join(out, version)
        if os.path.isdir(directory):  # files of an earlier run, so that no stale part survives
            for name in os.listdir(directory):
                if FILE_NAME.match(name):
                    os.remove(os.path.join(directory, name))
    for version in versions:
        os.makedirs(os.path.join(out, version), exist_ok=True)
    files: list[dict] = []
    for table in tables:
        table.files = write_table(out, args.seed, table, regs, versions, args.max_cells)
        files += table.files
        if args.verbose:
            print(f"  {table.number}: {table.cells} cells in {len(table.files) // len(versions)} file(s)", file=sys.stderr)
    cells = sum(f["cells"] for f in files)
    size = sum(f["bytes"] for f in files)
    manifest = {
        "synthetic": True,
        "note": "SYNTHETIC / SYNTETISK: random figures for benchmarks, never real KOSTRA figures, "
                "never part of the built-in data or of any test's expected values.",
        "generator": "Benchmarks/national/generate.py",
        "seed": args.seed,
        "figures": args.figures,
        "max_cells": args.max_cells,
        "versions": versions,
        "years": YEARS,
        "regions": len(regs),
        "tables": [{"table": t.id, "label": t.label, "dimensions": [GEO, *t.extras, METRIC, TIME],
                    "contents": t.contents, "cells": t.cells} for t in tables],
        "files": files,
        "cells_per_version": cells // len(versions),
        "total_cells": cells,
        "total_bytes": size,
    }
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(out, "groups.json"), "w", encoding="utf-8") as f:
        json.dump(groups_document(args.seed, towns, regs), f, ensure_ascii=False, indent=1)
        f.write("\n")
    seconds = time.perf_counter() - started
    missing = sum(f["missing"] for f in files)
    print(f"SYNTHETIC national KOSTRA dataset in {out} (seed {args.seed})")
    print(f"  regions {len(regs)}, years {YEARS[0]}-{YEARS[-1]}, tables {len(tables)} "
          f"({sum(1 for t in tables if t.extras)} with extra dimensions)")
    print(f"  files {len(files)} ({len(files) // len(versions)} per version: {', '.join(versions)})")
    print(f"  cells {cells} ({cells // len(versions)} per version), missing {missing / max(1, cells):.2%}")
    print(f"  bytes {size} ({size / 1e6:.1f} MB)")
    print(f"  seconds {seconds:.1f} ({cells / seconds / 1e6:.2f} M cells/s)")
    return 0


# ---------------------------------------------------------------------------------------------
# The check


class Invalid(Exception):
    pass


def check_file(path: str, max_cells: int) -> dict:
    with open(path, "rb") as f:
        raw = f.read()
    doc = json.loads(raw)

    def need(condition: bool, message: str) -> None:
        if not condition:
            raise Invalid(f"{path}: {message}")

    need(isinstance(doc, dict), "not a JSON object")
    need(doc.get("version") == "2.0", f"version {doc.get('version')!r}, not \"2.0\"")
    need(doc.get("class") == "dataset", f"class {doc.get('class')!r}, not \"dataset\"")
    need("SYNTETISK" in doc.get("label", ""), "the label does not say SYNTETISK")
    ids, sizes = doc.get("id"), doc.get("size")
    need(isinstance(ids, list) and isinstance(sizes, list) and len(ids) == len(sizes), "id and size differ in length")
    need(len(set(ids)) == len(ids), "a dimension id appears twice")
    dims = doc.get("dimension", {})
    codes: dict[str, list[str]] = {}
    for dim_id, size in zip(ids, sizes):
        need(dim_id in dims, f"no dimension {dim_id}")
        category = dims[dim_id].get("category", {})
        index = category.get("index")
        need(isinstance(index, dict), f"{dim_id}: category.index is not an object")
        positions = sorted(index.values())
        need(positions == list(range(len(index))), f"{dim_id}: positions are not 0..{len(index) - 1}")
        need(len(index) == size, f"{dim_id}: {len(index)} categories, size {size}")
        labels = category.get("label", {})
        need(set(labels) == set(index), f"{dim_id}: labels and index name different categories")
        ordered = [""] * len(index)
        for code, p in index.items():
            ordered[p] = code
        codes[dim_id] = ordered
    role = doc.get("role", {})
    for key, expected in (("geo", GEO), ("time", TIME), ("metric", METRIC)):
        need(role.get(key) == [expected], f"role.{key} is {role.get(key)!r}")
    need(ids[0] == GEO and ids[-2:] == [METRIC, TIME], f"dimension order {ids}: region first, ContentsCode, Tid last")
    units = dims[METRIC]["category"].get("unit", {})
    for code in codes[METRIC]:
        unit = units.get(code)
        need(isinstance(unit, dict) and "base" in unit and isinstance(unit.get("decimals"), int), f"{code}: no unit with base and decimals")
        need("SYNTETISK" in dims[METRIC]["category"]["label"][code], f"{code}: the content label does not say SYNTETISK")
    need(all(len(y) == 4 and y.isdigit() for y in codes[TIME]), "a year that is not a year")
    values = doc.get("value")
    need(isinstance(values, list), "value is not an array")
    count = math.prod(sizes)
    need(len(values) == count, f"{len(values)} values, the sizes give {count}")
    need(count <= max_cells, f"{count} cells, more than {max_cells}")
    status = doc.get("status", {})
    need(isinstance(status, dict), "status is not an object")
    nulls = 0
    for i, v in enumerate(values):
        if v is None:
            nulls += 1
            need(status.get(str(i)) in SYMBOLS, f"value[{i}] is null with the status {status.get(str(i))!r}")
        else:
            need(isinstance(v, (int, float)) and not isinstance(v, bool), f"value[{i}] is {v!r}")
    for key, symbol in status.items():
        need(key.isdigit() and int(key) < count, f"status key {key!r} is outside the values")
        need(symbol in SYMBOLS, f"status {symbol!r} at {key}")
    table = doc.get("extension", {}).get("px", {}).get("tableid")
    need(isinstance(table, str) and doc["label"].startswith(f"{table}:"), "extension.px.tableid and the label disagree")
    # The former and the current number of a renumbered municipality: "." where not in use.
    stride_year = 1
    stride_region = count // sizes[0]
    years = [int(y) for y in codes[TIME]]
    for code, first, last in _renumbered_years():
        if code in codes[GEO]:
            r = codes[GEO].index(code)
            for k in range(stride_region // len(years)):
                for t, year in enumerate(years):
                    i = r * stride_region + k * len(years) + t * stride_year
                    if not first <= year <= last:
                        need(values[i] is None and status.get(str(i)) == ".", f"{code} {year}: not \".\" although the number was not in use")
    return {"cells": count, "nulls": nulls, "bytes": len(raw), "regions": codes[GEO], "table": table,
            "values": values, "status": status, "shape": (ids, sizes, [codes[d] for d in ids])}


def _renumbered_years() -> list[tuple[str, int, int]]:
    result = []
    for code, former, *_ in ASSS:
        if former:
            result.append((former, YEARS[0], RENUMBER_YEAR - 1))
            result.append((code, RENUMBER_YEAR, YEARS[-1]))
    return result


def check(directory: str, max_cells: int) -> int:
    started = time.perf_counter()
    paths = []
    for root, _, names in os.walk(directory):
        for name in names:
            if name.endswith(".json") and name not in ("manifest.json", "groups.json"):
                paths.append(os.path.join(root, name))
    # A file's two versions next to each other, so that only one is held while they are compared.
    paths.sort(key=lambda p: (os.path.basename(p), p))
    if not paths:
        print(f"{directory}: no JSON-stat files", file=sys.stderr)
        return 1
    manifest = None
    manifest_path = os.path.join(directory, "manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
    expected = {f["path"]: f for f in manifest["files"]} if manifest else {}
    cells = nulls = size = 0
    regions_seen = None
    shapes: dict[str, tuple] = {}
    changed = filled = compared = 0
    errors = 0
    for path in paths:
        relative = os.path.relpath(path, directory).replace(os.sep, "/")
        try:
            result = check_file(path, max_cells)
            if regions_seen is None:
                regions_seen = result["regions"]
            elif result["regions"] != regions_seen:
                raise Invalid(f"{path}: a region list unlike the first file's")
            if manifest is not None:
                entry = expected.pop(relative, None)
                if entry is None:
                    raise Invalid(f"{path}: not in manifest.json")
                if entry["cells"] != result["cells"] or entry["bytes"] != result["bytes"]:
                    raise Invalid(f"{path}: manifest.json says {entry['cells']} cells, {entry['bytes']} bytes")
            # A preliminary file and its final twin: the same cells; count the revisions.
            name = relative.split("/")[-1]
            twin = shapes.get(name)
            if twin is not None:
                if twin[0] != result["shape"]:
                    raise Invalid(f"{path}: not the same cells as its other version")
                other = twin[1]
                prelim, final = (other, result["values"]) if relative.startswith("final/") else (result["values"], other)
                for a, b in zip(prelim, final):
                    if a != b:
                        if a is None:
                            filled += 1
                        else:
                            changed += 1
                compared += len(final)
                del shapes[name]
            else:
                shapes[name] = (result["shape"], result["values"])
            cells += result["cells"]
            nulls += result["nulls"]
            size += result["bytes"]
        except (Invalid, ValueError, KeyError, TypeError) as error:
            errors += 1
            print(f"INVALID {error}", file=sys.stderr)
    if expected:
        errors += len(expected)
        for missing in expected:
            print(f"INVALID {missing}: in manifest.json but not on disk", file=sys.stderr)
    if manifest is not None and errors == 0 and manifest["total_cells"] != cells:
        errors += 1
        print(f"INVALID manifest.json: total_cells {manifest['total_cells']}, the files hold {cells}", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"checked {len(paths)} files in {directory}: {cells} cells, {nulls} null ({nulls / max(1, cells):.2%}), "
          f"{size} bytes, {len(regions_seen or [])} regions, {seconds:.1f} s")
    if compared:
        print(f"  final against preliminary: {changed} values revised ({changed / compared:.2%}), "
              f"{filled} nulls filled ({filled / compared:.2%}) of {compared} cells")
    print("OK" if errors == 0 else f"{errors} file(s) INVALID")
    return 0 if errors == 0 else 1


def main(argv: list[str] | None = None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(
        description="Write a SYNTHETIC national KOSTRA dataset as JSON-stat2 files (PxWebApi v2's layout), or check one.")
    parser.add_argument("--seed", type=int, default=13, help="the random seed (default 13)")
    parser.add_argument("--figures", type=int, default=DEFAULT_FIGURES, help="about how many cells per version (default 10 000 000)")
    parser.add_argument("--version", choices=["preliminary", "final", "both"], default="both",
                        help="which publication(s) to write, each in its own subdirectory (default both)")
    parser.add_argument("--max-cells", type=int, default=DEFAULT_MAX_CELLS, help="at most this many cells per file (default 800 000)")
    parser.add_argument("--out", default=os.path.join(here, "data"), help="the output directory (default Benchmarks/national/data)")
    parser.add_argument("--check", metavar="DIR", help="check the JSON-stat2 files under DIR instead of generating")
    parser.add_argument("--verbose", action="store_true", help="a line per table while generating")
    args = parser.parse_args(argv)
    if args.figures < 1:
        parser.error("--figures must be at least 1")
    if args.max_cells < 1:
        parser.error("--max-cells must be at least 1")
    if args.check:
        return check(args.check, args.max_cells)
    return generate(args)


if __name__ == "__main__":
    sys.exit(main())
