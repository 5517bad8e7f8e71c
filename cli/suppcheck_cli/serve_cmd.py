"""`suppcheck serve`: the CDS Hooks service and POST /check over HTTP (needs the server extra)."""

from __future__ import annotations

import errno
import socket

import typer

from suppcheck_cli.common import INTERNAL, handle_errors


@handle_errors
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default)"),
    port: int = typer.Option(8080, "--port", min=0, max=65535, help="TCP port"),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes (each loads the graph once)"),
) -> None:
    """Serve CDS Hooks (discovery, order-select, order-sign, patient-view) and POST /check."""
    from suppcheck_cli.render import error

    try:
        import fastapi  # noqa: F401
        import fhir.resources  # noqa: F401
        import uvicorn

        from suppcheck_cli import service
    except ImportError:
        error("the service needs the server extra: pip install 'suppcheck[server]'")
        raise typer.Exit(INTERNAL) from None
    problem = port_problem(host, port)
    if problem:
        error(problem)
        raise typer.Exit(INTERNAL)
    # One worker: the graph loads here, so a broken graph is exit 4 before anything listens.
    app: object = service.create_app() if workers == 1 else "suppcheck_cli.service:app_factory"
    try:
        uvicorn.run(app, factory=workers > 1, host=host, port=port, workers=workers, log_level="info",
                    access_log=True, http=service.HeaderTimeoutProtocol, timeout_keep_alive=5,
                    h11_max_incomplete_event_size=16 * 1024, limit_concurrency=service.LIMIT_CONCURRENCY)
    except SystemExit as exc:
        if exc.code not in (0, None):
            error(f"the service stopped: it could not start or keep listening on {host}:{port}")
            raise typer.Exit(INTERNAL) from None


def port_problem(host: str, port: int) -> str | None:
    """Why the service could not listen on host:port, or None; checked before uvicorn starts."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        return f"cannot listen on '{host}': {getattr(exc, 'strerror', None) or exc}"
    for family, kind, proto, _name, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            # uvicorn binds with SO_REUSEADDR too: a port in TIME_WAIT is free for it.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    return f"port {port} is in use; choose another with --port"
                return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None
