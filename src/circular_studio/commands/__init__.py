"""One module per command-line command. Each exposes ``add_parser(subparsers)`` and
``run(args) -> int`` (the exit status). cli.py only wires them together."""
