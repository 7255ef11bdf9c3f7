"""Exactly one scheduler per database: an advisory lock on PostgreSQL, a file lock on SQLite."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from monitor.store.locks import LockBusy, hold_lock

HOLDER = """
import sys
from monitor.store.locks import hold_lock
with hold_lock(sys.argv[1], "scheduler"):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_a_second_scheduler_on_the_same_database_is_refused_naming_the_first(database_url):
    with hold_lock(database_url, "scheduler"):
        with pytest.raises(LockBusy, match=rf"another scheduler is already running against .*\(pid {os.getpid()} on .* since "):
            with hold_lock(database_url, "scheduler"):
                pass


def test_the_lock_is_free_again_once_the_holder_lets_go(database_url):
    with hold_lock(database_url, "scheduler"):
        pass

    with hold_lock(database_url, "scheduler"):
        pass


def test_locks_of_different_names_do_not_block_each_other(database_url):
    with hold_lock(database_url, "scheduler"), hold_lock(database_url, "alerts"):
        pass


def test_a_lock_held_by_another_process_is_refused_and_freed_when_that_process_dies(database_url):
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, database_url], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(LockBusy, match=rf"\(pid {child.pid} on "):
            with hold_lock(database_url, "scheduler"):
                pass
    finally:
        child.kill()
        child.wait()

    with hold_lock(database_url, "scheduler", wait=30):  # the server may take a moment to notice
        pass
