import threading

from tests.support.threads import run_together


def test_work_runs_once_per_call_at_the_same_time_and_its_failures_come_back() -> None:
    inside: list[str] = []
    everyone_in = threading.Barrier(3, timeout=5)  # passes only if all three run at once

    def work(name: str) -> None:
        inside.append(name)
        everyone_in.wait()
        if name == "bob":
            raise AssertionError("bob failed")

    errors = run_together(work, [("ann",), ("bob",), ("cy",)])
    assert sorted(inside) == ["ann", "bob", "cy"]
    assert [str(error) for error in errors] == ["bob failed"]
