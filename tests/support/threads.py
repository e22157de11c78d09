"""Run the same work in several threads at once, as racing requests or processes would."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence


def run_together(work: Callable[..., object], calls: Sequence[tuple[object, ...]]) -> list[BaseException]:
    """`work(*arguments)` for each of `calls`, each in its own thread, released together (a barrier) so they
    race; waits for all. Returns what they raised, failed assertions included, for the test to assert on."""
    start = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(arguments: tuple[object, ...]) -> None:
        try:
            start.wait()
            work(*arguments)
        except BaseException as error:  # noqa: BLE001 - handed to the test, which asserts there are none
            errors.append(error)

    threads = [threading.Thread(target=run, args=(arguments,)) for arguments in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
