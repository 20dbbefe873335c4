#!/usr/bin/env python3
"""Drives mixed traffic through the one-machine topology while a node is killed (kill -9) and restarted, another
drains on SIGTERM, and the primary fails over to the replica; then checks what the issue asks:
  * no acknowledged write is lost: every report whose receipt page came back is in the new primary;
  * throttles hold across nodes: sign-in attempts from one address beyond the per-minute allowance get 429;
  * periodic jobs ran at most once per job and period (JobRuns) across the nodes;
  * clients saw only retriable errors (502/503/504, refused connections), counted.
Usage: CT_NODE_SETTINGS="RateLimits__IntakeBurstPerChannel=100000 RateLimits__IntakePerHourPerChannel=100000" \
         deploy/topology.sh up 2 && deploy/failover-check.py
Python's standard library only; prints figures, exits 1 when a check fails."""
import html, http.cookiejar, os, re, subprocess, sys, threading, time, urllib.error, urllib.parse, urllib.request

FRONT = "http://127.0.0.1:5200"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("CT_TOPOLOGY", "/tmp/commonthread-topology")
stats = {"reports": 0, "report_errors": {}, "signin": {}, "pages": {}, "other_errors": []}
lock = threading.Lock()
stop = threading.Event()

def count(bucket, key):
    with lock:
        stats[bucket][key] = stats[bucket].get(key, 0) + 1

def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

def call(o, url, data=None):
    try:
        with o.open(urllib.request.Request(url, data=data), timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
        return 0, str(e)

def field(page, name):
    m = re.search(r'name="%s"[^>]*value="([^"]*)"' % re.escape(name), page) or re.search(r'value="([^"]*)"[^>]*name="%s"' % re.escape(name), page)
    return html.unescape(m.group(1)) if m else ""

def reporter(channel):
    while not stop.is_set():
        o = opener()
        status, page = call(o, f"{FRONT}/r/{channel}")
        if status != 200:
            count("report_errors", status); time.sleep(0.2); continue
        form = {"_handler": "report", "__RequestVerificationToken": field(page, "__RequestVerificationToken"),
                "Input.SubmissionId": field(page, "Input.SubmissionId"), "Input.Nonce": field(page, "Input.Nonce"),
                "Input.Category": "WagesAndPayment", "Input.Text": "Overtime was not paid (failover check).", "Input.Anonymous": "true"}
        status, page = call(o, f"{FRONT}/r/{channel}", urllib.parse.urlencode(form).encode())
        if status == 200 and re.search(r"\d{4} \d{4} \d{4} \d{4}", page):
            with lock: stats["reports"] += 1
        else:
            count("report_errors", status)

def signer():
    o = opener()
    while not stop.is_set():
        status, page = call(o, f"{FRONT}/account/login")
        if status != 200:
            count("signin", f"page {status}"); time.sleep(0.2); continue
        form = {"_handler": "login", "__RequestVerificationToken": field(page, "__RequestVerificationToken"),
                "Input.Email": "nobody@failover.example", "Input.Password": "wrong-password-1"}
        status, _ = call(o, f"{FRONT}/account/login", urllib.parse.urlencode(form).encode())
        count("signin", status)
        time.sleep(0.3)

def topology(*args):
    subprocess.run(["bash", f"{HERE}/topology.sh", *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def sql(query):
    # Through PgBouncer: it always points at the current primary.
    return subprocess.run(["psql", "-h", "127.0.0.1", "-p", "56439", "-U", "postgres", "-d", "commonthread", "-tAc", query],
                          check=True, capture_output=True, text=True).stdout.strip()

def main():
    before = int(sql('SELECT count(*) FROM "GrievanceCases"'))
    channels = sql('SELECT "Code" FROM "GrievanceChannels" ORDER BY "Code" LIMIT 2').split()
    threads = [threading.Thread(target=reporter, args=(c,)) for c in channels] + [threading.Thread(target=signer)]
    for t in threads: t.start()
    steps = [(10, "kill -9 node 2", ("kill-node", "2")), (20, "restart node 2", ("start-node", "2")),
             (35, "SIGTERM node 1 (drains 3 s)", ("stop-node", "1")), (45, "restart node 1", ("start-node", "1")),
             (60, "stop the primary, promote the replica", ("promote",))]
    start = time.monotonic()
    lags = []
    for at, what, args in steps:
        while time.monotonic() - start < at:
            if args[0] == "promote":
                # The replica's lag behind the primary under this load, read on the primary before it goes.
                lags.append(float(sql("SELECT coalesce(max(extract(epoch FROM replay_lag)), 0) FROM pg_stat_replication") or 0))
            time.sleep(min(1, max(0, at - (time.monotonic() - start))))
        print(f"{time.monotonic() - start:5.1f} s  {what}", flush=True)
        if args[0] == "stop-node":
            topology(*args); time.sleep(5)
        else:
            topology(*args)
    time.sleep(max(0, 80 - (time.monotonic() - start)))
    stop.set()
    for t in threads: t.join()
    elapsed = time.monotonic() - start
    after = int(sql('SELECT count(*) FROM "GrievanceCases"'))
    dup_periods = int(sql('SELECT count(*) FROM (SELECT "Job", "Period" FROM "JobRuns" GROUP BY 1, 2 HAVING count(*) > 1) d'))
    runs = sql('SELECT "Job", count(*), count(DISTINCT "Node") FROM "JobRuns" GROUP BY 1 ORDER BY 1')
    print(f"\n{elapsed:.0f} s of traffic through nginx")
    print(f"reports acknowledged (receipt shown): {stats['reports']}; stored in the database since start: {after - before}")
    print(f"report attempts that failed, by status (0 = connection): {stats['report_errors']}")
    print(f"sign-in posts by status: {stats['signin']}")
    if lags: print(f"replica replay lag under load: max {max(lags) * 1000:.1f} ms, last {lags[-1] * 1000:.1f} ms ({len(lags)} readings)")
    print(f"job runs per job (runs, nodes):\n{runs}\nperiods run twice: {dup_periods}")
    failures = []
    if after - before < stats["reports"]: failures.append("an acknowledged report is missing")
    if dup_periods: failures.append("a job ran twice in a period")
    retriable = {0, 502, 503, 504}
    if any(k not in retriable for k in stats["report_errors"]): failures.append("a report failed with a non-retriable status")
    limited = stats["signin"].get(429, 0); allowed = stats["signin"].get(200, 0)
    # 20 a minute per deployment, refilled one every 3 s: over the run at most 20 + elapsed / 3 get through.
    if allowed > 20 + elapsed / 3 + 2: failures.append(f"{allowed} sign-in posts got through: the throttle did not hold across nodes")
    print("checks:", "all passed" if not failures else "; ".join(failures))
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
