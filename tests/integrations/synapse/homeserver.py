"""A real Synapse homeserver for the end-to-end tests: generated config, SQLite, loopback only.

``Homeserver(folder, modules)`` writes ``homeserver.yaml`` (the ``modules:`` list comes from the
README's snippet, see ``readme_snippet``), generates the signing key, starts
``python -m synapse.app.homeserver`` as a child process and waits for ``/health``. Users are
registered through the shared-secret admin API; ``Client`` drives the client-server API.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Final

import httpx
import yaml

REPO: Final = Path(__file__).resolve().parents[3]
SERVER_NAME: Final = "bastion.test"
START_TIMEOUT: Final = 180.0
GENEROUS: Final = {"per_second": 1000, "burst_count": 1000}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def readme_snippet(mode: str) -> list[dict[str, Any]]:
    """The ``modules:`` list of the README's ``homeserver.yaml`` snippet for ``mode``: the block
    right after the ``<!-- synapse-snippet: MODE -->`` marker, so the docs cannot drift."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(
        rf"<!-- synapse-snippet: {re.escape(mode)} -->\s*```yaml\n(.*?)```", text, re.DOTALL
    )
    assert found, f"README has no synapse-snippet for {mode}"
    parsed = yaml.safe_load(found.group(1))
    modules = parsed["modules"]
    assert isinstance(modules, list)
    return modules


class Client:
    """One logged-in user on the client-server API."""

    def __init__(self, base: str, user_id: str, token: str) -> None:
        self.user_id, self.token = user_id, token
        self.http = httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60.0
        )

    def call(self, method: str, path: str, body: Any = None, **kw: Any) -> httpx.Response:
        return self.http.request(method, path, json=body, **kw)

    def create_room(self, name: str = "lobby") -> str:
        response = self.call("POST", "/_matrix/client/v3/createRoom", {"preset": "public_chat"})
        assert response.status_code == 200, response.text
        return str(response.json()["room_id"])

    def join(self, room: str) -> None:
        response = self.call("POST", f"/_matrix/client/v3/join/{room}", {})
        assert response.status_code == 200, response.text

    def send(self, room: str, body: str, **content: Any) -> httpx.Response:
        txn = secrets.token_hex(8)
        message = {"msgtype": "m.text", "body": body, **content}
        return self.call(
            "PUT", f"/_matrix/client/v3/rooms/{room}/send/m.room.message/{txn}", message
        )

    def set_display_name(self, name: str) -> httpx.Response:
        return self.call(
            "PUT", f"/_matrix/client/v3/profile/{self.user_id}/displayname", {"displayname": name}
        )

    def upload(self, data: bytes, content_type: str = "image/png") -> httpx.Response:
        return self.http.post(
            "/_matrix/media/v3/upload",
            content=data,
            headers={"Content-Type": content_type},
            params={"filename": "avatar.png"},
        )

    def messages(self, room: str) -> list[dict[str, Any]]:
        response = self.call(
            "GET", f"/_matrix/client/v3/rooms/{room}/messages", params={"dir": "b", "limit": 100}
        )
        assert response.status_code == 200, response.text
        return list(response.json()["chunk"])

    def bodies(self, room: str) -> list[str]:
        return [
            str(e["content"].get("body"))
            for e in self.messages(room)
            if e["type"] == "m.room.message" and "body" in e.get("content", {})
        ]


class Homeserver:
    """Start with ``start()``, stop with ``stop()``; ``log`` holds Synapse's log file."""

    def __init__(self, folder: Path, modules: list[dict[str, Any]]) -> None:
        self.folder = folder
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.secret = secrets.token_hex(16)
        self.log = folder / "homeserver.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.clients: list[Client] = []
        folder.mkdir(parents=True, exist_ok=True)
        self.config_path = folder / "homeserver.yaml"
        self.config_path.write_text(yaml.safe_dump(self.config(modules)), encoding="utf-8")
        (folder / "log.yaml").write_text(
            yaml.safe_dump(
                {
                    "version": 1,
                    "formatters": {
                        "plain": {"format": "%(asctime)s %(name)s %(levelname)s %(message)s"}
                    },
                    "handlers": {
                        "file": {
                            "class": "logging.FileHandler",
                            "filename": str(self.log),
                            "formatter": "plain",
                        }
                    },
                    "loggers": {
                        "bastion": {"level": "INFO"},
                        "synapse.storage.SQL": {"level": "WARNING"},
                    },
                    "root": {"level": "WARNING", "handlers": ["file"]},
                    "disable_existing_loggers": False,
                }
            ),
            encoding="utf-8",
        )

    def config(self, modules: list[dict[str, Any]]) -> dict[str, Any]:
        d = self.folder
        return {
            "server_name": SERVER_NAME,
            "pid_file": str(d / "homeserver.pid"),
            "listeners": [
                {
                    "port": self.port,
                    "bind_addresses": ["127.0.0.1"],
                    "type": "http",
                    "tls": False,
                    "x_forwarded": False,
                    "resources": [{"names": ["client"], "compress": False}],
                }
            ],
            "database": {"name": "sqlite3", "args": {"database": str(d / "homeserver.db")}},
            "log_config": str(d / "log.yaml"),
            "media_store_path": str(d / "media"),
            "signing_key_path": str(d / "signing.key"),
            "registration_shared_secret": self.secret,
            "macaroon_secret_key": secrets.token_hex(16),
            "form_secret": secrets.token_hex(16),
            "report_stats": False,
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            "enable_registration": True,
            "enable_registration_without_verification": True,
            "url_preview_enabled": False,
            "presence": {"enabled": False},
            "enable_metrics": False,
            "user_directory": {"enabled": True, "search_all_users": True},
            "rc_message": GENEROUS,
            "rc_registration": GENEROUS,
            "rc_joins": {"local": GENEROUS, "remote": GENEROUS},
            "rc_login": {"address": GENEROUS, "account": GENEROUS, "failed_attempts": GENEROUS},
            "rc_invites": {"per_room": GENEROUS, "per_user": GENEROUS},
            "rc_admin_redaction": GENEROUS,
            "rc_media_create": GENEROUS,
            "rc_presence": {"per_user": GENEROUS},
            "modules": modules,
        }

    def start(self) -> Homeserver:
        python = sys.executable
        subprocess.run(
            [
                python,
                "-m",
                "synapse.app.homeserver",
                "-c",
                str(self.config_path),
                "--generate-keys",
            ],
            check=True,
            capture_output=True,
            cwd=self.folder,
        )
        with (self.folder / "stdout.log").open("wb") as out:
            self.process = subprocess.Popen(
                [python, "-m", "synapse.app.homeserver", "-c", str(self.config_path)],
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.folder,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"synapse exited {self.process.returncode}:\n{self.tail()}")
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"synapse did not answer within {START_TIMEOUT} s:\n{self.tail()}")

    def tail(self, lines: int = 60) -> str:
        parts = []
        for name in ("stdout.log", "homeserver.log"):
            path = self.folder / name
            if path.exists():
                parts.append("\n".join(path.read_text(errors="replace").splitlines()[-lines:]))
        return "\n".join(parts)

    def stop(self) -> None:
        for client in self.clients:
            client.http.close()
        self.clients.clear()
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def register(self, localpart: str, *, admin: bool = False) -> Client:
        """A user made through the shared-secret admin API, logged in."""
        url = f"{self.base}/_synapse/admin/v1/register"
        nonce = httpx.get(url, timeout=30).json()["nonce"]
        password = secrets.token_hex(12)
        mac = hmac.new(self.secret.encode(), digestmod=hashlib.sha1)
        for part in (nonce, localpart, password, "admin" if admin else "notadmin"):
            mac.update(part.encode())
            if part != ("admin" if admin else "notadmin"):
                mac.update(b"\x00")
        body = {
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": mac.hexdigest(),
        }
        response = httpx.post(url, json=body, timeout=60)
        assert response.status_code == 200, response.text
        data = response.json()
        client = Client(self.base, data["user_id"], data["access_token"])
        self.clients.append(client)
        return client
