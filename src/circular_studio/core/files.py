"""Files the user chose: reading UTF-8 text with one-line reasons when it cannot be read, and
the one atomic writer every save goes through (drafts, exports, autosave, corrected copies)."""
from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

from .errors import StudioError

# A letter is a few pages; a draft a few hundred kilobytes. A text input larger than this is not
# a letter (a log, a database dump, a file chosen by mistake) and is refused before it is read.
MAX_TEXT_BYTES = 10 * 1024 * 1024

# A temporary file older than this, left beside a file by a save that was interrupted (power cut,
# kill -9), is removed by the next save of the same file. Younger ones may be a save under way.
STALE_TEMP_SECONDS = 60


def read_utf8(path: Path, error: type[StudioError], what: str = "the file",
              max_bytes: int = MAX_TEXT_BYTES) -> str:
    """The file's text (a BOM is skipped). Unreadable, too large, non-UTF-8 or binary files raise
    ``error`` with the path and the reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise error(_too_large(path, size, max_bytes))
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)  # the size read, whatever stat said (a growing file, a pipe)
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        raise error(_too_large(path, len(raw), max_bytes))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    if "\x00" in text:
        raise error(f"{path}: not a text file (contains NUL bytes)")
    return text


def _too_large(path: Path, size: int, limit: int) -> str:
    return (f"{path}: too large to be a letter ({size / 2**20:.1f} MB; the limit is "
            f"{limit // 2**20} MB): is it the right file?")


# ---------------------------------------------------------------- saving


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, flushed and fsynced,
    renamed over the target, then the folder fsynced so that the rename survives a power cut.
    On failure the temporary file is removed, the target is untouched, and the OSError
    propagates for the caller to explain. Temporary files of earlier interrupted saves of the
    same file are removed."""
    path = Path(os.path.realpath(path))  # saving onto a symbolic link updates what it points to
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes 0600: give the file a normal file's mode
            os.fchmod(fd, _file_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


def _temp_pattern(path: Path) -> re.Pattern:
    # mkstemp's names: prefix + 8 characters of [a-z0-9_] + suffix
    return re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}" + re.escape(".tmp"))


def remove_stale_temps(path: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove ``.NAME.xxxxxxxx.tmp`` files beside ``path`` left by interrupted saves (older than
    ``older_than`` seconds, so that a save under way in another window is left alone)."""
    folder = path.parent if str(path.parent) else Path(".")
    pattern, now, removed = _temp_pattern(path), time.time(), []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime >= older_than:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); where folders cannot be opened (Windows), nothing to do."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _file_mode(path: Path) -> int:
    """The mode the written file should have: the replaced file's, else what open() would give
    (0666 less the umask), so a saved draft or an exported letter stays readable by colleagues."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        pass
    umask = 0o022
    try:  # read without os.umask(), which would change it for a moment in every thread
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                umask = int(line.split()[1], 8)
                break
    except (OSError, ValueError, IndexError):
        pass
    return 0o666 & ~umask
