"""A pasted text never ties up a server worker: gunicorn with ONE sync worker serves the dashboard on a
store built from the bundled snapshot; while a long text is being checked (the Check-a-text page's
background callback, driven here through Dash's callback protocol as the page's renderer does), another
reader's GET / and GET /health answer 200, and the check then completes with its review table.

Shown by order, never by time: the job process is still running, and its poll still pending, after
both answers came back."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import psutil
import pytest
from repo_paths import ROOT

POLLS = 1200  # the page's renderer asks once a second; a loaded machine checks 10 KB in under a minute


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url: str, body: dict | None = None) -> tuple[int, bytes]:
    """(status, body) of a GET, or of a POST of `body` as JSON."""
    request = urllib.request.Request(url) if body is None else urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def long_text(limit: int) -> str:
    """The bundled articles' prose repeated to `limit` bytes (as tests/e2e/test_browser_spot.py builds one)."""
    from indicators import articles

    texts = [a.text.split("---", 2)[-1] if a.text.startswith("---") else a.text for a in articles.load_articles()]
    text, i = "", 0
    while len(text.encode()) < limit:
        text += texts[i % len(texts)] + "\n\n"
        i += 1
    return text.encode()[:limit].decode(errors="ignore")


def check_request(dependencies: list[dict], text: str) -> dict:
    """The body the page sends when "Find the figures" is clicked with `text` pasted."""
    dep = next(d for d in dependencies if "check-drafted.data" in d["output"])
    outputs = [o.split("@")[0] for o in dep["output"].strip(".").split("...")]
    return {"output": dep["output"], "changedPropIds": ["check-run.n_clicks"],
            "inputs": [{"id": "check-run", "property": "n_clicks", "value": 1}],
            "state": [dict(s, value=v) for s, v in zip(dep["state"], [text, None, ""])],
            "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1))) for o in outputs]}


@pytest.fixture
def one_worker(snapshot_template, tmp_path):
    """gunicorn, one sync worker, on a copy of the snapshot store: yields (base URL, the worker's process)."""
    shutil.copyfile(snapshot_template, tmp_path / "store.db")
    env = {k: v for k, v in os.environ.items() if not k.startswith("INDICATORS_")}
    env.update(INDICATORS_DB=f"sqlite:///{tmp_path / 'store.db'}", INDICATORS_JOBS_DIR=str(tmp_path / "jobs"),
               PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT)]))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--no-control-socket", "-w", "1", "-b",
                               f"127.0.0.1:{port}", "dashboard.wsgi:server"],
                              env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):  # until the worker answers (it imports dash, pandas, SQLAlchemy first)
            assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
            try:
                if call(base + "/health")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            raise AssertionError("gunicorn did not answer /health")
        workers = psutil.Process(server.pid).children()
        assert len(workers) == 1, workers
        yield base, workers[0]
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    text = (tmp_path / "gunicorn.log").read_text()
    assert "Traceback" not in text, text


@pytest.mark.subprocess
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_one_sync_worker_answers_other_readers_while_a_long_text_is_checked(one_worker):
    base, worker = one_worker
    status, dependencies = call(base + "/_dash-dependencies")
    assert status == 200
    body = check_request(json.loads(dependencies), long_text(10_000))
    assert call(base + "/")[0] == 200  # the shell and the store warm, as for any reader before this one

    status, started = call(base + "/_dash-update-component", body)
    assert status == 200, started[:300]
    handles = json.loads(started)
    assert set(handles) >= {"cacheKey", "job"} and "response" not in handles  # answered at once: a job runs
    job = psutil.Process(int(handles["job"].split("~")[0]))
    assert job.pid != worker.pid and worker in job.parents()  # a process the worker started: not the worker

    page, page_body = call(base + "/")
    health, health_body = call(base + "/health")
    assert page == 200 and b"_dash-config" in page_body
    assert health == 200 and json.loads(health_body)["status"] == "ok"
    poll = f"{base}/_dash-update-component?cacheKey={handles['cacheKey']}&job={handles['job']}"
    status, pending = call(poll, body)
    assert status == 200 and "response" not in json.loads(pending), "the check finished before the other readers' answers"
    assert job.is_running() and job.status() != psutil.STATUS_ZOMBIE

    for _ in range(POLLS):
        status, answer = call(poll, body)
        assert status == 200, answer[:300]
        if "response" in json.loads(answer):
            break
        time.sleep(0.5)
    else:
        raise AssertionError("the check never completed")
    response = json.loads(answer)["response"]
    shown = json.dumps(response["check-results"]["children"])
    assert '"check-table"' in shown and '"candidate"' in shown
    assert response["check-message"]["children"]["props"]["id"] == "check-count"
