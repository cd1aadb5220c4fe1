"""numpy without copies, the GIL released during runs, Ctrl-C, progress, Jupyter rendering."""
import _thread
import gc
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest

import entente


def test_draws_are_a_read_only_view_owned_by_a_capsule(flagship):
    r = entente.simulate(flagship, draws=2000, noise=10)
    d = r.draws
    assert d.dtype == np.float64 and d.shape == (2000, len(flagship.issues))
    assert not d.flags.owndata and not d.flags.writeable
    assert type(d.base).__name__ == "PyCapsule"
    frame = r.draws_frame()
    assert np.shares_memory(frame.to_numpy(), d), "draws_frame must not copy"
    with pytest.raises(ValueError):
        d[0, 0] = 1.0
    assert entente.simulate(flagship, draws=10, noise=10, keep_draws=False).draws is None


def test_trajectory_view_keeps_its_run_alive(flagship):
    f = entente.forecast(flagship, "eu")
    t = f.trajectory("opcon_transfer")
    first = t.copy()
    assert not t.flags.owndata and not t.flags.writeable
    assert t.shape[0] > 1
    del f
    gc.collect()
    np.testing.assert_array_equal(t, first)
    assert entente.forecast(flagship, "median").trajectory(0).shape == (0, len(flagship.issues[0].stances))


def test_same_seed_same_draws_whatever_the_threads(flagship):
    a = entente.simulate(flagship, draws=3000, noise=10, seed=9, threads=1).draws
    b = entente.simulate(flagship, draws=3000, noise=10, seed=9, threads=2).draws
    np.testing.assert_array_equal(a, b)
    c = entente.simulate(flagship, draws=3000, noise=10, seed=10, threads=2).draws
    assert not np.array_equal(a, c)


def test_gil_is_released_during_a_simulation(flagship):
    done = threading.Event()

    def work():
        # stop="converge": eu's slowest stopping rule, so the run lasts long enough to measure.
        entente.simulate(flagship, "eu", draws=300, noise=10, keep_draws=False, stop="converge")
        done.set()

    t = threading.Thread(target=work)
    t.start()
    spins = 0
    while not done.is_set():  # pure-Python work that needs the GIL
        spins += 1
    t.join()
    assert spins > 10000, "the main thread barely ran: the simulation held the GIL"


def test_progress_is_reported_from_the_calling_thread(flagship):
    calls = []
    caller = threading.get_ident()
    # stop="converge" keeps the run longer than the 0.1 s between progress reports.
    entente.simulate(flagship, "eu", draws=400, noise=10, keep_draws=False, stop="converge",
                     progress=lambda done, total: calls.append((done, total, threading.get_ident())))
    assert calls, "progress was never called"
    assert all(tid == caller for _, _, tid in calls)
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)
    assert all(total in (0, 400) for _, total, _ in calls)


def test_interrupt_stops_a_simulation(flagship):
    timer = threading.Timer(0.5, _thread.interrupt_main)
    start = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        entente.simulate(flagship, "eu", draws=10_000_000, noise=10, keep_draws=False)
    elapsed = time.monotonic() - start
    timer.cancel()
    assert elapsed < 20, f"took {elapsed:.1f}s to stop"
    # The module still works afterwards.
    assert entente.simulate(flagship, draws=100, noise=10).draws.shape[0] == 100


def test_ctrl_c_signal_interrupts_a_child_python(flagship_path):
    code = textwrap.dedent(f"""
        import sys, entente
        s = entente.load({str(flagship_path)!r})
        print("running", flush=True)
        entente.simulate(s, "eu", draws=10_000_000, noise=10, keep_draws=False)
        print("finished")
    """)
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=os.environ.copy())
    assert p.stdout.readline().strip() == "running"
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    try:
        out, err = p.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        pytest.fail("SIGINT did not stop the simulation")
    assert "KeyboardInterrupt" in err
    assert "finished" not in out
    assert p.returncode != 0


def test_results_render_in_jupyter(flagship):
    f = entente.forecast(flagship, "eu")
    html = f._repr_html_()
    assert "<table" in html and "<svg" in html and "opcon_transfer" in html
    r = entente.simulate(flagship, draws=500, noise=10)
    html = r._repr_html_()
    assert "<table" in html and html.count("<svg") == len(flagship.issues)
    assert "<table" in entente.cohesion(flagship)._repr_html_()
    assert "<table" in flagship._repr_html_() and "U.S.-ROK" in flagship._repr_html_()


def test_an_exception_in_the_progress_callback_stops_the_run(flagship):
    class Stop(Exception):
        pass

    def progress(done, total):
        if done > 0:
            raise Stop()

    start = time.monotonic()
    with pytest.raises(Stop):
        entente.simulate(flagship, "eu", draws=10_000_000, noise=10, keep_draws=False, progress=progress)
    assert time.monotonic() - start < 20
