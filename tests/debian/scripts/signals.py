# python3 signals: handlers, kill to self, an interval timer interrupting a
# busy loop, alarm interrupting a sleep, terminating a child.
import os, signal, subprocess, time
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
os.kill(os.getpid(), signal.SIGUSR1)
print("sigusr1", got == [signal.SIGUSR1])
def on_alarm(s, f): raise TimeoutError("alarm")
signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.2)
try:
    while True: pass
except TimeoutError as e:
    print("busy loop interrupted by", e)
signal.signal(signal.SIGALRM, on_alarm); signal.alarm(1)
try:
    time.sleep(10)
except TimeoutError:
    print("sleep interrupted")
child = subprocess.Popen(["sleep", "30"])
child.terminate(); print("terminated", child.wait())
