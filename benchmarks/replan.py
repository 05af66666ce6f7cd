#!/usr/bin/env python3
"""Re-planning benchmark (SPEC §6): next week's national instance, planned afresh and re-planned.

    python3 benchmarks/replan.py                      # national 5000, seed 1
    python3 benchmarks/replan.py --learners 500 --profile regional

Week 1 is `plan generate --profile P --learners N --seed S`, solved. Week 2 replaces 5% of its
learners (withdrawn) and adds 5% more, as new learners (copies of random learners with new ids,
unpinned, available from --today); --today is two weeks after the first session starts, so the
sessions of the first fortnight have started. Week 2 is then solved twice: afresh, and with
--previous week 1. The table gives both times and, for each, the learners of week 1 who changed
(`moved` + `lost_seat` in `plan diff week1 week2`). Times are reported, never asserted.
"""
import argparse
import datetime
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        sys.exit(f"failed: {' '.join(cmd)}")
    return seconds, p.stdout


def changed(plan, old, new):
    _, out = run([plan, "diff", old, new])
    m = re.search(r"(\d+) new, (\d+) withdrawn, (\d+) moved, (\d+) lost a seat, (\d+) gained a seat", out)
    new_, withdrawn, moved, lost, gained = map(int, m.groups())
    return moved + lost, out.splitlines()[0]


def field(out, name):
    m = re.search(name + r": (\w+)", out)
    return m.group(1) if m else "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--learners", type=int, default=5000)
    ap.add_argument("--profile", default="national")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--plan", default=os.path.join(ROOT, ".build/release/plan"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        week1 = os.path.join(tmp, "week1.json")
        run([args.plan, "generate", "--learners", str(args.learners), "--seed", str(args.seed), "--profile", args.profile,
             "--out", week1])
        t1, out1 = run([args.plan, "solve", week1, "--out", os.path.join(tmp, "plan1"), "--quiet"])
        doc = json.load(open(week1, encoding="utf-8"))
        starts = sorted(s["start"] if s.get("start") else s["days"][0] for s in doc["sessions"])
        today = (datetime.date.fromisoformat(starts[0]) + datetime.timedelta(days=14)).isoformat()
        rng = random.Random(args.seed)
        learners = doc["learners"]
        k = len(learners) // 20
        withdrawn = set(rng.sample([l["id"] for l in learners], k))
        newcomers = []
        for n, model in enumerate(rng.sample(learners, 2 * k)):
            c = dict(model)
            c["id"] = f"L-NEW-{n:05d}"
            c["assigned"] = None
            c["availableFrom"] = max(today, c.get("availableFrom") or today)
            for key in ("startBy", "finishBy"):
                c.pop(key, None)
            newcomers.append(c)
        doc["learners"] = [l for l in learners if l["id"] not in withdrawn] + newcomers
        week2 = os.path.join(tmp, "week2.json")
        json.dump(doc, open(week2, "w", encoding="utf-8"), ensure_ascii=False)
        tf, outf = run([args.plan, "solve", week2, "--out", os.path.join(tmp, "fresh"), "--quiet"])
        tr, outr = run([args.plan, "solve", week2, "--out", os.path.join(tmp, "replan"), "--previous",
                        os.path.join(tmp, "plan1"), "--today", today, "--quiet"])
        cf, linef = changed(args.plan, os.path.join(tmp, "plan1"), os.path.join(tmp, "fresh"))
        cr, liner = changed(args.plan, os.path.join(tmp, "plan1"), os.path.join(tmp, "replan"))
        print(f"{args.profile} {args.learners}, seed {args.seed}: {k} withdrawn, {2 * k} new, today {today}")
        print(f"| run | seconds | status | changes (moved + lost a seat) | diff |")
        print(f"|---|---|---|---|---|")
        print(f"| week 1 | {t1:.2f} | {field(out1, 'status')} | | |")
        print(f"| week 2 afresh | {tf:.2f} | {field(outf, 'status')} | {cf} | {linef} |")
        print(f"| week 2 --previous | {tr:.2f} | {field(outr, 'status')} | {cr} | {liner} |")


if __name__ == "__main__":
    main()
