# python3 sockets over loopback: TCP server thread, UDP, socketpair, selectors.
import socket, threading, selectors
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0)); srv.listen(4)
port = srv.getsockname()[1]
def serve():
    for _ in range(3):
        c, _ = srv.accept()
        with c:
            msg = b""
            while not msg.endswith(b"\n"): msg += c.recv(100)
            c.sendall(msg.upper())
t = threading.Thread(target=serve); t.start()
for i in range(3):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(b"message %d\n" % i); print("tcp", s.recv(100).decode().strip())
t.join(); srv.close()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))
v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); v.sendto(b"datagram", u.getsockname())
print("udp", u.recvfrom(100)[0].decode())
a, b = socket.socketpair(); a.sendall(b"pair"); print("socketpair", b.recv(10).decode())
sel = selectors.DefaultSelector(); sel.register(b, selectors.EVENT_READ)
a.sendall(b"x"); print("selector", len(sel.select(timeout=5)))
