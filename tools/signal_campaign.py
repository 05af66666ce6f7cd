#!/usr/bin/env python3
"""Signal campaign: sends SIGINT or SIGTERM (sometimes twice) to `plan solve` at random moments and
checks that every run leaves either a complete plan that `plan check` accepts (exit 0) or no new
folder at all (exit 128 + signal), never a partial or staging folder.

    python3 tools/signal_campaign.py --runs 50            # the full campaign (release build)
    python3 tools/signal_campaign.py --runs 5 --learners 1000

Prints one line per run and a summary; exits 1 on any failure.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--learners", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--plan", default=os.path.join(ROOT, ".build", "release", "plan"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="plan-signals-")
    inst = os.path.join(work, "national.json")
    subprocess.run([args.plan, "generate", "--learners", str(args.learners), "--seed", "1", "--profile", "national",
                    "--out", inst], check=True, stdout=subprocess.DEVNULL)
    # How long an undisturbed solve takes: signals land anywhere in it, writing included.
    start = time.perf_counter()
    subprocess.run([args.plan, "solve", inst, "--out", os.path.join(work, "reference"), "--quiet"], check=True,
                   stdout=subprocess.DEVNULL)
    full = time.perf_counter() - start
    print(f"undisturbed solve: {full:.1f} s")
    counts = {"plan written": 0, "nothing written": 0, "failures": 0}
    for k in range(args.runs):
        parent = os.path.join(work, f"run{k}")
        os.makedirs(parent)
        out = os.path.join(parent, "p")
        if rng.random() < 0.3:
            # An earlier plan in the folder: it must survive, or be replaced whole.
            shutil.copytree(os.path.join(work, "reference"), out)
        sig = rng.choice([signal.SIGINT, signal.SIGTERM])
        delay = rng.uniform(0, full * 1.1)
        twice = rng.random() < 0.3
        gap = rng.uniform(0.05, 1.0)
        p = subprocess.Popen([args.plan, "solve", inst, "--out", out, "--quiet"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(sig)
        if twice:
            time.sleep(gap)
            if p.poll() is None:
                p.send_signal(sig)
        rc = p.wait()
        leftovers = sorted(n for n in os.listdir(parent) if n != "p")
        verdict = ""
        if leftovers:
            verdict = f"staging left behind: {leftovers}"
        elif rc == 0:
            check = subprocess.run([args.plan, "check", inst, out], capture_output=True, text=True)
            verdict = "" if check.returncode == 0 else "plan check refuses the plan: " + check.stdout[-300:]
            counts["plan written"] += 1
        elif rc == 128 + sig or rc == -sig:
            # 128 + n: quit by plan on a second signal; -n: killed before plan could install its
            # handlers (the first milliseconds of the process). Either way nothing new.
            if os.path.exists(out) and sorted(os.listdir(out)) != sorted(os.listdir(os.path.join(work, "reference"))):
                verdict = "a partial folder after a quit"
            counts["nothing written"] += 1
        else:
            verdict = f"exit {rc}"
        if verdict:
            counts["failures"] += 1
        name = signal.Signals(sig).name
        print(f"run {k}: {name}{' twice' if twice else ''} at {delay:.2f} s -> exit {rc} {verdict or 'ok'}", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print(f"signal campaign: {args.runs} runs, {counts['plan written']} plans written and checked, "
          f"{counts['nothing written']} quits with nothing new, {counts['failures']} failures")
    sys.exit(1 if counts["failures"] else 0)


if __name__ == "__main__":
    main()
