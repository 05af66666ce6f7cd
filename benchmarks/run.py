#!/usr/bin/env python3
"""Benchmark runner for plan: generates the suite's instances with `plan generate` (fixed seeds),
solves each with `plan solve` (whole process, median of --repeat runs), and, with --highs, solves
the per-learner model written by `plan solve --write-model` with HiGHS (highspy) side by side.

    python3 benchmarks/run.py                         # regional, national, stress; 3 runs each
    python3 benchmarks/run.py --scales regional --repeat 1 --check   # what CI runs
    python3 benchmarks/run.py --highs --highs-time-limit 600
    python3 benchmarks/run.py --scales tight --repeat 1 --highs --highs-time-limit 900 --time-limit 600

Scales: regional, national, stress (the default list), tight and coupled (see SCALES).

--check fails (exit 1) when an objective differs from benchmarks/expected.json or a plan is not
proven optimal. Times are reported, never asserted.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCALES = {
    # name: (learners, seed, profile)
    "regional": (500, 1, "regional"),
    "national": (5000, 1, "national"),
    "stress": (20000, 1, "national"),
    "tight": (800, 1, "tight"),
    "coupled": (4000, 1, "coupled"),
}
MEASURE = ("import resource, subprocess, sys\n"
           "r = subprocess.run(sys.argv[1:])\n"
           "print('maxrss_kib', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
           "sys.exit(r.returncode)\n")


def run_measured(cmd):
    """Runs cmd; returns (seconds, peak RSS in MiB, stdout, returncode)."""
    start = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", MEASURE] + cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    m = re.search(r"maxrss_kib (\d+)", p.stderr)
    rss = int(m.group(1)) / 1024 if m else float("nan")
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
    return seconds, rss, p.stdout, p.returncode


def parse_solve(out):
    f = {}
    m = re.search(r"status: (\w+)", out); f["status"] = m.group(1) if m else "?"
    m = re.search(r"objective: (\S+)\s+bound: (\S+)\s+gap: (\S+)", out)
    if m:
        f["objective"], f["bound"] = float(m.group(1)), float(m.group(2))
        f["gap"] = float(m.group(3).rstrip("%")) / (100 if m.group(3).endswith("%") else 1)
    m = re.search(r"model: (\d+) parts, (\d+) columns, (\d+) rows, (\d+) nonzeros, (\d+) groups", out)
    if m:
        f["parts"], f["columns"], f["rows"], f["nonzeros"], f["groups"] = map(int, m.groups())
    m = re.search(r"time: load (\S+) s, build (\S+) s, solve (\S+) s, write (\S+) s", out)
    if m:
        f["load"], f["build"], f["solve"], f["write"] = map(float, m.groups())
    m = re.search(r"placed: \d+ of (\d+) learners", out); f["learners"] = int(m.group(1)) if m else 0
    return f


def highs(mps, limit, rel_gap):
    """Solves the MPS file with HiGHS (one thread). With rel_gap 0 and whole-number costs, the
    absolute gap is set just below 1, so that "Optimal" means the exact minimum (as plan's
    `optimal` does); HiGHS's own default (1e-4 relative) stops earlier."""
    import highspy
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(limit))
    h.setOptionValue("threads", 1)
    start = time.perf_counter()
    h.readModel(mps)
    lp = h.getLp()
    h.setOptionValue("mip_rel_gap", float(rel_gap))
    if rel_gap == 0 and all(float(c).is_integer() for c in lp.col_cost_) and float(lp.offset_).is_integer():
        h.setOptionValue("mip_abs_gap", 0.999)
    h.run()
    seconds = time.perf_counter() - start
    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    return dict(highs_seconds=seconds, highs_status=status, highs_objective=info.objective_function_value,
                highs_bound=info.mip_dual_bound, highs_columns=lp.num_col_, highs_rows=lp.num_row_)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", default="regional,national,stress")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--highs", action="store_true", help="also solve the per-learner model with HiGHS")
    ap.add_argument("--highs-time-limit", type=float, default=600)
    ap.add_argument("--highs-rel-gap", type=float, default=0,
                    help="HiGHS's mip_rel_gap (default 0: exact optimum, as plan; HiGHS's own default is 1e-4)")
    ap.add_argument("--check", action="store_true", help="fail when an objective differs from expected.json")
    ap.add_argument("--time-limit", type=float, default=None, help="passed to plan solve (seconds)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--plan", default=os.path.join(ROOT, ".build", "release", "plan"))
    args = ap.parse_args()

    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "plan"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    expected = json.load(open(os.path.join(HERE, "expected.json")))
    work = tempfile.mkdtemp(prefix="plan-bench-")
    rows, failures = [], []
    for scale in args.scales.split(","):
        learners, seed, profile = SCALES[scale]
        inst = os.path.join(work, f"{scale}.json")
        subprocess.run([args.plan, "generate", "--learners", str(learners), "--seed", str(seed), "--profile", profile,
                        "--out", inst], check=True)
        runs = []
        for k in range(args.repeat):
            out_dir = os.path.join(work, f"{scale}-plan-{k}")
            limit = ["--time-limit", str(args.time_limit)] if args.time_limit else []
            # --verbose: the model's size and the times (GLPK's log goes to stderr, not read).
            seconds, rss, out, rc = run_measured([args.plan, "solve", inst, "--out", out_dir, "--verbose"] + limit)
            if rc != 0:
                failures.append(f"{scale}: plan solve exited {rc}")
                break
            f = parse_solve(out)
            f["wall"], f["rss"] = seconds, rss
            runs.append(f)
        if not runs:
            continue
        med = dict(runs[0])
        for key in ("wall", "rss", "load", "build", "solve", "write"):
            med[key] = statistics.median(r[key] for r in runs)
        row = {"scale": scale, "command": f"plan generate --learners {learners} --seed {seed} --profile {profile}", **med}
        if args.highs:
            mps = os.path.join(work, f"{scale}-per-learner.mps")
            subprocess.run([args.plan, "solve", inst, "--formulation", "per-learner", "--write-model", mps, "--model-only"],
                           check=True, stdout=subprocess.DEVNULL)
            row.update(highs(mps, args.highs_time_limit, args.highs_rel_gap))
            row["ratio"] = row["highs_seconds"] / med["wall"]
        rows.append(row)
        if args.check:
            want = expected.get(scale)
            if med.get("status") != "optimal":
                failures.append(f"{scale}: status {med.get('status')}, expected optimal")
            if want is None:
                failures.append(f"{scale}: no recorded optimum in benchmarks/expected.json (got {med.get('objective')})")
            elif abs(med.get("objective", float("nan")) - want) > 1e-6 * max(1, abs(want)):
                failures.append(f"{scale}: objective {med.get('objective')} differs from the recorded optimum {want}")
        print_table(rows, args)
    for f in failures:
        print("benchmark: FAIL " + f)
    if args.check and not failures:
        print("benchmark: optimum check passed for " + args.scales)
    sys.exit(1 if failures else 0)


def print_table(rows, args):
    head = ["scale", "learners", "groups", "parts", "columns", "rows", "load s", "build s", "solve s", "write s",
            "total s", "peak MiB", "status", "objective", "bound", "gap"]
    if args.highs:
        head += ["HiGHS columns", "HiGHS rows", "HiGHS s", "HiGHS status", "HiGHS objective", "HiGHS bound",
                 "HiGHS / plan"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r["scale"], r.get("learners"), r.get("groups"), r.get("parts"), r.get("columns"), r.get("rows"),
                 f"{r['load']:.2f}", f"{r['build']:.2f}", f"{r['solve']:.2f}", f"{r['write']:.2f}", f"{r['wall']:.2f}",
                 f"{r['rss']:.0f}", r.get("status"), f"{r.get('objective', 0):.0f}", f"{r.get('bound', 0):.0f}",
                 f"{r.get('gap', 0):.2g}"]
        if args.highs:
            cells += [r["highs_columns"], r["highs_rows"], f"{r['highs_seconds']:.1f}", r["highs_status"],
                      number(r["highs_objective"]), number(r["highs_bound"]), f"{r['ratio']:.1f}x"]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    print("\n".join(lines), flush=True)


def number(x):
    """A whole number, or a dash when the solver has none (HiGHS reports an infinite objective
    when it found no solution)."""
    return f"{x:.0f}" if x == x and abs(x) != float("inf") else "—"


if __name__ == "__main__":
    main()
