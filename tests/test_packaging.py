"""An installed wheel finds its templates and resources without a checkout."""
import os
import subprocess
import sys

from tests.conftest import ROOT


def test_wheel_carries_templates_and_resources(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("*.whl")
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    probe = ("import circular_studio.core.resources as r, circular_studio.core.model.lettertypes as lt;"
             "print(r.templates_dir()); print(sorted(lt.letter_types()))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True,
                         text=True, check=True, timeout=60).stdout
    assert str(target) in out.splitlines()[0]
    assert "invitation" in out
