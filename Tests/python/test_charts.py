"""The client's SVG charts, rendered as a person would see them.

kostra-client writes the service profile and a series as SVG files
(`--svg DIR`); rsvg-convert (Debian's librsvg2-bin, installed by
scripts/setup.sh) renders them to PNG, and these tests look at the pixels:
the bar of an indicator above the ASSS average lies right of the 100 line,
one below lies left of it, colour where the SVG puts a bar and background
where it does not. The geometry to look at is read from the SVG itself
(class="bar", class="reference"), so the test checks the rendering against
the document, and the document against the chapter's figures."""

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import kostra_wire
from png_pixels import read_png

SVG = "{http://www.w3.org/2000/svg}"
BLUE = (0x1F, 0x5F, 0xA8)  # bars above the reference, the first line
ORANGE = (0xE0, 0x7B, 0x00)  # bars below the reference, the second line
WHITE = (255, 255, 255)

pytestmark = pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert missing: run scripts/setup.sh")


def client_binary() -> Path:
    """$KOSTRA_CLIENT_BIN, else kostra-client beside the server binary."""
    env = os.environ.get("KOSTRA_CLIENT_BIN")
    return Path(env) if env else kostra_wire.server_binary().parent / "kostra-client"


def near(actual, expected, tolerance=40):
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected))


def run_client(server, *args):
    binary = client_binary()
    if not binary.exists():
        pytest.skip(f"{binary} not built: swift build --product kostra-client")
    return subprocess.run(
        [str(binary), "--host", server.host, "--port", str(server.port), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )


def render(svg: Path) -> Path:
    png = svg.with_suffix(".png")
    subprocess.run(["rsvg-convert", "--format=png", "--output", str(png), str(svg)], check=True, timeout=60)
    return png


def test_profile_bars_around_100(server, tmp_path):
    result = run_client(server, "profile", "--region", "Bærum", "--year", "2024", "--svg", str(tmp_path))
    assert result.returncode == 0, result.stderr
    svg = tmp_path / "profil-3201-2024-nb.svg"
    assert svg.exists(), result.stderr
    # The one line on stderr says where the file went.
    assert f"wrote {svg}" in result.stderr
    root = ET.parse(svg).getroot()
    title = root.find(f"{SVG}title").text
    assert "Tjenesteprofil for Bærum 2024" in title and "ASSS med Oslo = 100" in title
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert any(t and t.startswith("Kilde:") for t in texts), "no source under the chart"
    assert any(t and t.startswith("indeks") for t in texts), "no unit on the axis"

    reference = root.find(f"{SVG}line[@class='reference']")
    ref_x = float(reference.get("x1"))
    bars = {rect.get("data-label"): rect for rect in root.iter(f"{SVG}rect") if rect.get("class") == "bar"}
    # Gruppestørrelse 2: 100 × 16,9 / 16,4 = 103,0, above the ASSS average.
    above = bars["Gruppestørrelse 2 - lærernorm"]
    assert float(above.get("data-value")) == pytest.approx(103.0, abs=0.05)
    # Korrigerte brutto driftsutgifter per elev: 100 × 111 234 / 126 171 = 88,2, below.
    below = bars["Korrigerte brutto driftsutgifter til grunnskole (202), per elev"]
    assert float(below.get("data-value")) == pytest.approx(88.2, abs=0.05)

    image = read_png(render(svg))
    assert (image.width, image.height) == (int(root.get("width")), int(root.get("height")))
    assert image.pixel(2, 2) == WHITE and image.pixel(image.width - 3, image.height - 3) == WHITE

    def middle(rect):
        return float(rect.get("y")) + float(rect.get("height")) / 2

    y = middle(above)
    right_end = float(above.get("x")) + float(above.get("width"))
    assert float(above.get("x")) == pytest.approx(ref_x, abs=0.5)  # starts at the 100 line
    assert near(image.pixel(ref_x + 4, y), BLUE), "bar above 100 does not start right of the line"
    assert near(image.pixel(right_end - 3, y), BLUE)
    assert image.pixel(right_end + 4, y) == WHITE, "bar above 100 runs past its value"
    assert image.pixel(ref_x - 4, y) == WHITE, "bar above 100 reaches left of the line"

    y = middle(below)
    left_end = float(below.get("x"))
    assert left_end < ref_x - 100  # 88,2 is far left of 100
    assert near(image.pixel(ref_x - 4, y), ORANGE), "bar below 100 does not end at the line"
    assert near(image.pixel(left_end + 3, y), ORANGE)
    assert image.pixel(left_end - 4, y) == WHITE
    assert image.pixel(ref_x + 4, y) == WHITE, "bar below 100 reaches right of the line"

    # The 100 line itself is dark between two bars, and the title is drawn.
    gap = float(above.get("y")) - 3
    assert max(image.pixel(ref_x, gap)) < 90
    assert any(max(image.pixel(x, 24)) < 100 for x in range(20, 200)), "no title text"


def test_series_lines(server, tmp_path):
    result = run_client(
        server, "series", "--indicator", "grunnskole.gruppestorrelse_1",
        "--region", "Bærum", "--region", "ASSS", "--svg", str(tmp_path), "--lang", "en",
    )
    assert result.returncode == 0, result.stderr
    svg = tmp_path / "grunnskole.gruppestorrelse_1-2021-2024-en.svg"
    root = ET.parse(svg).getroot()
    points = [c for c in root.iter(f"{SVG}circle") if c.get("class") == "point"]
    assert len(points) == 8  # two regions × four years
    baerum = {int(p.get("data-year")): p for p in points if p.get("data-name") == "Bærum"}
    asss = {int(p.get("data-year")): p for p in points if p.get("data-name") != "Bærum"}
    # Gruppestørrelse 1, 2021: Bærum 14,4 above ASSS 13,7, so higher on the page.
    assert float(baerum[2021].get("data-value")) == 14.4
    assert float(baerum[2021].get("cy")) < float(asss[2021].get("cy"))
    image = read_png(render(svg))
    for point, colour in ((baerum[2024], BLUE), (asss[2024], ORANGE)):
        assert near(image.pixel(float(point.get("cx")), float(point.get("cy"))), colour)
    # Between the two lines in 2021 lies background.
    mid = (float(baerum[2021].get("cy")) + float(asss[2021].get("cy"))) / 2
    assert image.pixel(float(baerum[2021].get("cx")), mid) == WHITE


def test_series_without_figures_draws_no_line(server, tmp_path):
    # The chapter's table of assistants has no ASSS row: ASSS gets no point,
    # and the chart says so under it.
    result = run_client(
        server, "series", "--indicator", "grunnskole.assistentarsverk_per_100_laererarsverk",
        "--region", "Bærum", "--region", "ASSS", "--svg", str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    root = ET.parse(tmp_path / "grunnskole.assistentarsverk_per_100_laererarsverk-2021-2024-nb.svg").getroot()
    names = {c.get("data-name") for c in root.iter(f"{SVG}circle") if c.get("class") == "point"}
    assert names == {"Bærum"}
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert any(t.startswith("Uten tall: ASSS med Oslo 2021, 2022, 2023, 2024") for t in texts)


def test_unknown_region_is_one_line_and_exit_2(server, tmp_path):
    # Norwegian by default (--lang nb), English with --lang en; the code name stays.
    for lang, suggestion in [("nb", "mente du"), ("en", "did you mean")]:
        result = run_client(server, "report", "--region", "Baerun", "--year", "2024", "--lang", lang)
        assert result.returncode == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("kostra-client: NOT_FOUND:")
        assert suggestion in lines[0] and "Bærum" in lines[0], lines[0]
        assert result.stdout == ""


def test_usage_error_is_one_line_and_exit_64(server):
    result = run_client(server, "report", "--regoin", "Bærum", "--year", "2024")
    assert result.returncode == 64
    assert len(result.stderr.splitlines()) == 1
    assert "--region" in result.stderr


def test_host_and_port_from_the_environment(server):
    binary = client_binary()
    if not binary.exists():
        pytest.skip("kostra-client not built")
    result = subprocess.run(
        [str(binary), "health"], capture_output=True, text=True, timeout=60,
        env={**os.environ, "KOSTRA_HOST": server.host, "KOSTRA_PORT": str(server.port)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("SERVING")
