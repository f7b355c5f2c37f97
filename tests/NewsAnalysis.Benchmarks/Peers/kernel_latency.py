"""Times a Jupyter kernel with the real jupyter_client: kernel_info reply after start (several cold starts) and the
round trip of `1+1` on a warm kernel (execute_request sent -> execute_reply received, and -> status idle on iopub).
Usage: kernel_latency.py KERNEL_NAME CODE STARTS ROUND_TRIPS; prints one JSON object (seconds)."""
import json, statistics, sys, time

from jupyter_client.manager import KernelManager

name, code, starts, trips = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ready = []
for _ in range(starts):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    ready.append(time.perf_counter() - t0)
    kc.stop_channels()
    km.shutdown_kernel(now=False)

km = KernelManager(kernel_name=name)
km.start_kernel()
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=60)


def round_trip():
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
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


first = round_trip()
for _ in range(20):
    round_trip()
times = [round_trip() for _ in range(trips)]
kc.stop_channels()
km.shutdown_kernel(now=False)
print(json.dumps({
    "ready": ready, "ready_median": statistics.median(ready),
    "first_cell_reply": first[0],
    "reply_median": statistics.median(t[0] for t in times), "idle_median": statistics.median(t[1] for t in times),
    "reply_p90": sorted(t[0] for t in times)[int(len(times) * 0.9)],
}))
