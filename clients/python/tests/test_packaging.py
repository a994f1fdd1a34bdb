"""The package installs with pip from the repository: a wheel built from
clients/python (offline, with the setuptools already installed) holds the
client, the generated messages and their type stubs, and imports from where
pip put it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_pip_builds_and_installs_the_package(tmp_path: Path):
    # A copy, so that the build's by-products (build/, *.egg-info) stay out of the tree.
    source = tmp_path / "source"
    shutil.copytree(REPO / "clients" / "python", source, ignore=shutil.ignore_patterns(
        "tests", "build", "*.egg-info", "__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-index", "--disable-pip-version-check", "--no-deps",
         "--no-build-isolation", "-w", str(wheels), str(source)],
        check=True, cwd=tmp_path,
    )
    (wheel,) = wheels.glob("kostra-0.1.0-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("kostra/__init__.py", "kostra/aio.py", "kostra/sync.py", "kostra/errors.py", "kostra/py.typed",
                 "kostra/v1/series_pb2.py", "kostra/v1/series_pb2.pyi", "kostra/v1/kostra_pb2.py"):
        assert name in names, name
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-index", "--disable-pip-version-check", "--no-deps",
         "--target", str(target), str(wheel)],
        check=True, cwd=tmp_path,
    )
    out = subprocess.run(
        [sys.executable, "-c", "import kostra; print(kostra.__file__); print(len(kostra.METHODS))"],
        check=True, capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(target)},
    ).stdout.split()
    assert Path(out[0]).is_relative_to(target) and out[1] == "15"
