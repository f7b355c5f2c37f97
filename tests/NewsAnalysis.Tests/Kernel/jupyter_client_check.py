"""Drives news-kernel with the real jupyter_client (Debian's python3-jupyter-client) and prints one JSON object of
facts observed, for JupyterKernelTests to assert. Usage: jupyter_client_check.py KERNEL_NAME WORK_DIR
(JUPYTER_PATH must point at the folder holding the kernelspec)."""
import json, os, signal, subprocess, sys, tempfile, threading, time

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

kernel_name, work = sys.argv[1], sys.argv[2]
facts = {}


def alive(pid):
    """True while the process exists and is not a zombie waiting for its (new) parent to reap it."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def run(kc, code, timeout=120):
    """Executes code; returns (reply content, [(msg_type, content)] of its iopub messages)."""
    msgs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=lambda m: msgs.append((m["msg_type"], m["content"])))
    return reply["content"], msgs


def interrupt_loop(kc, interrupt, code="while (true) { }"):
    """Starts an endless loop, interrupts it once it runs, returns (seconds from interrupt to reply, reply content)."""
    msg_id = kc.execute(code)
    while True:
        m = kc.get_iopub_msg(timeout=60)
        if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "execute_input":
            break
    time.sleep(0.5)
    start = time.monotonic()
    interrupt()
    while True:
        reply = kc.get_shell_msg(timeout=30)
        if reply["parent_header"].get("msg_id") == msg_id:
            return time.monotonic() - start, reply["content"]


stderr_file = tempfile.TemporaryFile(mode="w+")


def report_failure(kind, value, tb):
    """On a failed check, the kernel's own stderr goes with the traceback (what it logged is the evidence)."""
    sys.__excepthook__(kind, value, tb)
    stderr_file.seek(0)
    print("--- kernel stderr ---\n" + stderr_file.read()[-4000:], file=sys.stderr)


sys.excepthook = report_failure
# Started the way a Jupyter server started in the background is (`jupyter lab &`, nohup, a CI job): SIGINT ignored, a
# disposition every kernel it launches inherits. The SIGINT interrupt below must work all the same.
signal.signal(signal.SIGINT, signal.SIG_IGN)
km = KernelManager(kernel_name=kernel_name)
started = time.monotonic()
km.start_kernel(cwd=work, stderr=stderr_file)
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=60)
facts["ready_seconds"] = time.monotonic() - started
pid = km.provisioner.process.pid

# kernel_info
kc.kernel_info()
info = kc.get_shell_msg(timeout=10)["content"]
facts["kernel_info"] = {k: info.get(k) for k in ("status", "protocol_version", "implementation")}
facts["language"] = info["language_info"]["name"]

# heartbeat: a raw REQ socket on the hb port gets its ping back
ctx = zmq.Context.instance()
hb = ctx.socket(zmq.REQ)
hb.linger = 0
hb.connect(f"tcp://{km.ip}:{km.hb_port}")
hb.send(b"ping-news")
facts["heartbeat"] = hb.recv().decode() if hb.poll(5000) else None
hb.close()

# a result, stdout, a display and its update
reply, msgs = run(kc, "1 + 1")
facts["result"] = {"status": reply["status"], "count": reply["execution_count"],
                   "data": [c["data"] for t, c in msgs if t == "execute_result"],
                   "states": [c["execution_state"] for t, c in msgs if t == "status"],
                   "input": [c["code"] for t, c in msgs if t == "execute_input"]}
reply, msgs = run(kc, 'Console.WriteLine("hello from C#"); var kept = 40;')
facts["stdout"] = "".join(c["text"] for t, c in msgs if t == "stream" and c["name"] == "stdout")
reply, msgs = run(kc, 'var h = display("first"); h.Update("second");')
facts["display"] = [(t, c.get("transient", {}).get("display_id"), c["data"]["text/plain"]) for t, c in msgs if t in ("display_data", "update_display_data")]
reply, msgs = run(kc, "Console.ReadLine()")
facts["stdin"] = {"status": reply["status"], "evalue": reply.get("evalue")}

# a compile error, then the kernel still answers with the state it had
reply, msgs = run(kc, 'int broken = "text";')
facts["compile_error"] = {"status": reply["status"], "ename": reply.get("ename"), "evalue": reply.get("evalue"),
                          "iopub_errors": [c["ename"] for t, c in msgs if t == "error"]}
reply, msgs = run(kc, "kept + 2")
facts["after_error"] = [c["data"]["text/plain"] for t, c in msgs if t == "execute_result"]

# is_complete and completion
facts["is_complete"] = {}
for code in ("if (kept > 1) {", "kept + 1", "kept +;"):
    kc.is_complete(code)
    facts["is_complete"][code] = kc.get_shell_msg(timeout=10)["content"]["status"]
kc.complete("Console.Wr", 10)
facts["complete"] = kc.get_shell_msg(timeout=30)["content"]
kc.complete("kep", 3)
facts["complete_variable"] = kc.get_shell_msg(timeout=30)["content"]["matches"]
kc.inspect("Console.WriteLine", 10)
facts["inspect"] = kc.get_shell_msg(timeout=30)["content"]
kc.comm_info()
facts["comm_info"] = kc.get_shell_msg(timeout=10)["content"]

# interrupt by message (the kernelspec's interrupt_mode) and by SIGINT; then a normal cell; the loop has stopped
seconds, reply = interrupt_loop(kc, km.interrupt_kernel)
facts["interrupt"] = {"seconds": seconds, "status": reply["status"], "ename": reply.get("ename")}
seconds, reply = interrupt_loop(kc, lambda: os.kill(pid, signal.SIGINT))
facts["sigint"] = {"seconds": seconds, "status": reply["status"], "ename": reply.get("ename")}
reply, msgs = run(kc, "kept * 2")
facts["after_interrupt"] = [c["data"]["text/plain"] for t, c in msgs if t == "execute_result"]
# the interrupted loop really stopped (it is not left spinning in the background): its counter no longer moves
run(kc, "public static class Spin { public static long Turns; }")
seconds, reply = interrupt_loop(kc, km.interrupt_kernel, "while (true) { Spin.Turns++; }")
reply, msgs = run(kc, "var seen = Spin.Turns; System.Threading.Thread.Sleep(1000); (seen > 0, Spin.Turns - seen)")
facts["spin_after_interrupt"] = [c["data"]["text/plain"] for t, c in msgs if t == "execute_result"]

# a message signed with another key is dropped unread: its side effect never happens
marker = os.path.join(work, "wrong-signature-ran")
bad = Session(key=b"not-the-key", username="intruder")
bad_msg = bad.send(kc.shell_channel.socket, "execute_request",
         {"code": f'System.IO.File.WriteAllText(@"{marker}", "ran");', "silent": False, "store_history": True,
          "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
answers = []
deadline = time.monotonic() + 2
while time.monotonic() < deadline:
    try:
        answers.append(kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic())))
    except Exception:
        break
bad_reply = any(a["parent_header"].get("msg_id") == bad_msg["header"]["msg_id"] for a in answers)
reply, msgs = run(kc, f'System.IO.File.Exists(@"{marker}")')
facts["wrong_signature"] = {"replied": bool(bad_reply), "file_written": os.path.exists(marker),
                            "kernel_says": [c["data"]["text/plain"] for t, c in msgs if t == "execute_result"]}

# restart: a new process and an empty session
km.restart_kernel(now=False)
kc.wait_for_ready(timeout=60)
new_pid = km.provisioner.process.pid
reply, msgs = run(kc, "kept")
after_restart = run(kc, "3 * 3")[1]
facts["restart"] = {"new_process": new_pid != pid, "old_alive": alive(pid),
                    "kept_status": reply["status"], "fresh": [c["data"]["text/plain"] for t, c in after_restart if t == "execute_result"]}

process = km.provisioner.process
kc.stop_channels()
km.shutdown_kernel(now=False)
facts["shutdown_exit_code"] = process.wait(timeout=10)
stderr_file.seek(0)
facts["kernel_stderr"] = stderr_file.read()

# parent death: a client process starts the kernel and is killed; the kernel must not outlive it
child = subprocess.Popen([sys.executable, "-c", f"""
import sys, time
from jupyter_client.manager import KernelManager
km = KernelManager(kernel_name={kernel_name!r})
km.start_kernel(cwd={work!r})
kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=60)
print(km.provisioner.process.pid, flush=True)
time.sleep(600)
"""], stdout=subprocess.PIPE, text=True)
orphan_pid = int(child.stdout.readline())
child.kill()
child.wait()
deadline = time.monotonic() + 10
while time.monotonic() < deadline and alive(orphan_pid):
    time.sleep(0.1)
facts["orphan_after_parent_death"] = alive(orphan_pid)
facts["orphan_seconds"] = time.monotonic() - (deadline - 10)

print(json.dumps(facts))
