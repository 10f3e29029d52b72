"""The editor under hostile or unlucky input (issue 15): the autosave setting is honoured."""
import pytest

pytestmark = pytest.mark.gui


def _window_with_setting(make_window, example, qtbot, seconds):
    from circular_studio.gui.settings import Settings

    s = Settings()
    s.autosave_seconds = seconds
    s.save()
    w = make_window()
    assert w.open_path(str(example("001")))
    qtbot.waitUntil(lambda: "CL-19/59" in w.preview.plain_text(), timeout=3000)
    return w


def test_autosave_seconds_is_honoured(make_window, example, qtbot):
    """The setting was read and ignored (always 3 s)."""
    w = _window_with_setting(make_window, example, qtbot, 1)
    assert w.autosaver._timer.interval() == 1000
    qtbot.keyClicks(w.form.editor("contact_name").edit, " (acting)")
    qtbot.waitUntil(w.autosaver.path.exists, timeout=3000)


def test_autosave_off(make_window, example, qtbot):
    w = _window_with_setting(make_window, example, qtbot, 0)
    qtbot.keyClicks(w.form.editor("contact_name").edit, " (acting)")
    qtbot.wait(300)
    assert not w.autosaver._timer.isActive() and not w.autosaver.path.exists()
