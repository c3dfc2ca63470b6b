# python3 processes: subprocess, os.fork, pipes, wait statuses.
import os, sys, subprocess
r = subprocess.run(["echo", "hello from echo"], capture_output=True, text=True)
print("run", r.returncode, r.stdout.strip())
r = subprocess.run(["sh", "-c", "printf 'a\\nb\\n' | wc -l; exit 4"], capture_output=True, text=True)
print("shell", r.returncode, r.stdout.strip())
p = subprocess.Popen([sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
print("popen", p.communicate("piped text")[0].strip(), p.returncode)
print("check_output", subprocess.check_output(["seq", "3"]).split())
pid = os.fork()
if pid == 0:
    os._exit(17)
_, st = os.waitpid(pid, 0)
print("fork", os.WIFEXITED(st), os.WEXITSTATUS(st))
rfd, wfd = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(rfd); os.write(wfd, b"through the pipe"); os._exit(0)
os.close(wfd); data = os.read(rfd, 100); os.waitpid(pid, 0)
print("pipe", data.decode())
