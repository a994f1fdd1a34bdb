"""TLS and the token (PROTOCOL.md sections 1 and 5) with the client,
against live servers started with --tls-cert/--tls-key and with
--token-file --require-token-for-reads."""

from __future__ import annotations

import ssl
import subprocess

import pytest

import kostra
import kostra_wire

TOKEN = "kostra-test-token-æøå"


@pytest.fixture(scope="module")
def token_server(tmp_path_factory):
    path = tmp_path_factory.mktemp("token") / "token"
    path.write_text(TOKEN + "\n", encoding="utf-8")
    with kostra_wire.running_server(extra_args=["--token-file", str(path), "--require-token-for-reads"]) as srv:
        yield srv


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "server.pem", d / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=kostra-test",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True,
    )
    return cert, key


@pytest.fixture(scope="module")
def tls_server(tls_files):
    cert, key = tls_files
    with kostra_wire.running_server(extra_args=["--tls-cert", str(cert), "--tls-key", str(key)]) as srv:
        yield srv


def test_reads_need_the_token(token_server):
    with kostra.Client(token_server.host, token_server.port) as c:
        assert c.check().status == 1  # Check is always open
        with pytest.raises(kostra.Unauthenticated) as info:
            c.get_series(indicator_id="grunnskole.gruppestorrelse_2", regions=["Bærum"])
        assert info.value.code == 16 and not info.value.local
        assert c.check().status == 1  # the connection is kept


def test_a_wrong_token_is_unauthenticated(token_server):
    with kostra.Client(token_server.host, token_server.port, token="not-it") as c:
        with pytest.raises(kostra.Unauthenticated):
            c.list_regions()


def test_the_token_is_sent_as_bearer(token_server):
    with kostra.Client(token_server.host, token_server.port, token=TOKEN) as c:
        answer = c.get_series(indicator_id="grunnskole.gruppestorrelse_2", regions=["Bærum"], from_year=2024, to_year=2024)
    assert answer.series[0].observations[0].value == 16.9  # Tabell «Gruppestørrelse 2 - lærernorm»


def test_tls_with_the_servers_certificate_trusted(tls_server, tls_files):
    context = ssl.create_default_context(cafile=str(tls_files[0]))
    with kostra.Client(tls_server.host, tls_server.port, ssl=context) as c:
        assert c.check().status == 1
        assert c.get_efficiency(region="Bærum", year=2024).published.value == 109.3


def test_tls_with_an_untrusted_certificate_is_unavailable(tls_server):
    with kostra.Client(tls_server.host, tls_server.port, ssl=ssl.create_default_context()) as c:
        with pytest.raises(kostra.Unavailable) as info:
            c.check()
    assert info.value.local and "certificate" in info.value.message.lower()


def test_plain_client_against_a_tls_server_fails_cleanly(tls_server):
    with kostra.Client(tls_server.host, tls_server.port, timeout=10) as c:
        with pytest.raises(kostra.KostraError) as info:
            c.check()
    assert info.value.local
