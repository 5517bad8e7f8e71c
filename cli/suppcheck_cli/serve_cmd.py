"""`suppcheck serve`: the CDS Hooks service and POST /check over HTTP (needs the server extra)."""

from __future__ import annotations

import typer

from suppcheck_cli.common import USAGE


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default)"),
    port: int = typer.Option(8080, "--port", help="TCP port"),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes (each loads the graph once)"),
) -> None:
    """Serve CDS Hooks (discovery, order-select, order-sign, patient-view) and POST /check."""
    try:
        import fastapi  # noqa: F401
        import fhir.resources  # noqa: F401
        import uvicorn
    except ImportError:
        from suppcheck_cli.render import error

        error("the service needs the server extra: pip install 'suppcheck[server]'")
        raise typer.Exit(USAGE) from None
    import uvicorn

    uvicorn.run("suppcheck_cli.service:app_factory", factory=True, host=host, port=port, workers=workers,
                log_level="info", access_log=True)
