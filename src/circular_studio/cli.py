"""The command line: ``circular-studio [DRAFT]`` opens the editor; ``render`` and ``check``
work without a screen. Errors are one line on stderr and a non-zero exit status."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from circular_studio import __version__
from circular_studio.core.errors import StudioError

from circular_studio import commands

# Every module of circular_studio.commands is a command of the same name (``add_parser`` + ``run``):
# adding a command is adding a module.
COMMANDS = [(m.name, m.name) for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="circular-studio",
        description="Draft, preview, check and export circular letters (Arabic, French, English).",
        epilog="Without a command: `circular-studio` opens the editor, `circular-studio DRAFT.json` "
               "opens a draft in it, `circular-studio LETTER.docx|.md|.txt` opens a letter drafted "
               "elsewhere in its check view. `circular-studio COMMAND --help` explains each command.")
    parser.add_argument("--version", action="version", version=f"circular-studio {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for _name, module in COMMANDS:
        importlib.import_module(f".commands.{module}", __package__).add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in {n for n, _ in COMMANDS} and not argv[0].startswith("-")):
        return _open_editor(argv)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _open_editor([])
    module = importlib.import_module(f".commands.{dict(COMMANDS)[args.command]}", __package__)
    try:
        return module.run(args)
    except StudioError as exc:
        print(f"circular-studio: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _open_editor(paths: list[str]) -> int:
    import os

    if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM")):
        print("circular-studio: no screen to open the editor on (DISPLAY is not set); run it under "
              "xvfb-run, or use the commands that need no screen: circular-studio render/check "
              "(see --help)", file=sys.stderr)
        return 2
    try:
        from circular_studio.gui.app import run_app  # lazy: Qt loads only when the editor opens
    except ImportError as exc:  # Qt missing or system libraries absent
        print(f"circular-studio: cannot start the editor: {exc}", file=sys.stderr)
        return 2
    return run_app(paths)


if __name__ == "__main__":
    sys.exit(main())
