"""Builds that are killed, interrupted or run twice at once: the previous output stays whole.

After any interruption, `kg query` works and statements.jsonl, documents.jsonl, the
manifest and the store all come from one build (the previous one or the new one).
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
import kg.pipeline
from conftest import default_sigint
from kg.cli import main
from kg.errors import EXIT_INTERRUPTED, EXIT_OUTPUT
from kg.outputs import BuildFolder, build_lock

from validity import assert_one_build

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".md"))


def write_articles(folder: Path, count: int) -> set[str]:
    """The three examples plus ``count`` generated articles; returns their ids."""
    folder.mkdir(parents=True, exist_ok=True)
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    body = (ROOT / "examples" / "grain-corridor.txt").read_text(encoding="utf-8")
    for n in range(count):
        (folder / f"extra-{n:03d}.txt").write_text(
            f"Talks, round {n}\n\nTurkey and Greece agreed on day {n} to resume talks.\n\n{body}", encoding="utf-8")
    return {p.stem for p in EXAMPLES} | {f"extra-{n:03d}" for n in range(count)}


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """A finished build of the three examples (ttl and nt): the output to protect."""
    base = tmp_path_factory.mktemp("previous")
    ids = write_articles(base / "in", 0)
    kg.build([base / "in"], out=base / "out", formats=("ttl", "nt"))
    return base / "out", ids


def fresh_copy(previous_out: Path, target: Path) -> Path:
    shutil.copytree(previous_out, target, symlinks=True)
    return target


def query_works(out: Path) -> None:
    result = CliRunner().invoke(main, ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Document }", "--out", str(out), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert int(result.output.splitlines()[1]) > 0


def assert_clean(out: Path) -> None:
    """Only the published build, its links and the lock: nothing a killed build left."""
    current = os.readlink(out / ".current")
    hidden = {p.name for p in out.iterdir() if p.name.startswith(".")}
    assert hidden == {".current", ".lock", current}
    for link in out.iterdir():
        if not link.name.startswith("."):
            assert link.is_symlink() and link.exists(), link


def start_build(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "build", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, preexec_fn=default_sigint)


def wait_for_new_build_folder(out: Path, known: set[str], process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not {p.name for p in out.glob(".build-*")} - known:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)


# --- a crash at each step of publishing (deterministic) ---


class Killed(BaseException):
    """Stands for SIGKILL: not an Exception, so nothing on the way catches it."""


@pytest.fixture
def crash_at(monkeypatch):
    """crash_at(k): the k-th file-system change made while publishing raises Killed."""
    state = {"at": 0, "count": 0, "on": False}

    def counted(function):
        def wrapper(*args, **kwargs):
            if not state["on"]:
                return function(*args, **kwargs)
            state["count"] += 1
            state["on"] = False  # what rmtree does inside is one step
            if state["count"] == state["at"]:
                raise Killed(f"step {state['count']}: {function.__name__}{args}")
            try:
                return function(*args, **kwargs)
            finally:
                state["on"] = True
        return wrapper

    for module, name in ((os, "symlink"), (os, "replace"), (os, "unlink"), (shutil, "rmtree")):
        monkeypatch.setattr(module, name, counted(getattr(module, name)))
    publish = BuildFolder.publish

    def watched_publish(*args, **kwargs):
        state["on"], state["count"] = True, 0
        try:
            return publish(*args, **kwargs)
        finally:
            state["on"] = False

    monkeypatch.setattr(BuildFolder, "publish", watched_publish)

    def arm(step: int) -> dict:
        state["at"] = step
        return state

    return arm


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    """A finished build folder of two of the three examples (ttl and nq): what a new build
    has written when it starts publishing over ``previous`` (three examples, ttl and nt)."""
    base = tmp_path_factory.mktemp("staged")
    ids = write_articles(base / "in", 0) - {EXAMPLES[0].stem}
    (base / "in" / EXAMPLES[0].name).unlink()
    kg.build([base / "in"], out=base / "out", formats=("ttl", "nq"))
    return base / "out" / os.readlink(base / "out" / ".current"), ids


def test_crash_at_every_step_of_publishing_leaves_one_whole_build(previous, staged, tmp_path, crash_at):
    (previous_out, previous_ids), (staged_build, new_ids) = previous, staged
    outcomes = []
    for step in range(1, 50):
        out = fresh_copy(previous_out, tmp_path / f"out-{step}")
        build = out / ".build-new"
        shutil.copytree(staged_build, build)
        crash_at(step)
        try:
            BuildFolder(out).publish(build)
            crashed = False
        except Killed:
            crashed = True
        ids = assert_one_build(out)
        assert ids in (previous_ids, new_ids)
        query_works(out)
        outcomes.append(ids == new_ids)
        crash_at(0)
        BuildFolder(out).remove_leftovers()  # what the next build does first, under its lock
        if ids == previous_ids:
            assert_clean(out)
            assert ids == previous_ids and (out / "kg.nt").exists()
        next_build = out / ".build-next"
        shutil.copytree(staged_build, next_build)
        BuildFolder(out).publish(next_build)
        assert assert_one_build(out) == new_ids
        assert not (out / "kg.nt").exists() and (out / "kg.nq").exists()
        assert_clean(out)
        if not crashed:
            break
    assert not crashed, "publishing took more steps than tried"
    assert False in outcomes and True in outcomes[:-1]  # crashes landed both before and after the flip


def test_old_layout_is_replaced_by_links(previous, tmp_path):
    """An output folder written before builds were folders (plain files) is taken over."""
    previous_out, previous_ids = previous
    out = tmp_path / "out"
    shutil.copytree(previous_out, out, symlinks=False)  # every link becomes a plain file or folder
    for leftover in (out / ".current", *out.glob(".build-*")):
        shutil.rmtree(leftover)
    write_articles(tmp_path / "in", 0)
    kg.build([tmp_path / "in"], out=out)
    assert assert_one_build(out) == previous_ids
    assert not (out / "kg.nt").exists()
    assert_clean(out)


# --- real processes ---


def test_sigkill_at_random_moments_leaves_one_whole_build(previous, tmp_path):
    previous_out, previous_ids = previous
    out = fresh_copy(previous_out, tmp_path / "out")
    new_ids = write_articles(tmp_path / "in", 15)
    seed = int(os.environ.get("KG_KILL_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    print(f"KG_KILL_SEED={seed}")
    for _ in range(3):
        known = {p.name for p in out.glob(".build-*")}
        process = start_build([str(tmp_path / "in"), "--out", str(out), "--format", "ttl", "--format", "nq"])
        wait_for_new_build_folder(out, known, process)
        time.sleep(rng.uniform(0, 4))
        process.send_signal(signal.SIGKILL)
        process.communicate()
        ids = assert_one_build(out)
        assert ids in (previous_ids, new_ids), f"seed {seed}"
        query_works(out)
    report = kg.build([tmp_path / "in"], out=out)  # the next build clears what the kills left
    assert report.documents == len(new_ids)
    assert_clean(out)


def test_ctrl_c_exits_130_with_a_message_and_keeps_the_previous_output(previous, tmp_path):
    previous_out, previous_ids = previous
    out = fresh_copy(previous_out, tmp_path / "out")
    current = os.readlink(out / ".current")
    write_articles(tmp_path / "in", 200)
    process = start_build([str(tmp_path / "in"), "--out", str(out)])
    wait_for_new_build_folder(out, {current}, process)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == EXIT_INTERRUPTED, stderr
    assert stderr.splitlines()[-1] == "kg: interrupted; the previous output is left as it was"
    assert "Traceback" not in stderr
    assert os.readlink(out / ".current") == current
    assert assert_one_build(out) == previous_ids
    assert_clean(out)  # the interrupted build removed its own folder


def test_second_build_on_the_same_folder_refuses_clearly(previous, tmp_path):
    previous_out, previous_ids = previous
    out = fresh_copy(previous_out, tmp_path / "out")
    write_articles(tmp_path / "in", 200)
    first = start_build([str(tmp_path / "in"), "--out", str(out)])
    try:
        wait_for_new_build_folder(out, {os.readlink(out / ".current")}, first)
        second = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "in"), "--out", str(out)],
                                capture_output=True, text=True, timeout=120)
        assert first.poll() is None, "the first build ended before the second started: make it longer"
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=120)
    assert second.returncode == EXIT_OUTPUT
    assert second.stderr == (f"kg: error: another kg build (pid {first.pid}) is writing to {out}; "
                             "wait for it to finish or use another --out\n")
    assert assert_one_build(out) == previous_ids


def test_lock_is_released_by_a_killed_build(previous, tmp_path):
    previous_out, _ = previous
    out = fresh_copy(previous_out, tmp_path / "out")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom pathlib import Path\n"
                               "from kg.outputs import build_lock\n"
                               "with build_lock(Path(sys.argv[1])):\n    print('locked', flush=True)\n    time.sleep(600)\n",
                               str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(kg.errors.StoreError, match=f"another kg build \\(pid {holder.pid}\\)"):
            with build_lock(out):
                pass
    finally:
        holder.kill()
        holder.wait()
    with build_lock(out):  # the kernel dropped the lock with the process
        pass


def test_workers_do_not_outlive_a_killed_build(tmp_path):
    """SIGKILL gives the parent no chance to stop its pool: the workers must leave by themselves."""
    write_articles(tmp_path / "in", 400)
    out = tmp_path / "out"
    process = start_build([str(tmp_path / "in"), "--out", str(out), "--workers", "2"])
    wait_for_new_build_folder(out, set(), process)
    deadline = time.monotonic() + 60
    while not _children(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = _children(process.pid)
    assert workers, "the build started no worker processes"
    time.sleep(6)  # the workers have loaded the model and are parsing their batches
    assert process.poll() is None, "the build ended before it was killed: make it longer"
    process.send_signal(signal.SIGKILL)
    process.communicate()
    deadline = time.monotonic() + 4
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived the killed build"


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
