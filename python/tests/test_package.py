"""The package as shipped: the notebook-style example runs, and the type stubs check."""
import os
import shutil
import subprocess
import sys

import pytest


def test_example_notebook_runs_and_plots(source_dir, tmp_path):
    out = tmp_path / "dist.png"
    env = dict(os.environ, MPLBACKEND="Agg")
    p = subprocess.run([sys.executable, str(source_dir / "examples" / "flagship_models.py"), str(out)],
                       capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    assert "compromise" in p.stdout and "eu" in p.stdout
    assert out.stat().st_size > 10_000 and out.read_bytes()[:4] == b"\x89PNG"


def test_package_type_checks_with_its_stubs(tmp_path):
    pytest.importorskip("mypy", reason="python3-mypy is not installed (scripts/install-deps installs it)")
    import entente
    usage = tmp_path / "usage.py"
    usage.write_text(
        "import entente\n"
        "s: entente.Scenario = entente.load('x.yaml')\n"
        "s.issue('a').stance('US').salience = 0.5\n"
        "f = entente.forecast(s, 'eu', rounds=8)\n"
        "t = f.trajectory('a')\n"
        "r = entente.simulate(s, draws=10, noise=10)\n"
        "n: float = s.issues[0].stances[0].position\n")
    package = os.path.dirname(os.path.dirname(entente.__file__))
    p = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", os.path.join(package, ".mypy_cache"),
                        "entente", str(usage)],
                       capture_output=True, text=True, cwd=package, env=dict(os.environ, MYPYPATH=package))
    assert p.returncode == 0, p.stdout + p.stderr


def test_make_install_gives_an_importable_package(tmp_path):
    build = os.environ.get("ENTENTE_BUILD_DIR")
    if not build:
        pytest.skip("ENTENTE_BUILD_DIR is not set (run through ctest)")
    cmake = os.environ.get("CMAKE_COMMAND") or shutil.which("cmake")
    prefix = tmp_path / "prefix"
    p = subprocess.run([cmake, "--install", build, "--prefix", str(prefix)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert (prefix / "bin" / "entente").exists()
    site = next(prefix.glob("lib/python3*/dist-packages"))
    assert {"py.typed", "_core.pyi", "__init__.py"} <= {f.name for f in (site / "entente").iterdir()}
    env = dict(os.environ, PYTHONPATH=str(site))
    p = subprocess.run([sys.executable, "-c", "import entente; print(entente.__file__); print(len(entente.models()))"],
                       capture_output=True, text=True, env=env, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout.splitlines()[0].startswith(str(site))
