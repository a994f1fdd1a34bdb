"""Operating kostra-server as a process (issue 9): --version, --print-config,
wrong settings, the metrics port with /healthz and /readyz, JSON logs, and
the deploy/ files: the systemd units through `systemd-analyze verify`, the
HAProxy configuration through `haproxy -c`, and HAProxy for real in front of
two replicas on loopback.

No timing is asserted: where the test waits for a server or for HAProxy to
see one, it waits for the state, bounded, and asserts the state."""

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import kostra_wire as kw

REPO = kw.REPO_ROOT
GRUPPESTORRELSE_2 = "grunnskole.gruppestorrelse_2"


def run_server(*args, env=None):
    return subprocess.run(
        [str(kw.server_binary()), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def http_get(port, path):
    """(status, body) of GET http://127.0.0.1:port/path."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def wait_until(predicate, what, attempts=600, pause=0.05):
    for _ in range(attempts):
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(pause)
    raise AssertionError(f"never happened: {what}")


def scrape(port):
    status, body = http_get(port, "/metrics")
    assert status == 200
    samples = {}
    for line in body.splitlines():
        if line and not line.startswith("#"):
            key, value = line.rsplit(" ", 1)
            samples[key] = float(value)
    return samples


def test_version_names_the_commit_built_from():
    r = run_server("--version")
    assert r.returncode == 0, r.stderr
    m = re.fullmatch(r"kostra-server \d+\.\d+\.\d+ \(commit ([0-9a-f]{40}|unknown)\)", r.stdout.strip())
    assert m, r.stdout
    head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode == 0 and os.environ.get("KOSTRA_SERVER_BIN", "").startswith(str(REPO)):
        assert m.group(1) == head.stdout.strip()


def test_print_config_masks_the_token_and_names_every_source(tmp_path):
    config = tmp_path / "kostra.conf"
    config.write_text('host = "0.0.0.0"\nslow-request-ms = 250\n')
    r = run_server(
        "--print-config", "--port", "9100", "--config", str(config),
        env={"KOSTRA_TOKEN": "hunter2-secret", "KOSTRA_LOG_FORMAT": "json", "KOSTRA_PORT": "9200"},
    )
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "hunter2" not in out
    lines = out.splitlines()

    def line(key):
        return next(l for l in lines if l.startswith(f"{key} = ") or l.startswith(f"# {key} = "))

    assert line("token").startswith('token = "********"') and line("token").endswith("# from KOSTRA_TOKEN")
    assert line("port").startswith("port = 9100") and line("port").endswith("# from --port")
    assert line("log-format").endswith("# from KOSTRA_LOG_FORMAT")
    assert line("host").startswith('host = "0.0.0.0"') and line("host").endswith(f"# from {config}:1")
    assert line("slow-request-ms").endswith(f"# from {config}:2")
    assert line("max-in-flight").startswith("max-in-flight = 1024") and line("max-in-flight").endswith("# from default")


@pytest.mark.parametrize(
    "args,env,setting",
    [
        (["--port", "http"], {}, "port"),
        ([], {"KOSTRA_LOG_FORMAT": "xml"}, "log-format"),
        ([], {"KOSTRA_CONFIG": "/nonexistent/kostra.conf"}, "config"),
        (["--tls-cert", "/c.pem"], {}, "tls-key"),
        (["--require-token-for-reads"], {}, "require-token-for-reads"),
    ],
)
def test_a_wrong_setting_stops_the_start_with_exit_64_and_one_line(args, env, setting):
    env = {"KOSTRA_TOKEN": "", **env}
    # Were the setting accepted, --port 0 keeps the server off the default port.
    extra = [] if "--port" in args else ["--port", "0"]
    r = run_server(*args, *extra, env=env)
    assert r.returncode == 64, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"kostra-server: invalid setting {setting}"), lines[0]


def test_metrics_health_and_json_logs_of_a_live_server(schema):
    metrics_port = kw.free_port()
    with kw.running_server(
        extra_args=["--metrics-port", str(metrics_port), "--log-format", "json", "--log-level", "debug", "--slow-request-ms", "0"]
    ) as srv:
        wait_until(lambda: http_get(metrics_port, "/readyz")[0] == 200, "/readyz 200")
        assert http_get(metrics_port, "/healthz") == (200, "ok\n")
        with srv.client(schema=schema) as c:
            req = schema.GetSeriesRequest(indicator_id=GRUPPESTORRELSE_2, regions=["Bærum"])
            for _ in range(4):
                assert c.call("GetSeries", req).ok
            assert c.call("Check", schema.HealthCheckRequest()).ok
            samples = scrape(metrics_port)
        series = 'method="/kostra.v1.Kostra/GetSeries",code="OK",transport="native"'
        assert samples[f"kostra_requests_total{{{series}}}"] == 4
        assert samples['kostra_requests_total{method="/kostra.v1.Kostra/Check",code="OK",transport="native"}'] == 1
        assert samples['kostra_data_info{version="built-in"}'] == 1
        assert any(k.startswith("kostra_build_info{") for k in samples)
        assert kw.stop_server(srv) == 0
        log = srv.stderr()
    records = [json.loads(l) for l in log.splitlines() if l.strip()]
    assert records, "no log lines"
    assert all({"timestamp", "level", "label", "message"} <= r.keys() for r in records)
    answered = [r for r in records if r["message"] == "request answered"]
    # At debug every request answered is logged, with its peer, on the event
    # loop as in a task.
    assert any(r.get("method") == "/kostra.v1.Kostra/Check" for r in answered)
    first = next(r for r in answered if r.get("method") == "/kostra.v1.Kostra/GetSeries")
    assert first["status"] == "OK" and "duration_ms" in first and "request_id" in first and "peer" in first


def test_no_log_line_per_request_at_the_default_level(schema):
    with kw.running_server() as srv:
        with srv.client(schema=schema) as c:
            for _ in range(20):
                assert c.call("Check", schema.HealthCheckRequest()).ok
        assert kw.stop_server(srv) == 0
        log = srv.stderr()
    assert len(log.splitlines()) < 12, log


# --- deploy/ ---------------------------------------------------------------


def _analyze_root(tmp_path):
    """A root for systemd-analyze: the system's units and the real binary at
    the path the units name."""
    root = tmp_path / "root"
    (root / "usr/local/bin").mkdir(parents=True)
    (root / "usr/lib/systemd").mkdir(parents=True)
    (root / "etc/systemd/system").mkdir(parents=True)
    for units in ("/usr/lib/systemd/system", "/lib/systemd/system"):
        if Path(units).is_dir():
            shutil.copytree(units, root / "usr/lib/systemd/system", symlinks=True, dirs_exist_ok=True)
            break
    shutil.copy2(kw.server_binary(), root / "usr/local/bin/kostra-server")
    return root


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed (scripts/setup.sh installs it)")
@pytest.mark.parametrize("unit,installed_as", [
    ("kostra-server.service", "kostra-server.service"),
    ("kostra-server@.service", "kostra-server@1.service"),
])
def test_systemd_units_verify_cleanly(tmp_path, unit, installed_as):
    root = _analyze_root(tmp_path)
    target = root / "etc/systemd/system" / installed_as
    shutil.copy2(REPO / "deploy" / unit, target)
    r = subprocess.run(["systemd-analyze", "verify", f"--root={root}", str(target)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    # Unknown keys are only warned about: fail on any output too.
    assert r.stdout.strip() == "" and r.stderr.strip() == "", r.stdout + r.stderr


def test_systemd_unit_waits_longer_than_the_drain():
    text = (REPO / "deploy/kostra-server.service").read_text()
    stop = int(re.search(r"^TimeoutStopSec=(\d+)s$", text, re.M).group(1))
    delay = int(re.search(r"^Environment=KOSTRA_SHUTDOWN_DELAY=(\d+)$", text, re.M).group(1))
    assert stop >= delay + 30 + 2  # shutdown delay + --drain-timeout default + the 2 s linger (PROTOCOL.md section 7)
    assert re.search(r"^KillSignal=SIGTERM$", text, re.M)
    assert re.search(r"^EnvironmentFile=-/etc/kostra/kostra.env$", text, re.M)
    assert re.search(r"^DynamicUser=yes$", text, re.M)
    assert re.search(r"^Restart=on-failure$", text, re.M)


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy not installed (scripts/setup.sh installs it)")
def test_haproxy_configuration_is_valid():
    r = subprocess.run(["haproxy", "-c", "-f", str(REPO / "deploy/haproxy.cfg")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_haproxy_check_frame_is_a_check_request(schema):
    text = (REPO / "deploy/haproxy.cfg").read_text()
    sent = bytes.fromhex(re.search(r"tcp-check send-binary ([0-9a-f]+)", text).group(1))
    env = schema.RequestEnvelope(id=1, method=kw.method_path("Check"), protocol_version=1)
    assert sent == kw.encode_frame(env.SerializeToString())


def test_haproxy_check_frame_against_a_live_server():
    """The expect pattern of the protocol check matches a real SERVING answer
    (HAProxy matches rbinary against the answer in hex)."""
    text = (REPO / "deploy/haproxy.cfg").read_text()
    sent = bytes.fromhex(re.search(r"tcp-check send-binary ([0-9a-f]+)", text).group(1))
    pattern = re.search(r"tcp-check expect rbinary (\S+)", text).group(1)
    with kw.running_server() as srv:
        with socket.create_connection((srv.host, srv.port), timeout=10) as s:
            s.sendall(sent)
            answer = kw.FrameReader(s).read_frame_raw()
    # HAProxy matches rbinary against the answer in upper-case hex.
    assert re.search(pattern, answer.hex().upper()), answer.hex()


@pytest.mark.skipif(shutil.which("haproxy") is None, reason="haproxy not installed (scripts/setup.sh installs it)")
def test_haproxy_in_front_of_two_replicas_routes_around_a_draining_one(schema, tmp_path):
    """deploy/haproxy.cfg with its addresses put on free loopback ports: both
    replicas are checked up through /readyz; requests through HAProxy are
    answered; a replica that drains goes down in HAProxy's eyes while
    requests through HAProxy go on being answered by the other."""
    ports = [kw.free_port() for _ in range(2)]
    metrics = [kw.free_port() for _ in range(2)]
    front = kw.free_port()
    stats = tmp_path / "haproxy.sock"
    config = (REPO / "deploy/haproxy.cfg").read_text()
    config = config.replace("bind 127.0.0.1:7878", f"bind 127.0.0.1:{front}")
    config = config.replace("    maxconn 60000", f"    maxconn 1000\n    stats socket {stats} level admin")
    config = re.sub(r"\n    server kostra3 [^\n]*", "", config)
    for i in range(2):
        config = config.replace(f"127.0.0.1:780{i + 1} port 940{i + 1}", f"127.0.0.1:{ports[i]} port {metrics[i]}")
        config = config.replace(f"127.0.0.1:780{i + 1}\n", f"127.0.0.1:{ports[i]}\n")
    cfg = tmp_path / "haproxy.cfg"
    cfg.write_text(config)

    def server_states():
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(str(stats))
            s.sendall(b"show servers state\n")
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        states = {}
        for line in data.decode().splitlines():
            parts = line.split()
            if len(parts) > 5 and parts[1].startswith("kostra_replicas"):
                # be_name/srv_name: srv_op_state (0 down, 2 running)
                states[f"{parts[1]}/{parts[3]}"] = int(parts[5])
        return states

    procs = []
    try:
        for i in range(2):
            procs.append(subprocess.Popen(
                [str(kw.server_binary()), "--port", str(ports[i]), "--metrics-port", str(metrics[i]),
                 "--shutdown-delay", "6"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            ))
        for i in range(2):
            wait_until(lambda i=i: http_get(metrics[i], "/readyz")[0] == 200, f"replica {i} ready")
        haproxy = subprocess.Popen(["haproxy", "-f", str(cfg)], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            # Both kinds of check: /readyz, and a Check frame over the protocol.
            all_up = {f"{b}/kostra{i}": 2 for b in ("kostra_replicas", "kostra_replicas_protocol_check") for i in (1, 2)}
            wait_until(lambda: server_states() == all_up, "both replicas up in HAProxy, by both checks")
            for _ in range(4):
                with kw.Client("127.0.0.1", front, schema=schema) as c:
                    assert c.call("Check", schema.HealthCheckRequest()).ok
            # Replica 1 is stopped: for its shutdown delay it says 503 on /readyz
            # and NOT_SERVING, still serving its connections, until HAProxy's
            # checks take it out; then it drains and exits 0.
            with kw.Client("127.0.0.1", ports[0], schema=schema) as held:
                procs[0].send_signal(15)
                wait_until(lambda: http_get(metrics[0], "/readyz")[0] == 503, "replica 1 /readyz 503", attempts=100)
                health = held.call("Check", schema.HealthCheckRequest())
                assert health.ok
                assert health.message.status == 2  # SERVING_STATUS_NOT_SERVING
            wait_until(
                lambda: server_states().get("kostra_replicas/kostra1") == 0
                and server_states().get("kostra_replicas_protocol_check/kostra1") == 0,
                "replica 1 down in HAProxy, by both checks",
                attempts=400,
            )
            assert server_states().get("kostra_replicas/kostra2") == 2
            for _ in range(4):
                with kw.Client("127.0.0.1", front, schema=schema) as c:
                    assert c.call("Check", schema.HealthCheckRequest()).ok
            assert procs[0].wait(timeout=40) == 0
        finally:
            haproxy.terminate()
            haproxy.wait(timeout=10)
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
            p.wait(timeout=40)


# --- a data directory, reloaded while serving ------------------------------


FIXTURES = REPO / "Tests" / "KostraDataTests" / "Fixtures"


def client_binary():
    """$KOSTRA_CLIENT_BIN, else kostra-client beside the server binary."""
    env = os.environ.get("KOSTRA_CLIENT_BIN")
    return Path(env) if env else kw.server_binary().parent / "kostra-client"


def run_import(data, status, *files):
    r = run_server("import", "--data", str(data), "--status", status, *[str(FIXTURES / f) for f in files])
    assert r.returncode == 0, r.stderr
    return r


def test_data_directory_served_and_reloaded_by_the_running_process(schema, tmp_path):
    """The binary with --data serves the directory's newest version and takes
    up a newer one on Reload (with the token), the metric naming the version
    served; without the token Reload is refused and nothing changes."""
    data = tmp_path / "data"
    token = tmp_path / "token"
    token.write_text("s3cret-token\n")
    run_import(data, "final", "12255-2022-2024-final.json")
    metrics_port = kw.free_port()
    with kw.running_server(
        extra_args=["--data", str(data), "--token-file", str(token), "--metrics-port", str(metrics_port)]
    ) as srv:
        with srv.client(schema=schema) as c:
            first = c.call("Check", schema.HealthCheckRequest())
            assert first.ok
            v1 = first.message.data_version
            assert v1.startswith("v1 ") and v1.endswith(" final"), v1
            assert first.message.years[-1] == 2024
            wait_until(lambda: http_get(metrics_port, "/readyz")[0] == 200, "/readyz 200")
            assert scrape(metrics_port)[f'kostra_data_info{{version="{v1}"}}'] == 1

            # The March import lands; the server goes on serving v1 until told.
            run_import(data, "preliminary", "12255-2025-preliminary.csv")
            assert c.call("Check", schema.HealthCheckRequest()).message.data_version == v1
            refused = c.call("Reload", schema.ReloadRequest())
            assert refused.code == 16, refused  # UNAUTHENTICATED
            assert c.call("Check", schema.HealthCheckRequest()).message.data_version == v1

            # The operator's command, with the token from the environment.
            r = subprocess.run(
                [str(client_binary()), "reload", "--port", str(srv.port), "--format", "json"],
                capture_output=True, text=True, timeout=60,
                env={**os.environ, "KOSTRA_TOKEN": "s3cret-token"},
            )
            assert r.returncode == 0, r.stderr
            reloaded = json.loads(r.stdout)
            v2 = reloaded["data_version"]
            assert v2.startswith("v2 ") and v2.endswith(" preliminary"), v2
            assert reloaded["previous_data_version"] == v1
            assert reloaded["years"][-1] == 2025
            after = c.call("Check", schema.HealthCheckRequest()).message
            assert after.data_version == v2
            # Again, on the wire: nothing newer, so the same version, and it says so.
            again = c.call("Reload", schema.ReloadRequest(), metadata=[("authorization", "Bearer s3cret-token")])
            assert again.ok, again
            assert again.message.data_version == v2 and again.message.previous_data_version == v2
            samples = scrape(metrics_port)
            assert samples[f'kostra_data_info{{version="{v2}"}}'] == 1
            assert samples[f'kostra_data_info{{version="{v1}"}}'] == 0
        assert kw.stop_server(srv) == 0


def test_data_setting_from_the_environment_and_a_directory_that_is_not_a_store(tmp_path):
    r = run_server("--print-config", env={"KOSTRA_DATA": str(tmp_path)})
    assert r.returncode == 0, r.stderr
    assert re.search(r'^data = "' + re.escape(str(tmp_path)) + r'"\s+# from KOSTRA_DATA', r.stdout, re.M), r.stdout
    missing = tmp_path / "no-such-dir"
    r = run_server("--data", str(missing), "--port", "0")
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "data" in r.stderr and str(missing) in r.stderr, r.stderr
