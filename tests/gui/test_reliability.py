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


HOSTILE_BODIES = {
    "a huge loop": "{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}",
    "a long word": "a" * 80_000,
    "bidi overrides": "\u202e" * 30_000,
    "control: a normal body": "Madame, Monsieur, la réunion aura lieu le 3 mars 2026 à Genève.",
}


@pytest.mark.parametrize("body", HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_editor_on_hostile_body_responds_to_a_click(make_window, example, qtbot, body):
    """Preview and checks ran on the GUI thread: no response for 60 s on such a body (1-2 s
    after the linear fixes). Now they run in a worker and a click is handled within 200 ms at any
    moment while the letter is built and checked."""
    import json
    import time

    from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QCheckBox

    path = example("000")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["languages"]["fr"]["body"] = body
    path.write_text(json.dumps(data), encoding="utf-8")
    w = make_window()
    qtbot.waitExposed(w)  # the window's own first layout and paint are not the letter's
    assert w.open_path(str(path))
    box = next(b for b in w.form.findChildren(QCheckBox) if b.isVisibleTo(w))
    latencies, posted = [], []

    def click(due):
        posted.append(due)  # when the user clicked: a timer blocked by a busy window fires late
        centre = QPointF(box.rect().center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.postEvent(box, QMouseEvent(kind, centre, centre, Qt.MouseButton.LeftButton,
                                                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))

    box.toggled.connect(lambda _on: latencies.append(time.monotonic() - posted[-1]) if posted else None)
    w.schedule_preview(0)
    start = time.monotonic()
    for i in range(12):  # clicks over 3 s, while the preview is built and the letter checked
        QTimer.singleShot(250 * i, lambda due=start + 0.25 * i: click(due))
    qtbot.waitUntil(lambda: len(latencies) == 12, timeout=20_000)
    # clicks within 200 ms, none past 500 ms (before: 1-2 s). Two of twelve may take longer:
    # room for the scheduler of a shared machine (2 cores, load 8 while this was written), where
    # the window's thread waits for a core or for the worker's interpreter lock
    shown = [round(x, 3) for x in latencies]
    assert sorted(latencies)[-3] < 0.2 and max(latencies) < 0.5, shown
