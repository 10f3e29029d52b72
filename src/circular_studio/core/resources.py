"""Where templates and resources live, from a checkout or an installed wheel.

In a checkout they sit at the repository's top level; the wheel ships them inside the package
as ``circular_studio/_data/{templates,resources}`` (see pyproject's force-include).
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent.parent


def _find(name: str) -> Path:
    env = os.environ.get(f"CIRCULAR_STUDIO_{name.upper()}")
    if env:
        return Path(env)
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / name  # src/circular_studio -> repo root
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"cannot find the '{name}' folder (looked in {installed} and {checkout})")


def templates_dir() -> Path:
    return _find("templates")


def resources_dir() -> Path:
    return _find("resources")


def user_data_dir() -> Path:
    """The user's own data (autosaves, the words they added to the speller):
    ``CIRCULAR_STUDIO_DATA_DIR``, else the platform's user data folder."""
    env = os.environ.get("CIRCULAR_STUDIO_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("circular-studio", appauthor=False))


def examples_dir() -> Path:
    return resources_dir() / "examples"


@lru_cache(maxsize=None)
def load_json(name: str) -> dict:
    """A JSON file of resources/, parsed once per process."""
    with open(resources_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)
