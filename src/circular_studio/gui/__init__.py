"""The PySide6 editor: main window, schema-generated form, page preview, findings panel."""
import sys


def _keep_none_alive() -> None:
    """PySide6 6.12 returns None from every void method without taking a reference to it (as if
    None were immortal, which it is only from Python 3.12 on). On Python 3.10/3.11 each call
    of a void Qt method from Python (``item.setText(…)``, ``proxy.invalidate()``) therefore
    takes one reference from None, and after some ten thousand calls the interpreter aborts with
    "Fatal Python error: none_dealloc: deallocating None" — mid-session or at exit. Giving None
    a huge reference count makes it as good as immortal there, as Python 3.12 does (PEP 683)."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):  # immortal, or a debug build
        return
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40  # ob_refcnt is PyObject's first field


_keep_none_alive()
