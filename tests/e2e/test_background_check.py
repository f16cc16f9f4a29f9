"""A pasted text never ties up a server worker: gunicorn with ONE sync worker serves the dashboard on a
store built from the bundled snapshot; while a long text is being checked (the Check-a-text page's
background callback, driven here through Dash's callback protocol as the page's renderer does), another
reader's GET / and GET /health answer 200, and the check then completes with its review table.
Shown by order, never by time: the job process is still running, and its poll still pending, after
both answers came back.

In process (the Flask test client; the jobs are processes all the same): a check whose job fails, or
whose process dies, ends with a message on the page and a logged error, never a silent hang; a
cancelled one ends quietly; one over the limit of running jobs is refused with a message."""

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
from texts import long_prose

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
    body = check_request(json.loads(dependencies), long_prose(10_000))
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
    assert status == 200 and "response" not in json.loads(pending), "the check ended before the others were answered"
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


# -- in process: how a job ends ------------------------------------------------------------------


def start(client, body: dict) -> dict:
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()


def outcome(client, body: dict, handles: dict):
    """Poll as the page does until the check ends: (status, the answer's JSON or None for 204)."""
    for _ in range(POLLS):
        response = client.post(f"/_dash-update-component?cacheKey={handles['cacheKey']}&job={handles['job']}",
                               json=body)
        if response.status_code != 200 or "response" in response.get_json():
            return response.status_code, response.get_json() if response.status_code == 200 else None
        time.sleep(0.2)
    raise AssertionError("the check never ended")


def app_client(snapshot_copy, name: str):
    """A test client of an app on a store of its own (its own jobs folder and launcher, forked now: it
    carries the monkeypatches made before)."""
    from dashboard.app import create_app

    client = create_app(snapshot_copy(name), warm=False).server.test_client()
    return client, json.loads(client.get("/_dash-dependencies").get_data())


SHORT = "China exported 4.91 million vehicles in 2023, according to CAAM."


def test_a_failing_check_shows_a_message_and_is_logged(snapshot_copy, monkeypatch, caplog):
    import logging

    from indicators import spot

    def broken(*args, **kwargs):
        raise KeyError("a bug of ours")

    monkeypatch.setattr(spot, "spot", broken)
    client, dependencies = app_client(snapshot_copy, "job-fails")
    body = check_request(dependencies, SHORT)
    with caplog.at_level(logging.ERROR, logger="dashboard"):
        status, answer = outcome(client, body, start(client, body))
    assert status == 200
    message = answer["response"]["check-message"]["children"]["props"]
    assert message["id"] == "check-problem"
    assert message["children"] == ("The figures could not be checked: an internal error (KeyError in "
                                   "dashboard.pages.check_text.run); it was logged.")
    logged = [r.getMessage() for r in caplog.records if "failed in its job process" in r.getMessage()]
    assert logged and "KeyError: 'a bug of ours'" in logged[0]  # the job's traceback


def spin(*args, **kwargs):
    """A spotter that computes for two minutes (the job's processor time limit, set to 1 s, stops it first)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        pass
    return []


def stuck(*args, **kwargs):
    """A spotter that waits 20 s for something, using no processor time (the job's wall-clock limit, set to 1 s,
    stops it first: its processor time limit never would)."""
    time.sleep(20)
    return []


@pytest.mark.parametrize("ending", ["killed", "out of time", "stuck"])
def test_a_check_whose_process_dies_says_so(snapshot_copy, monkeypatch, ending):
    import signal

    from dashboard import jobs
    from indicators import spot

    if ending == "killed":
        monkeypatch.setattr(spot, "spot", lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL))
    elif ending == "out of time":
        monkeypatch.setattr(spot, "spot", spin)
        monkeypatch.setattr(jobs, "JOB_CPU_S", 1)
    else:
        monkeypatch.setattr(spot, "spot", stuck)
        monkeypatch.setattr(jobs, "JOB_WALL_S", 1)
    client, dependencies = app_client(snapshot_copy, f"job-{ending.replace(' ', '-')}")
    body = check_request(dependencies, SHORT)
    status, answer = outcome(client, body, start(client, body))
    assert status == 200
    assert "stopped before it finished" in answer["response"]["check-message"]["children"]["props"]["children"]


def test_a_cancelled_check_ends_quietly_and_one_over_the_limit_is_refused(snapshot_copy, monkeypatch):
    from dashboard import jobs

    client, dependencies = app_client(snapshot_copy, "job-cancelled")
    body = check_request(dependencies, long_prose(10_000))
    handles = start(client, body)
    job = psutil.Process(int(handles["job"].split("~")[0]))
    dep = next(d for d in dependencies if d["output"] == "check-upload.id")  # Dash's cancel callback
    cancel = {"output": dep["output"], "outputs": {"id": "check-upload", "property": "id"},
              "inputs": [{"id": "check-upload", "property": "contents", "value": "data:text/plain;base64,aGk="}],
              "changedPropIds": ["check-upload.contents"], "state": []}
    client.post(f"/_dash-update-component?cancelJob={handles['job']}", json=cancel)
    job.wait(timeout=60)
    assert outcome(client, body, handles) == (204, None)  # no update, no message: the reader moved on

    monkeypatch.setattr(jobs, "MAX_RUNNING", 0)
    answer = start(client, check_request(dependencies, SHORT))
    assert "job" not in answer
    assert "already checking" in answer["response"]["check-message"]["children"]["props"]["children"]


def test_ending_a_job_that_exits_meanwhile_or_whose_pid_was_reused(tmp_path, monkeypatch):
    """Ending a job never raises when its process exits between the checks (the reader collecting a
    finished result got a 500), and never kills another process that has the job's pid now: only a job
    recorded as running, with its start time, is ended."""
    from dashboard import jobs

    manager = jobs.Jobs(tmp_path / "jobs")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        started = psutil.Process(other.pid).create_time()
        manager.terminate_job(str(other.pid))  # a pid no job of ours was recorded with
        manager.handle.set("running", [(other.pid, started - 100)])  # a job that had this pid before
        manager.terminate_job(str(other.pid))
        assert other.poll() is None, "a process that is not a running job was killed"
        assert not manager.job_running(str(other.pid))

        class Exiting(psutil.Process):
            def children(self, recursive=False):
                raise psutil.NoSuchProcess(self.pid)

        manager.handle.set("running", [(other.pid, started)])  # the job itself
        assert manager.job_running(str(other.pid))
        with monkeypatch.context() as patched:
            patched.setattr(jobs.psutil, "Process", Exiting)
            manager.terminate_job(str(other.pid))  # it exits while its children are listed: no error
        assert manager.handle.get(f"ended-{other.pid}") is True
        manager.terminate_job(str(other.pid))  # and now it is ended: killed and reaped (a child of ours)
        assert not psutil.pid_exists(other.pid)
    finally:
        other.kill()



def write_when_imported(path: str, module: str) -> None:
    """A job: import `module`, then write 'ok' to `path`."""
    import importlib

    importlib.import_module(module)
    with open(path, "w") as out:
        out.write("ok")


def test_a_launcher_forked_while_another_thread_imports_is_replaced_never_left_waiting(tmp_path, monkeypatch, caplog):
    """A thread of the server importing a module when the launcher is forked leaves that module's import lock
    held in the launcher for ever: a job that imports the module would wait on it, its page saying "Checking…"
    (what a test server built beside other threads met). The launcher sees the held lock and ends; the
    server forks another, LAUNCH_TRIES times, then says the check could not start. Once the import is done a
    newly forked launcher runs the job."""
    import logging
    import threading

    from dashboard import jobs

    module = f"held_import_{os.getpid()}"
    go = tmp_path / "go"
    (tmp_path / f"{module}.py").write_text(
        f"import pathlib, time\nwhile not pathlib.Path({str(go)!r}).exists():\n    time.sleep(0.01)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importing = threading.Thread(target=__import__, args=(module,), daemon=True)
    importing.start()
    while module not in sys.modules:  # the thread holds the module's import lock from here until `go`
        time.sleep(0.01)
    manager = jobs.Jobs(tmp_path / "jobs")
    manager.func_registry = {"job": write_when_imported}
    done = tmp_path / "done"
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="dashboard"), pytest.raises((OSError, EOFError)):
        manager._start("job", (str(done), module), "sqlite://", False)
    assert time.monotonic() - started < jobs.ANSWER_S  # each unfit launcher ended at once, none was waited for
    assert sum("forking another" in r.getMessage() for r in caplog.records) == jobs.LAUNCH_TRIES - 1
    go.touch()
    importing.join(10)
    manager._start("job", (str(done), module), "sqlite://", False)
    deadline = time.monotonic() + 60
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert done.read_text() == "ok"
    manager.launch().close()

# -- in a browser: the button while the check runs ------------------------------------------------


@pytest.mark.browser
def test_the_button_says_checking_and_is_disabled_while_the_check_runs(snapshot_copy):
    from browser_harness import launched, opened, playwright_or_skip, served

    sync_api = playwright_or_skip()
    with served(snapshot_copy("job-button")) as url, launched(sync_api) as browser, opened(browser, "1280x900") as page:
        page.goto(url + "/check")
        page.wait_for_selector("#check-text")
        page.evaluate("""(text) => {
            const box = document.querySelector('#check-text');
            Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, text);
            box.dispatchEvent(new Event('input', {bubbles: true}));
        }""", long_prose(10_000))
        page.click("#check-run")
        page.wait_for_selector("#check-run:disabled", timeout=30_000)
        assert page.inner_text("#check-run") == "Checking…"
        page.wait_for_selector("#check-table", timeout=300_000)
        page.wait_for_selector("#check-run:enabled", timeout=30_000)
        assert page.inner_text("#check-run") == "Find the figures"
        assert not page.errors, page.errors
