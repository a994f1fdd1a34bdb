"""The data directory's store (docs/data.md, "The data directory"), through the
real binary: the import as users spell it, the store opened by an analyst's own
tools (Python's sqlite3, the sqlite3 shell), an import killed mid-way, and a
store file that is damaged or foreign, at start and on Reload."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kostra_wire as kw

REPO = kw.REPO_ROOT
FIXTURES = REPO / "Tests" / "KostraDataTests" / "Fixtures"
GENERATOR = REPO / "Benchmarks" / "national" / "generate.py"
GROUP_SIZE_2 = "grunnskole.gruppestorrelse_2"


def server(*args, timeout=300):
    return subprocess.run([str(kw.server_binary()), *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout)


def read_only(path):
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def series_values(client, schema, indicator, region, years):
    answer = client.call("GetSeries", schema.GetSeriesRequest(indicator_id=indicator, regions=[region], from_year=years[0], to_year=years[1]))
    assert answer.ok, answer
    return [o.value if o.HasField("value") else None for o in answer.message.series[0].observations]


def test_import_as_spelled_and_the_store_in_an_analysts_tools(schema, tmp_path):
    data = tmp_path / "data"
    # Exactly as docs/data.md spells it: no --status. The file says neither
    # "foreløpige" nor "endelige", so its figures are as published.
    r = server("import", "--data", str(data), str(FIXTURES / "12255-2022-2024-final.json"))
    assert r.returncode == 0, r.stderr
    assert "imported v1 " in r.stdout and " as_published into " in r.stdout, r.stdout
    db = data / "kostra.sqlite"
    assert sorted(os.listdir(data)) == ["kostra.sqlite"]

    # Python's sqlite3, read-only: the view joins codes and names. The fixture
    # gives Bærum's 2023 gruppestørrelse 2 as 17.1 under its former number 3024.
    with read_only(db) as c:
        row = c.execute(
            "SELECT value, status, reported_code, missing FROM observation WHERE indicator = ? AND region = '3201' AND year = 2023",
            (GROUP_SIZE_2,),
        ).fetchone()
        assert row == (17.1, "as_published", "3024", None)
        # Oslo's share with its own device in 2024 is suppressed (":" in the file): no value, the reason named.
        row = c.execute("SELECT value, missing FROM observation WHERE indicator = 'ssb.kosandelpc0000' AND region = '0301' AND year = 2024").fetchone()
        assert row == (None, "suppressed")
        assert c.execute("SELECT number, status FROM version").fetchall() == [(1, "as_published")]

    # The sqlite3 shell, read-only.
    shell = subprocess.run(
        ["sqlite3", "-readonly", str(db), f"SELECT value FROM observation WHERE indicator = '{GROUP_SIZE_2}' AND region = '3201' AND year = 2024"],
        capture_output=True, text=True,
    )
    assert shell.returncode == 0 and shell.stdout.strip() == "16.9", (shell.stdout, shell.stderr)

    # And the server serves it: 2021 from the built-in chapter (17.4), 2022-2024 from the file.
    with kw.running_server(extra_args=["--data", str(data)]) as srv:
        with srv.client(schema=schema) as c:
            assert series_values(c, schema, GROUP_SIZE_2, "Bærum", (2021, 2024)) == [17.4, 17.3, 17.1, 16.9]


def test_import_refuses_a_bad_status_and_no_files(tmp_path):
    r = server("import", "--data", str(tmp_path / "d"), "--status", "maybe", str(FIXTURES / "12255-2025-final.csv"))
    assert r.returncode == 64 and "--status must be preliminary, final or as_published" in r.stderr, (r.returncode, r.stderr)
    r = server("import", "--data", str(tmp_path / "d"))
    assert r.returncode == 64 and "give at least one file" in r.stderr, (r.returncode, r.stderr)


def synthetic(tmp_path, figures):
    out = tmp_path / "national"
    r = subprocess.run([sys.executable, str(GENERATOR), "--figures", str(figures), "--out", str(out), "--version", "preliminary"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return sorted((out / "preliminary").glob("*.json"))


@pytest.mark.parametrize("after", [0.3, 1.0, 2.5])
def test_an_import_killed_mid_way_leaves_the_previous_version(schema, tmp_path, after):
    data = tmp_path / "data"
    assert server("import", "--data", str(data), "--status", "final", str(FIXTURES / "12255-2022-2024-final.json")).returncode == 0
    files = synthetic(tmp_path, 300_000)
    proc = subprocess.Popen([str(kw.server_binary()), "import", "--data", str(data), *map(str, files)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(after)
    if proc.poll() is not None:
        pytest.skip(f"the import finished within {after} s on this machine; nothing to kill")
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    # A server started on the directory as it was left serves version 1: SQLite
    # rolls back what the killed import wrote.
    with kw.running_server(extra_args=["--data", str(data)]) as srv:
        with srv.client(schema=schema) as c:
            check = c.call("Check", schema.HealthCheckRequest())
            assert check.message.data_version.startswith("v1 "), check
            assert series_values(c, schema, GROUP_SIZE_2, "3201", (2022, 2024)) == [17.3, 17.1, 16.9]
            unknown = c.call("GetSeries", schema.GetSeriesRequest(indicator_id="ssb.syn9000101", regions=["0301"]))
            assert unknown.code == 5, unknown  # NOT_FOUND: nothing of the killed import is served
    # (A journal file may remain: without a valid header it is not "hot", and the
    # next write removes it; the database itself is whole.)
    with read_only(data / "kostra.sqlite") as c:
        assert c.execute("SELECT max(number) FROM version").fetchone() == (1,)
        assert c.execute("SELECT count(*) FROM series WHERE version > 1").fetchone() == (0,)
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # The next import takes the number 2 and completes.
    r = server("import", "--data", str(data), *map(str, files))
    assert r.returncode == 0, r.stderr
    assert "imported v2 " in r.stdout and " preliminary into " in r.stdout, r.stdout


def test_recover_rolls_back_a_killed_import(tmp_path):
    data = tmp_path / "data"
    assert server("import", "--data", str(data), str(FIXTURES / "12255-2025-final.csv")).returncode == 0
    files = synthetic(tmp_path, 300_000)
    proc = subprocess.Popen([str(kw.server_binary()), "import", "--data", str(data), *map(str, files)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    if proc.poll() is not None:
        pytest.skip("the import finished before it could be killed")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    r = server("import", "--data", str(data), "--recover")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"{data}: serves v1 "), r.stdout
    with read_only(data / "kostra.sqlite") as c:
        assert c.execute("SELECT max(number) FROM version").fetchone() == (1,)


@pytest.mark.parametrize(
    "damage, says",
    [
        (lambda db: db.write_bytes(b"these are not the figures you are looking for\n" * 100), "not a database"),
        (lambda db: db.write_bytes(db.read_bytes()[:4096]), "malformed"),
        (lambda db: sqlite3.connect(db).execute("PRAGMA application_id = 42").connection.commit(), "not a kostra data store"),
    ],
    ids=["garbage", "truncated", "foreign-sqlite"],
)
def test_a_damaged_or_foreign_store_is_refused_at_start_and_on_reload(schema, tmp_path, damage, says):
    data = tmp_path / "data"
    token = tmp_path / "token"
    token.write_text("t0ken-for-tests\n")
    assert server("import", "--data", str(data), str(FIXTURES / "12255-2022-2024-final.json")).returncode == 0
    db = data / "kostra.sqlite"
    good = tmp_path / "good.sqlite"
    shutil.copy(db, good)

    # Reload: the server goes on serving the version it had.
    with kw.running_server(extra_args=["--data", str(data), "--token-file", str(token)]) as srv:
        with srv.client(schema=schema) as c:
            before = c.call("Check", schema.HealthCheckRequest()).message.data_version
            # A new file in its place (as a copy would be put there), the old one still open.
            replacement = tmp_path / "replacement.sqlite"
            shutil.copy(good, replacement)
            damage(replacement)
            os.replace(replacement, db)
            refused = c.call("Reload", schema.ReloadRequest(), metadata=[("authorization", "Bearer t0ken-for-tests")])
            assert refused.code == 9, refused  # FAILED_PRECONDITION
            assert str(db) in refused.status.message and says in refused.status.message, refused.status.message
            assert c.call("Check", schema.HealthCheckRequest()).message.data_version == before
            assert series_values(c, schema, GROUP_SIZE_2, "3201", (2022, 2024)) == [17.3, 17.1, 16.9]

    # At start: the process stops, naming the file and what is wrong.
    r = server("--data", str(data), "--port", str(kw.free_port()), timeout=60)
    assert r.returncode != 0
    assert str(db) in r.stderr and says in r.stderr, r.stderr


def test_groups_from_the_generator_rank_a_municipality_in_its_kostra_group_over_the_wire(schema, tmp_path):
    """The synthetic national data and its groups.json, imported exactly as a user would;
    a rank among a municipality's own KOSTRA group counts its members and those with a
    figure, both counted here again from the files themselves."""
    import json

    out = tmp_path / "national"
    r = subprocess.run([sys.executable, str(GENERATOR), "--figures", "50000", "--out", str(out), "--version", "final"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    files = sorted((out / "final").glob("*.json"))
    data = tmp_path / "data"
    r = server("import", "--data", str(data), "--groups", str(out / "groups.json"), *map(str, files))
    assert r.returncode == 0, r.stderr
    groups = json.loads((out / "groups.json").read_text())["groups"]
    # A municipality of the biggest KOSTRA group, and the first table's first content code.
    ekg = max((code for code in groups if code.startswith("EKG")), key=lambda code: len(groups[code]["members"]))
    members = groups[ekg]["members"]
    subject = members[-1]
    table = json.loads(files[0].read_text())
    content = next(iter(table["dimension"]["ContentsCode"]["category"]["index"]))
    assert len(table["id"]) == 3, "the first synthetic table has no further dimension"
    # Count by hand: the members with a 2024 value in the file (dense, region × content × year).
    regions = table["dimension"]["KOKkommuneregion0000"]["category"]["index"]
    years = table["dimension"]["Tid"]["category"]["index"]
    contents = table["dimension"]["ContentsCode"]["category"]["index"]
    size = table["size"]

    def value(region, year):
        r_at = regions[region] if isinstance(regions, dict) else regions.index(region)
        c_at = contents[content] if isinstance(contents, dict) else contents.index(content)
        y_at = years[year] if isinstance(years, dict) else years.index(year)
        return table["value"][(r_at * size[1] + c_at) * size[2] + y_at]

    with_value = [m for m in members if value(m, "2024") is not None]
    higher = sum(1 for m in with_value if value(m, "2024") > value(subject, "2024"))

    with kw.running_server(extra_args=["--data", str(data)]) as srv:
        with srv.client(schema=schema) as c:
            answer = c.call("Compare", schema.CompareRequest(region=subject, indicator_id=f"ssb.{content.lower()}", from_year=2024, to_year=2024,
                                                                rank_group="kostragruppe", **{"with": ["EAK"]}))
            assert answer.ok, answer
            assert answer.message.rank_group.code == ekg
            series = next(s for s in answer.message.indicators[0].series if s.region.code == subject)
            rank = series.years[0].rank
            assert rank.members == len(members)
            assert rank.ranked == len(with_value)
            assert rank.from_highest == higher + 1
