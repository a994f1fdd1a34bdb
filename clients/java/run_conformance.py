#!/usr/bin/env python3
"""Builds the Java client (javac, into clients/java/build) and runs it
against the conformance vectors of Tests/conformance on a live kostra-server
($KOSTRA_SERVER_BIN, else .build/debug/kostra-server, started on a free
port and stopped with SIGTERM). Exits with the Java run's status; its last
line is "conformance: N passed, N failed".

    python3 clients/java/run_conformance.py

The classpath is Debian's: /usr/share/java/protobuf.jar, protobuf-util.jar
and gson.jar (apt: libprotobuf-java, libgoogle-gson-java; scripts/setup.sh
installs them).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "Tests" / "python"))

import kostra_wire  # noqa: E402

JARS = ["/usr/share/java/protobuf.jar", "/usr/share/java/protobuf-util.jar", "/usr/share/java/gson.jar"]


def build() -> Path:
    out = HERE / "build"
    shutil.rmtree(out, ignore_errors=True)
    sources = sorted(str(p) for p in (HERE / "src").rglob("*.java"))
    subprocess.run(["javac", "-Xlint:all", "-Werror", "-cp", ":".join(JARS), "-d", str(out), *sources], check=True)
    return out


def main() -> int:
    for jar in JARS:
        if not Path(jar).exists():
            print(f"{jar} is missing: run scripts/setup.sh", file=sys.stderr)
            return 2
    classes = build()
    with kostra_wire.running_server() as server:
        run = subprocess.run(
            ["java", "-cp", ":".join([str(classes), *JARS]), "kostra.Conformance",
             str(REPO / "Tests" / "conformance"), server.host, str(server.port)],
        )
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
