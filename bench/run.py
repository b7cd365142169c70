"""Speed and scale of `kg build` on slices of the news corpus, side by side in one run.

    python bench/run.py --quick        # 1 MB and 4 MB slices (about 15 minutes on 2 cores)
    python bench/run.py                # 1, 4 and 40 MB (about 2 hours on 2 cores)
    python bench/run.py --corpus PATH --sizes 2,8 --json results.json

Prints, as Markdown tables: kg build's throughput against raw ``nlp.pipe`` over the same
texts with the same components; where the rest of the time goes (stage clocks and a
py-spy profile); --workers 2 against 1; peak memory per slice; our RDF serialisation
and loading against pyoxigraph's own N-Quads parser and bulk loader; the median latency
of the queries in queries/; and an incremental rebuild after touching 1% of the documents.

The corpus is for research use only (see its README): slices are written to a temporary
folder and deleted afterwards, never into the repository.  Every measurement runs in its
own process (bench/probe.py); peak memory is that process tree's, taken with wait4().
The probes run a snapshot of kg/ taken at the start, so edits made to the tree during a
long run change nothing (and do not invalidate the incremental build's reuse).
"""
from __future__ import annotations

import argparse
import contextlib
import datetime
import gzip
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news.jsonl.gz"
PROBE = BENCH / "probe.py"
TOUCHED_SHARE = 100  # one document in this many is changed before the incremental rebuild
RAW_ARTICLES_MAX_MB = 4  # the whole-article raw run is a side check, skipped on big slices

# Targets from the issue: (what, comparison, value).
TARGETS = {
    "throughput": 0.85,  # kg build words/s ÷ raw nlp.pipe words/s
    "workers": 1.5,  # --workers 2 speed-up over 1
    "memory": 1.2,  # peak RSS, largest slice ÷ the one 10× smaller
    "rdf": 0.5,  # our quads/s ÷ pyoxigraph's parse quads/s
    "incremental": 0.05,  # rebuild after touching 1% ÷ full build
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- slices -----------------------------------------------------------------------------


def write_slice(corpus: Path, mb: float, target: Path, *, touch_every: int = 0) -> dict:
    """The corpus README's slice of ``mb`` MB (a prefix), as JSON lines in ``target``.

    With ``touch_every``, every that-many-th document gets one more sentence, so an
    incremental build sees it as changed.
    """
    limit = mb * 1_000_000
    lines = words = size = touched = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as source, open(target, "w", encoding="utf-8") as out:
        for line in source:
            if size >= limit:
                break
            article = json.loads(line)
            size += len(article["text"].encode("utf-8"))
            words += len(article["text"].split())
            if touch_every and lines % touch_every == touch_every // 2:
                article["text"] += "\n\nThe report was updated on Monday."
                line = json.dumps(article, ensure_ascii=False) + "\n"
                touched += 1
            out.write(line)
            lines += 1
    return {"mb": mb, "documents": lines, "words": words, "bytes": size, "touched": touched}


# -- running probes ---------------------------------------------------------------------


class ProbeFailed(RuntimeError):
    pass


def snapshot(scratch: Path) -> Path:
    """A copy of the kg package the probes import instead of the working tree."""
    code = scratch / "code"
    shutil.copytree(ROOT / "kg", code / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    return code


def probe_environment(code: Path) -> dict:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(code), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}


def run_probe(args: list[str], *, scratch: Path, timeout: float | None = None) -> dict:
    """Run bench/probe.py ARGS in a new process; its JSON result plus wall, CPU and peak RSS.

    CPU and peak RSS come from wait4(): CPU summed over the process and its children
    (worker processes), peak RSS the largest of them.
    """
    return run_probes_together([args], scratch=scratch, timeout=timeout)[0]


def run_probes_together(many: list[list[str]], *, scratch: Path, timeout: float | None = None) -> list[dict]:
    """Start one probe per argument list at once and wait for all of them (see run_probe)."""
    running = {}
    start = time.perf_counter()
    for n, args in enumerate(many):
        out_path, err_path = scratch / f"probe-{n}.out", scratch / f"probe-{n}.err"
        with open(out_path, "w") as out, open(err_path, "w") as err:
            process = subprocess.Popen([sys.executable, str(PROBE), *args], stdout=out, stderr=err, cwd=scratch / "code",
                                       env=probe_environment(scratch / "code"), start_new_session=True)
        running[process.pid] = (n, args, out_path, err_path)
    results: list[dict] = [{} for _ in many]
    try:
        while running:
            pid, status, usage = os.wait4(-1, os.WNOHANG)
            if not pid:
                if timeout is not None and time.perf_counter() - start > timeout:
                    raise TimeoutError(f"{many[0][0]} took over {timeout:.0f} s")
                time.sleep(0.2)
                continue
            if pid not in running:
                continue
            n, args, out_path, err_path = running.pop(pid)
            code = os.waitstatus_to_exitcode(status)
            if code != 0:
                raise ProbeFailed(f"probe {' '.join(args)} failed ({code}): {err_path.read_text()[-2000:]}")
            results[n] = {"result": json.loads(out_path.read_text().strip().splitlines()[-1]),
                          "process": {"wall": round(time.perf_counter() - start, 2), "cpu": round(usage.ru_utime + usage.ru_stime, 2),
                                      "maxrss_mb": round(usage.ru_maxrss / 1024, 1)}}
    finally:
        for pid in running:  # a failure or timeout: stop the others too
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
    return results


def profile_build(slice_path: Path, out: Path, *, scratch: Path, rate: int = 20) -> list[tuple[str, float]] | None:
    """A py-spy profile of `kg build --workers 1`: inclusive share per function, our code and spaCy's entry points,
    over the samples of the build and of its worker process (a large input is parsed in one)."""
    py_spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if not py_spy:
        log("py-spy not found (pip install -e '.[bench]'): no profile")
        return None
    raw = scratch / "profile.txt"
    command = [py_spy, "record", "--subprocesses", "-r", str(rate), "-f", "raw", "-o", str(raw), "--",
               sys.executable, "-m", "kg", "build", str(slice_path), "--out", str(out), "-q"]
    completed = subprocess.run(command, cwd=scratch / "code", env=probe_environment(scratch / "code"), capture_output=True, text=True)
    if completed.returncode != 0 or not raw.exists():
        log(f"py-spy failed: {completed.stderr.strip()[-500:]}")
        return None
    return inclusive_shares(raw.read_text())


def inclusive_shares(collapsed: str) -> list[tuple[str, float]]:
    """From py-spy's collapsed stacks, the share of samples in which each function is on the stack."""
    counts: Counter[str] = Counter()
    total = 0
    for line in collapsed.splitlines():
        stack, _, number = line.rpartition(" ")
        if not stack:
            continue
        total += int(number)
        seen = set()
        for frame in stack.split(";"):
            name, _, where = frame.partition(" (")
            path = where.split(":")[0]
            if "/kg/" in f"/{path}" and "kg/cli.py" not in path and "kg/__main__" not in path:
                label = f"{Path(path).stem}.{name}"
            elif name in ("Language.pipe", "Language._ensure_doc", "Model.predict", "Parser.predict", "minibatch",
                          "Tok2Vec.predict", "AttributeRuler.__call__", "Lemmatizer.__call__", "Store.bulk_extend"):
                label = f"spaCy {name}" if name != "Store.bulk_extend" else f"pyoxigraph {name}"
            else:
                continue
            if label not in seen:
                seen.add(label)
                counts[label] += int(number)
    return [(label, count / total) for label, count in counts.most_common()] if total else []


# -- the run ----------------------------------------------------------------------------


def rate(words: int, seconds: float) -> float:
    return words / seconds if seconds else float("nan")


def measure(args: argparse.Namespace, scratch: Path) -> dict:
    snapshot(scratch)
    results: dict = {
        "date": datetime.date.today().isoformat(),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip(),
        "dirty": bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()),
        "cpus": os.cpu_count(),
        "load_before": os.getloadavg(),
        "sizes": {},
    }
    sizes = args.sizes
    for mb in sizes:
        size: dict = {}
        results["sizes"][str(mb)] = size
        slice_path = scratch / f"slice-{mb}mb.jsonl"
        size["slice"] = write_slice(args.corpus, mb, slice_path)
        log(f"{mb} MB slice: {size['slice']['documents']} documents, {size['slice']['words']:,} words")
        w1, w2 = scratch / f"out-{mb}-w1", scratch / f"out-{mb}-w2"

        # Throughput, workers and memory: raw spaCy and kg build interleaved, on the same slice.
        log(f"{mb} MB: raw nlp.pipe over the paragraphs kg parses")
        size["raw_paragraphs"] = run_probe(["raw", "--input", str(slice_path), "--unit", "paragraphs"], scratch=scratch)
        log(f"{mb} MB: kg build --workers 1")
        size["build_w1"] = run_probe(["build", "--input", str(slice_path), "--out", str(w1), "--workers", "1"], scratch=scratch)
        if mb <= RAW_ARTICLES_MAX_MB:
            log(f"{mb} MB: raw nlp.pipe over whole articles")
            size["raw_articles"] = run_probe(["raw", "--input", str(slice_path), "--unit", "articles"], scratch=scratch)
        if args.workers > 1:
            log(f"{mb} MB: kg build --workers {args.workers}")
            size["build_w2"] = run_probe(["build", "--input", str(slice_path), "--out", str(w2), "--workers", str(args.workers)], scratch=scratch)
            size["same_statements"] = (w1 / "statements.jsonl").read_bytes() == (w2 / "statements.jsonl").read_bytes()
            shutil.rmtree(w2, ignore_errors=True)
            # The machine's own ceiling in this run: raw nlp.pipe in that many processes at once, each on its share.
            log(f"{mb} MB: raw nlp.pipe in {args.workers} processes at once")
            size["raw_parallel"] = run_probes_together(
                [["raw", "--input", str(slice_path), "--unit", "paragraphs", "--part", f"{i}/{args.workers}"] for i in range(args.workers)],
                scratch=scratch)

        log(f"{mb} MB: RDF serialisation and loading")
        size["rdf"] = run_probe(["rdf", "--build", str(w1), "--scratch", str(scratch / "rdf"), *(["--rdflib"] if mb <= args.rdflib_max_mb else [])],
                                scratch=scratch)["result"]
        shutil.rmtree(scratch / "rdf", ignore_errors=True)

        size["queries"] = {}
        for query in sorted((ROOT / "queries").glob("*.rq")):
            log(f"{mb} MB: query {query.name}")
            try:
                size["queries"][query.name] = run_probe(["query", "--build", str(w1), "--file", str(query)], scratch=scratch,
                                                        timeout=args.query_timeout)["result"]
            except TimeoutError:
                size["queries"][query.name] = {"timeout_s": args.query_timeout}

        # Incremental last: it rebuilds into the workers=1 output.
        touched = scratch / f"slice-{mb}mb-touched.jsonl"
        size["touched"] = write_slice(args.corpus, mb, touched, touch_every=TOUCHED_SHARE)
        log(f"{mb} MB: rebuild with nothing changed")
        size["rebuild_unchanged"] = run_probe(["build", "--input", str(slice_path), "--out", str(w1), "--workers", "1"], scratch=scratch)
        touched.replace(slice_path)  # same file name, so documents keep their sources
        log(f"{mb} MB: rebuild after touching {size['touched']['touched']} documents")
        size["rebuild_touched"] = run_probe(["build", "--input", str(slice_path), "--out", str(w1), "--workers", "1"], scratch=scratch)
        if mb != sizes[-1]:
            shutil.rmtree(w1, ignore_errors=True)
        slice_path.unlink(missing_ok=True)

    if args.profile_mb:
        log(f"{args.profile_mb} MB: py-spy profile of kg build")
        slice_path = scratch / "profile.jsonl"
        write_slice(args.corpus, args.profile_mb, slice_path)
        results["profile"] = {"mb": args.profile_mb, "shares": profile_build(slice_path, scratch / "out-profile", scratch=scratch)}
        slice_path.unlink(missing_ok=True)
    results["load_after"] = os.getloadavg()
    return results


# -- the report -------------------------------------------------------------------------


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def met(value: float, target: float, *, at_most: bool = False) -> str:
    ok = value <= target if at_most else value >= target
    return f"**{value:.2f}**" + (" ✓" if ok else " ✗")


def report(results: dict) -> str:
    sizes = results["sizes"]
    out = [f"Measured {results['date']} on commit {results['commit']}{' (with uncommitted changes)' if results['dirty'] else ''}, "
           f"{results['cpus']} CPUs, load average {results['load_before'][0]:.1f} before and {results['load_after'][0]:.1f} after."]

    rows = []
    for mb, s in sizes.items():
        words = s["slice"]["words"]
        raw, build = s["raw_paragraphs"], s["build_w1"]
        raw_wall, raw_cpu = raw["result"]["wall"], raw["result"]["cpu"]
        kg_wall, kg_cpu = build["process"]["wall"], build["process"]["cpu"]
        articles = s.get("raw_articles")
        rows.append([f"{mb} MB", f"{words:,}", f"{rate(words, raw_wall):,.0f}",
                     f"{rate(words, articles['result']['wall']):,.0f}" if articles else "–",
                     f"{rate(words, kg_wall):,.0f}", met(raw_wall / kg_wall, TARGETS["throughput"]),
                     f"{raw_cpu / kg_cpu:.2f}",
                     f"{raw_cpu / build['result']['extraction']['cpu']:.2f}" if build["result"].get("inline", True) else "–"])
    out += ["### Throughput: kg build against raw nlp.pipe (target ≥ 0.85)",
            table(["slice", "words", "raw nlp.pipe, paragraphs (words/s)", "raw, whole articles (words/s)", "kg build (words/s)",
                   "ratio, wall", "ratio, CPU", "ratio, CPU, extraction only"], rows),
            "kg build is end to end (process start to exit: imports, model, extraction, RDF, store, page); "
            "raw is `nlp.pipe` alone, model already loaded, over the same paragraphs kg parses. "
            "CPU ratios are immune to other load on the machine; wall ratios are what a user sees. "
            "From 1 MB of input on, one worker parses in a process of its own while kg build writes the outputs "
            "(kg.pipeline.SEPARATE_PROCESS_BYTES): the extraction's own CPU is then in the profile below, not clocked apart (–)."]

    largest = list(sizes)[-1]
    phases = sizes[largest]["build_w1"]["result"]["phases"]
    total_cpu = sizes[largest]["build_w1"]["process"]["cpu"]
    rows = [[name, f"{p['wall']:.1f}", f"{p['cpu']:.1f}", f"{p['cpu'] / total_cpu:.1%}"] for name, p in phases.items()]
    out += [f"### Where the time goes: kg build --workers 1, {largest} MB", table(["stage", "wall s", "CPU s", "share of CPU"], rows),
            "Clocked in the build's own process; with the extraction in a worker process, its stages are in the profile."]
    if results.get("profile") and results["profile"]["shares"]:
        shares = results["profile"]["shares"][:30]
        out += [f"py-spy, {results['profile']['mb']} MB build: share of samples with the function on the stack (inclusive)",
                table(["function", "share"], [[name, f"{share:.1%}"] for name, share in shares])]

    rows = []
    for mb, s in sizes.items():
        if "build_w2" not in s:
            continue
        one, two = s["build_w1"], s["build_w2"]
        ceiling = s["raw_paragraphs"]["result"]["wall"] / max(p["result"]["wall"] for p in s["raw_parallel"])
        rows.append([f"{mb} MB", f"{one['process']['wall']:.0f}", f"{two['process']['wall']:.0f}",
                     met(one["process"]["wall"] / two["process"]["wall"], TARGETS["workers"]),
                     f"{one['result']['extraction']['wall'] / two['result']['extraction']['wall']:.2f}", f"{ceiling:.2f}",
                     "yes" if s["same_statements"] else "**no**"])
    if rows:
        out += ["### --workers 2 against --workers 1 (target ≥ 1.5)",
                table(["slice", "workers 1 (s)", "workers 2 (s)", "speed-up", "speed-up, extraction only",
                       "ceiling: raw nlp.pipe, 2 processes at once", "same statements.jsonl"], rows),
                "The ceiling is what two raw `nlp.pipe` processes, each given half the words, gain over one in this run: "
                "the most two processes get from this machine at that moment (other load included)."]

    rows = []
    previous = None
    for mb, s in sizes.items():
        build = s["build_w1"]
        peak = build["process"]["maxrss_mb"]
        ratio = f"{met(peak / previous[1], TARGETS['memory'], at_most=True)} (vs {previous[0]} MB)" if previous else "–"
        stages = build["result"]["rss_peak_mb"]
        tree = build["result"].get("rss_tree_peak_mb")
        tree_ratio = met(tree / previous[2], TARGETS["memory"], at_most=True) if previous and tree and previous[2] else "–"
        each = [("build", max(v["sampled"] for v in stages.values()))]
        each += [(child["role"], child["peak"]) for child in build["result"].get("rss_children_peak_mb", [])
                 if child["role"] != "resource tracker"]
        rows.append([f"{mb} MB", f"{peak:.0f}", ratio, f"{tree:.0f}" if tree else "–", tree_ratio,
                     f"{s['build_w2']['process']['maxrss_mb']:.0f}" if "build_w2" in s else "–",
                     ", ".join(f"{role} {peak_mb:.0f}" for role, peak_mb in each),
                     ", ".join(f"{k} {v['peak_so_far']:.0f}" for k, v in stages.items())])
        previous = (mb, peak, tree)
    out += ["### Peak memory (target: largest slice ≤ 1.2 × the slice 10× smaller)",
            table(["slice", "peak RSS, largest process, workers 1 (MB)", "ratio", "all processes at once (MB, sampled)", "ratio",
                   "largest process, workers 2 (MB)", "each process, workers 1 (MB, sampled)",
                   "build process: peak RSS so far at the end of each stage (MB)"], rows),
            "The largest process is the peak RSS wait4() reports for the build and its worker processes; "
            "all processes at once is their summed RSS, sampled every 0.1 s, as is each process's own peak "
            "(build: the process writing the outputs; worker: parsing; page: drawing graph.html, from 8 MB of statements)."]

    rows = []
    for mb, s in sizes.items():
        r = s["rdf"]
        quads = r["quads"]
        serialise = r["ours: records to N-Quads file"]["wall"]
        parse = r["pyoxigraph: parse N-Quads"]["wall"]
        load = r["ours: records to store"]["wall"]
        bulk = r["pyoxigraph: bulk_load N-Quads file"]["wall"]
        rdflib = r.get("rdflib: parse N-Quads")
        rows.append([f"{mb} MB", f"{r['statements']:,}", f"{quads:,}", f"{rate(quads, serialise):,.0f}", f"{rate(quads, parse):,.0f}",
                     met(parse / serialise, TARGETS["rdf"]), f"{rate(quads, load):,.0f}", f"{rate(quads, bulk):,.0f}",
                     f"{bulk / load:.2f}", f"{rate(quads, rdflib['wall']):,.0f}" if rdflib else "–"])
    out += ["### RDF: our serialisation and loading against pyoxigraph's own N-Quads parser (target ≥ 0.5)",
            table(["slice", "statements", "quads", "ours: statements.jsonl → N-Quads (quads/s)", "pyoxigraph parse N-Quads (quads/s)",
                   "ratio", "ours: statements.jsonl → store (quads/s)", "pyoxigraph bulk_load N-Quads (quads/s)", "ratio", "rdflib parse N-Quads (quads/s)"], rows)]

    names = sorted({name for s in sizes.values() for name in s["queries"]})
    rows = []
    for name in names:
        row = [name]
        for s in sizes.values():
            q = s["queries"].get(name, {})
            row.append(f"> {q['timeout_s']:.0f} s" if "timeout_s" in q else f"{q.get('median_ms', float('nan')):,.1f} ({q.get('rows', 0):,} rows)")
        rows.append(row)
    out += ["### Queries: median latency in ms over 5 runs, store opened once (rows returned)",
            table(["query", *[f"{mb} MB" for mb in sizes]], rows)]

    rows = []
    for mb, s in sizes.items():
        full = s["build_w1"]["process"]["wall"]
        rows.append([f"{mb} MB", f"{full:.0f}", f"{s['rebuild_unchanged']['process']['wall']:.0f}",
                     f"{s['touched']['touched']}", f"{s['rebuild_touched']['process']['wall']:.0f}",
                     met(s["rebuild_touched"]["process"]["wall"] / full, TARGETS["incremental"], at_most=True)])
    out += ["### Incremental: rebuild after touching 1% of the documents (target ≤ 0.05 of a full build)",
            table(["slice", "full build (s)", "rebuild, nothing changed (s)", "documents touched", "rebuild (s)", "ratio"], rows)]
    return "\n\n".join(out) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"news.jsonl.gz (default: {DEFAULT_CORPUS})")
    parser.add_argument("--quick", action="store_true", help="1 MB and 4 MB slices only")
    parser.add_argument("--sizes", type=lambda text: [float(x) if "." in x else int(x) for x in text.split(",")],
                        help="slice sizes in MB, comma-separated (default 1,4,40; --quick 1,4)")
    parser.add_argument("--workers", type=int, default=2, help="workers for the parallel build (default 2)")
    parser.add_argument("--profile-mb", type=float, default=None, help="slice to profile with py-spy (default 1 quick, 4 full; 0: none)")
    parser.add_argument("--rdflib-max-mb", type=float, default=1, help="time rdflib's parser on slices up to this size")
    parser.add_argument("--query-timeout", type=float, default=60, help="seconds before a query is given up")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--keep", type=Path, help="keep slices and builds in this folder (outside the repository!)")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or ([1, 4] if args.quick else [1, 4, 40])
    if args.profile_mb is None:
        args.profile_mb = 1 if args.quick else 4
    if not args.corpus.is_file():
        parser.error(f"no corpus at {args.corpus} (see --corpus)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        scratch = args.keep.resolve()
    else:
        scratch = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        results = measure(args, scratch)
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
