"""A TCP proxy in front of the test server that can fall silent like a pulled cable.

`hold()` stops passing bytes either way while every connection stays open: the kernel still accepts what
the client sends, so the client just waits for an answer that never comes (no error, no reset), which is
what a server behind a dead Wi-Fi looks like. `release()` passes them again.
"""

from __future__ import annotations

import selectors
import socket
import threading
import time


class SilentProxy:
    def __init__(self, target_port: int):
        self.target = ("127.0.0.1", target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held = threading.Event()
        self.closing = threading.Event()
        self.peers: dict[socket.socket, socket.socket] = {}
        self.thread = threading.Thread(target=self._run, name="silent-proxy", daemon=True)
        self.thread.start()

    def url(self, database: str, user: str = "livedesk") -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def hold(self) -> None:
        self.held.set()

    def release(self) -> None:
        self.held.clear()

    def close(self) -> None:
        self.closing.set()
        self.thread.join(5)
        for sock in list(self.peers):
            sock.close()
        self.listener.close()

    def _run(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self.listener, selectors.EVENT_READ)
            while not self.closing.is_set():
                if self.held.is_set():  # nothing read, nothing accepted: the kernel queues it all
                    time.sleep(0.02)
                    continue
                for key, _ in selector.select(timeout=0.05):
                    sock = key.fileobj
                    if sock is self.listener:
                        client, _ = self.listener.accept()
                        server = socket.create_connection(self.target)
                        self.peers[client], self.peers[server] = server, client
                        selector.register(client, selectors.EVENT_READ)
                        selector.register(server, selectors.EVENT_READ)
                    else:
                        self._pass(selector, sock)

    def _pass(self, selector: selectors.BaseSelector, sock: socket.socket) -> None:
        other = self.peers.get(sock)
        if other is None:  # its pair was closed earlier in this same round
            return
        try:
            data = sock.recv(65536)
        except OSError:
            data = b""
        if data:
            other.sendall(data)
            return
        for end in (sock, other):  # one side closed: close the pair
            selector.unregister(end)
            self.peers.pop(end, None)
            end.close()
