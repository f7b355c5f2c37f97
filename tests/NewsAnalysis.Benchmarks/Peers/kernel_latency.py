"""Times a Jupyter kernel with the real jupyter_client: kernel_info reply after start (several cold starts) and the
round trip of `1+1` on a warm kernel (execute_request sent -> execute_reply received, and -> status idle on iopub),
with the kernel process's CPU time (utime + stime from /proc), steadier than wall time on shared cores.
With DISTINCT (a cell text where `{i}` is replaced by the trip's number, e.g. `{i}+1`), the same kernel then runs
that many trips of cells that all differ, so that no kernel can answer from a cache of compiled cells.
Usage: kernel_latency.py KERNEL_NAME CODE STARTS ROUND_TRIPS [DISTINCT]; prints one JSON object (seconds)."""
import json, os, statistics, sys, time

from jupyter_client.manager import KernelManager

def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


name, code, starts, trips = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
distinct = sys.argv[5] if len(sys.argv) > 5 else None
ready = []
ready_cpu = []
for _ in range(starts):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    ready.append(time.perf_counter() - t0)
    ready_cpu.append(cpu_seconds(km.provisioner.process.pid))
    kc.stop_channels()
    km.shutdown_kernel(now=False)

km = KernelManager(kernel_name=name)
km.start_kernel()
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=60)


def round_trip(cell=code):
    t0 = time.perf_counter()
    msg_id = kc.execute(cell)
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            break
    t_reply = time.perf_counter() - t0
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            break
    return t_reply, time.perf_counter() - t0


pid = km.provisioner.process.pid
first = round_trip()
for _ in range(20):
    round_trip()
cpu_before = cpu_seconds(pid)
times = [round_trip() for _ in range(trips)]
cpu_per_trip = (cpu_seconds(pid) - cpu_before) / trips
extra = {}
if distinct:
    cpu_before = cpu_seconds(pid)
    others = [round_trip(distinct.replace("{i}", str(i))) for i in range(1, trips + 1)]
    extra = {
        "distinct_cpu_per_trip": (cpu_seconds(pid) - cpu_before) / trips,
        "distinct_reply_median": statistics.median(t[0] for t in others),
        "distinct_idle_median": statistics.median(t[1] for t in others),
        "distinct_reply_p90": sorted(t[0] for t in others)[int(len(others) * 0.9)],
    }
kc.stop_channels()
km.shutdown_kernel(now=False)
print(json.dumps({
    "ready": ready, "ready_median": statistics.median(ready), "ready_cpu_median": statistics.median(ready_cpu),
    "cpu_per_trip": cpu_per_trip,
    "first_cell_reply": first[0],
    "reply_median": statistics.median(t[0] for t in times), "idle_median": statistics.median(t[1] for t in times),
    "reply_p90": sorted(t[0] for t in times)[int(len(times) * 0.9)],
    **extra,
}))
