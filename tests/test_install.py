"""A real, non-editable install must carry the migrations and work from any folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """``pip install .`` (a built wheel, not a link to the checkout) into a fresh folder.

    Dependencies come from the running environment; the package itself from the wheel.
    """
    target = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-cache-dir",
            "--target",
            str(target),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    return target


def _run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    env.pop("ARCHIVER_DB", None)
    return subprocess.run(
        [str(installed / "bin" / "archiver"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_wheel_ships_the_migrations(installed):
    versions = installed / "archiver" / "migrations" / "versions"
    assert (installed / "archiver" / "migrations" / "env.py").is_file()
    assert sorted(p.name for p in versions.glob("0*.py")) == sorted(
        p.name for p in (REPO / "migrations" / "versions").glob("0*.py")
    )


def test_the_wheel_ships_every_module_of_the_source(installed):
    """Every module under archiver/ is in the wheel: a package left out of setup.cfg would be
    missing from a real install (an editable one would not show it)."""
    source = REPO / "archiver"
    modules = {p.relative_to(source) for p in source.rglob("*.py") if "__pycache__" not in p.parts}
    shipped = {
        p.relative_to(installed / "archiver")
        for p in (installed / "archiver").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert modules - shipped == set()


def test_installed_command_creates_and_checks_an_archive_elsewhere(installed, tmp_path):
    (tmp_path / "story.txt").write_text(
        "A Quiet Harbour\n\n"
        + "The harbour master said on Monday that the new pier would open in the spring, "
        "after two years of delays caused by storms, funding gaps and a long dispute over "
        "who would pay for the dredging of the channel beside the old fish market.\n" * 3,
        encoding="utf-8",
    )
    added = _run(installed, tmp_path, "add", "story.txt")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("added     #1 ")
    checked = _run(installed, tmp_path, "db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.endswith("OK\n")
    where = subprocess.run(
        [sys.executable, "-c", "import archiver; print(archiver.__file__)"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(installed)), where


def test_the_wheel_ships_the_datasette_metadata(installed, tmp_path):
    shown = subprocess.run(
        [sys.executable, "-m", "archiver.datasette", "news.db"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    meta = json.loads(shown.stdout)
    assert meta["databases"]["news"]["tables"]["articles"]["fts_table"] == "articles_fts"
