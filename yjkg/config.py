"""Settings, in one place: each is a CLI flag and an environment variable of the same name.

``--store`` is ``YJKG_STORE``, ``--port`` is ``YJKG_PORT``, and so on; a flag wins over the
variable, and the variable over the default.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import click


@dataclass(frozen=True)
class Setting:
    flag: str
    default: object
    help: str
    type: object = str
    is_flag: bool = False

    @property
    def envvar(self) -> str:
        return "YJKG_" + self.flag.upper().replace("-", "_")

    def from_env(self) -> object:
        """The value from the environment variable, parsed as the CLI parses it, else the default."""
        raw = os.environ.get(self.envvar)
        if raw is None:
            return self.default
        kind = click.BOOL if self.is_flag else click.types.convert_type(self.type)
        return kind.convert(raw, None, None)

    def option(self):  # type: ignore[no-untyped-def]
        """A click option reading the flag, then the environment variable, then the default."""
        return click.option(f"--{self.flag}", envvar=self.envvar, default=self.default, show_default=True,
                            type=None if self.is_flag else self.type, is_flag=self.is_flag,
                            help=f"{self.help} [env {self.envvar}]")


STORE = Setting("store", "instance/store", "Store: a directory (embedded Oxigraph, created on first use) "
                "or the URL of a SPARQL 1.1 endpoint.")
HOST = Setting("host", "127.0.0.1", "Address the web server listens on.")
PORT = Setting("port", 5000, "Port the web server listens on.", int)
THREADS = Setting("threads", 4, "Worker threads of the web server.", int)
ALLOW_WRITES = Setting("allow-writes", False, "Open the store for writing and enable the upload page.",
                       is_flag=True)
MEMORY = Setting("memory", False, "Serve reads from a copy of the embedded store in memory (faster queries; "
                 "memory and start-up grow with the store; not with --allow-writes).", is_flag=True)
QUERY_TIMEOUT = Setting("query-timeout", 30.0, "Seconds a query may run before it is stopped.", float)
MAX_ROWS = Setting("max-rows", 10000, "Rows a query may return before it is cut off (and says so).", int)
MAX_UPLOAD_MB = Setting("max-upload-mb", 20, "Largest report file the upload page takes, in MiB.", int)
