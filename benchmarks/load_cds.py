"""Load test of the real CDS Hooks service on loopback: order-sign with a 10-drug, 10-supplement prefetch.

    python benchmarks/load_cds.py [--requests 400] [--seconds 30]

Bounded in count and time; talks only to 127.0.0.1. Prints throughput and p50/p95 latency for 1 and 4
worker processes.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import httpx

DRUGS = ["imatinib 400 mg daily", "warfarin 5 mg daily", "apixaban 5 mg BID", "ibrutinib 420 mg daily",
         "tamoxifen 20 mg daily", "docetaxel 75 mg/m2", "tacrolimus 1 mg BID", "ondansetron 8 mg tid",
         "sertraline 50 mg daily", "irinotecan 180 mg/m2"]
SUPPLEMENTS = ["ginkgo 120 mg daily", "fish oil 4 g daily", "vitamin E 800 IU daily", "turmeric 1000 mg bid",
               "green tea extract 500 mg daily", "goldenseal 1 g tid", "milk thistle 140 mg tid",
               "soy isoflavones 100 mg daily", "melatonin 3 mg qhs", "probiotics"]


def request_body() -> dict:
    def statement(n, text):
        return {"resource": {"resourceType": "MedicationStatement", "id": f"ms{n}", "status": "active",
                             "subject": {"reference": "Patient/p1"}, "medicationCodeableConcept": {"text": text}}}
    prefetch = {"resourceType": "Bundle", "type": "searchset",
                "entry": [statement(n, t) for n, t in enumerate(DRUGS + SUPPLEMENTS[1:])]}
    draft = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
        "resourceType": "MedicationRequest", "id": "draft1", "status": "draft", "intent": "order",
        "subject": {"reference": "Patient/p1"}, "medicationCodeableConcept": {"text": "St John's wort 300 mg tid"}}}]}
    return {"hook": "order-sign", "hookInstance": "load", "context": {"patientId": "p1", "draftOrders": draft},
            "prefetch": {"medicationStatements": prefetch, "medicationRequests": None}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(workers: int, requests: int, seconds: float, concurrency: int) -> None:
    port = free_port()
    env = dict(os.environ, SUPPCHECK_CACHE_DIR=tempfile.mkdtemp(prefix="suppcheck-load-"))
    proc = subprocess.Popen([sys.executable, "-m", "suppcheck_cli.app", "serve", "--port", str(port),
                             "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}/cds-services/suppcheck-order-sign"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/cds-services", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.3)
        body = request_body()
        with httpx.Client() as warm:
            for _ in range(4 * workers):
                warm.post(url, json=body, timeout=30)
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()
        stop_at = time.monotonic() + seconds
        remaining = [requests]

        def worker() -> None:
            with httpx.Client() as client:
                while time.monotonic() < stop_at:
                    with lock:
                        if remaining[0] <= 0:
                            return
                        remaining[0] -= 1
                    t = time.perf_counter()
                    r = client.post(url, json=body, timeout=30)
                    dt = time.perf_counter() - t
                    with lock:
                        latencies.append(dt)
                        errors[0] += r.status_code != 200

        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(concurrency)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        elapsed = time.perf_counter() - started
        lat = sorted(latencies)
        p95 = lat[int(0.95 * (len(lat) - 1))]
        print(f"order-sign, {workers} worker(s), {concurrency} clients: {len(lat)} requests in {elapsed:.1f} s = "
              f"{len(lat) / elapsed:.0f} req/s; p50 {statistics.median(lat) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms; "
              f"{errors[0]} errors")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    for workers in (1, 4):
        run(workers, args.requests, args.seconds, args.concurrency)


if __name__ == "__main__":
    main()
