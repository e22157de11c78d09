"""Run the same work in several threads at once, as racing requests or processes would."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence


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


@contextlib.contextmanager
def held_in_another_thread(transaction: Callable[[], contextlib.AbstractContextManager[object]],
                           inside: Callable[[object], object] = lambda _: None) -> Iterator[None]:
    """Open `transaction()` in another thread, run `inside(session)` in it, and keep it open while the
    block runs (a writer holding the lock, for a test of who waits); it commits when the block ends."""
    holding, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def hold() -> None:
        try:
            with transaction() as session:
                inside(session)
                holding.set()
                release.wait(10)
        except BaseException as error:  # noqa: BLE001 - raised again in the test's thread
            errors.append(error)
            holding.set()

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert holding.wait(10), "the transaction did not open within 10 s"
        if errors:
            raise errors[0]
        yield
    finally:
        release.set()
        thread.join()
    if errors:
        raise errors[0]
