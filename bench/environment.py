"""Where a benchmark ran: the code's revision and the machine, printed with every result.

The machine is shared and kotakg's working tree changes under the benches, so a figure is
only worth something with the revision, the cores and the load average beside it.
"""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

import pyoxigraph

ROOT = Path(__file__).resolve().parent.parent


def revision() -> str:
    """``git describe --always --dirty`` of the checkout, or "unknown" outside git."""
    try:
        done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                              capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return done.stdout.strip()


def machine() -> dict:
    """Cores, CPU model, Python and pyoxigraph versions, and the load average now."""
    return {"cores": os.cpu_count(), "cpu": _cpu_model(), "python": platform.python_version(),
            "pyoxigraph": pyoxigraph.__version__, "revision": revision(),
            "load_average": [round(v, 2) for v in os.getloadavg()]}


def describe(info: dict, after: list[float]) -> str:
    """One line for the end of a table."""
    before = ", ".join(f"{v:.1f}" for v in info["load_average"])
    return (f"Revision {info['revision']}; {info['cores']} cores ({info['cpu']}), Python "
            f"{info['python']}, pyoxigraph {info['pyoxigraph']}; load average before / after: "
            f"{before} / {', '.join(f'{v:.1f}' for v in after)}.")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"
