"""Memory and time are bounded by design, whatever the input: sizes are checked before reading,
no more than the limit is ever read (files, devices, standard input), the cleaner's work is
bounded by documented limits on lines and words, and nothing that is not a regular file is
ever opened, so a named pipe in a folder cannot hang a batch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

import pytest

from archiver.settings import Settings

from .conftest import article_text

MB = 1_000_000
#: The bound on a single input's peak memory (resident set) that these tests hold the
#: command to, start-up and imports included.
RSS_LIMIT = 500 * MB
#: Address space the child gets: a regression runs out of memory fast instead of eating the
#: machine.
ADDRESS_SPACE = 3_000 * MB


@dataclass
class Run:
    """How one run of the command went: exit status, output, peak RSS in bytes, seconds."""

    status: int
    out: str
    err: str
    rss: int
    seconds: float

    def bounded(self, seconds: float) -> None:
        print(f"peak RSS {self.rss / MB:.0f} MB, {self.seconds:.1f} s")  # shown with -s
        assert self.rss < RSS_LIMIT, f"peak RSS {self.rss / MB:.0f} MB"
        assert self.seconds < seconds, f"{self.seconds:.1f} s"


#: Runs the command as its own child and writes the child's peak RSS (bytes) to the file
#: named by $RSS_FILE. A process's peak RSS counts the memory of the process it was forked
#: from until it execs, so the command must not be forked from this test process, which
#: grows as the suite runs: this small launcher forks it instead.
_LAUNCHER = """
import os, resource, subprocess, sys
def limit():
    resource.setrlimit(resource.RLIMIT_AS, (int(os.environ["ADDRESS_SPACE"]),) * 2)
proc = subprocess.Popen([sys.executable, "-m", "archiver", *sys.argv[1:]], preexec_fn=limit)
_, status, usage = os.wait4(proc.pid, 0)
with open(os.environ["RSS_FILE"], "w") as f:
    f.write(str(usage.ru_maxrss * 1024))  # kilobytes on Linux
code = os.waitstatus_to_exitcode(status)
if code < 0:
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


def _archiver(*args, cwd, stdin=subprocess.DEVNULL, timeout=120) -> Run:
    """Run the real command and measure its own peak resident set size (see ``_LAUNCHER``)."""
    rss_file = cwd / "rss.txt"
    env = {
        **os.environ,
        "ARCHIVER_DB": str(cwd / "archive.db"),
        "ADDRESS_SPACE": str(ADDRESS_SPACE),
        "RSS_FILE": str(rss_file),
    }
    out_path, err_path = cwd / "stdout.log", cwd / "stderr.log"
    started = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCHER, *map(str, args)],
            cwd=cwd,
            env=env,
            stdin=stdin,
            stdout=out,
            stderr=err,
            start_new_session=True,  # the command and its launcher are stopped together
        )
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            pytest.fail(f"archiver {' '.join(map(str, args))} still ran after {timeout} s")
    seconds = time.monotonic() - started
    rss = int(rss_file.read_text())
    return Run(proc.returncode, out_path.read_text(), err_path.read_text(), rss, seconds)


def test_a_30_mb_file_of_ten_million_short_lines_is_refused_fast_in_bounded_memory(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_bytes(b"ab\n" * 10_000_000)  # 30 MB, under the 50 MB size limit
    run = _archiver("add", path, cwd=tmp_path)
    assert run.status == 1, run.err
    assert run.err.endswith(
        f"error: {path}: the file has more than 100,000 lines, far more than any page "
        "holds; split it into its articles and add those\n"
    )
    run.bounded(seconds=30)


def test_a_30_mb_page_of_prose_is_refused_by_its_length(tmp_path):
    line = ("The council met on Tuesday to discuss the harbour plan and its cost. " * 10) + "\n"
    path = tmp_path / "prose.txt"
    path.write_text(line * (30 * MB // len(line)), encoding="utf-8")
    run = _archiver("add", path, cwd=tmp_path)
    assert run.status == 1, run.err
    assert run.err.endswith(
        f"error: {path}: the file's text is longer than 4,000,000 characters, far more than "
        "any page holds; split it into its articles and add those\n"
    )
    run.bounded(seconds=30)


def test_the_longest_article_the_limits_accept_is_archived_in_bounded_memory(tmp_path):
    """Just under the word limit (and well under the others): archived, indexed for reuse
    (every passage numbered), in bounded memory and time."""
    words = [f"w{i % 7919}x{i % 13}" for i in range(490_000)]
    lines = [" ".join(words[i : i + 70]) + "." for i in range(0, len(words), 70)]
    path = tmp_path / "report.txt"
    path.write_text("A Very Long Report\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    assert len(path.read_text()) < Settings().max_chars
    run = _archiver("add", path, cwd=tmp_path)
    assert run.status == 0, run.err
    assert run.out.startswith("added     #1     A Very Long Report")
    run.bounded(seconds=60)
    import sqlite3

    conn = sqlite3.connect(tmp_path / "archive.db")
    passages = conn.execute("SELECT passages FROM reuse_signatures").fetchone()[0]
    assert passages > 40_000
    highest = conn.execute("SELECT max(passage) FROM lsh_bands").fetchone()[0]
    assert highest >> 16 == 1  # every passage numbered inside article 1's range


def test_the_longest_chinese_page_the_limits_accept_is_archived_in_bounded_memory(tmp_path):
    """Just under the character limit, in a script whose characters take three bytes in
    UTF-8 and that the cleaner measures character by character."""
    import random

    rng = random.Random(7)
    common = "的了是在和有我他她这那也就不都一个们来到说要会对与为而及被从之其"
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)] + list(common) * 40
    lines = [
        "，".join("".join(rng.choices(chars, k=20)) for _ in range(8)) + "。" for _ in range(23_000)
    ]
    text = "\n".join(lines)
    assert 0.9 * Settings().max_chars < len(text) < Settings().max_chars
    path = tmp_path / "zh.txt"
    path.write_text(text, encoding="utf-8")
    run = _archiver("add", path, cwd=tmp_path)
    assert run.status == 0, run.err
    assert run.out.startswith("added     #1 ")
    run.bounded(seconds=60)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(3_000 * MB)  # sparse: 3 GB that take no disk
    run = _archiver("add", path, cwd=tmp_path)
    assert run.status == 1, run.err
    assert run.err.endswith(
        f"error: {path}: the file is larger than 50 MB; split it or raise --max-size\n"
    )
    run.bounded(seconds=30)


def test_an_endless_device_is_refused_without_reading_it(tmp_path):
    run = _archiver("add", "/dev/zero", cwd=tmp_path, timeout=60)
    assert run.status == 1, run.err
    assert run.err.endswith(
        "error: /dev/zero: is a device, not a file; archiver reads regular files only "
        "(use - for standard input)\n"
    )


def test_endless_standard_input_stops_at_the_size_limit(tmp_path):
    with open("/dev/zero", "rb") as zeros:  # `yes | archiver add -`, but faster
        run = _archiver("add", "--max-size", "5", "-", cwd=tmp_path, stdin=zeros, timeout=60)
    assert run.status == 1, run.err
    assert run.err.endswith(
        "error: -: the input is larger than 5 MB; split it or raise --max-size\n"
    )
    assert run.rss < RSS_LIMIT, f"peak RSS {run.rss / MB:.0f} MB"


def test_standard_input_under_the_limit_is_archived(cli):
    result = cli("add", "-", input=article_text())
    assert result.exit_code == 0, result.output
    assert "added     #1     Council Weighs New Harbour Plan" in result.output


def test_a_named_pipe_in_a_folder_is_named_and_never_opened(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text(article_text("harbour"), encoding="utf-8")
    os.mkfifo(folder / "b.txt")  # nobody ever writes to it: opening it would block forever
    (folder / "c.txt").write_text(article_text("bridge"), encoding="utf-8")
    run = _archiver("add", folder, cwd=tmp_path, timeout=60)
    assert run.status == 1, run.err
    assert (
        f"error: {folder / 'b.txt'}: is a named pipe (FIFO), not a file; archiver reads "
        "regular files only\n"
    ) in run.err
    assert run.err.endswith("2 added, 0 already archived, 1 failed.\n")
    assert len(run.out.splitlines()) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_an_unreadable_subfolder_is_named_and_counted_as_failed(write, cli, tmp_path):
    write("inbox/a.txt", article_text("harbour"))
    write("inbox/locked/b.txt", article_text("bridge"))
    write("inbox/z.txt", article_text("tunnel"))
    locked = tmp_path / "inbox" / "locked"
    locked.chmod(0)
    try:
        result = cli("add", tmp_path / "inbox")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1
    assert (
        f"error: {locked}: the folder cannot be read (permission denied), so the files in it "
        "were not added; check its permissions\n"
    ) in result.output
    assert "2 added, 0 already archived, 1 failed." in result.output


def _limited(**limits) -> Settings:
    return Settings(**limits)


@pytest.mark.parametrize(
    ("text", "limits", "said"),
    [
        ("a\n" * 11, {"max_lines": 10}, "the file has more than 10 lines"),
        ("word " * 11, {"max_words": 10}, "the file holds more than 10 words"),
        ("x" * 101, {"max_chars": 100}, "the file's text is longer than 100 characters"),
    ],
)
def test_each_limit_of_a_text_page_is_one_sentence(tmp_path, text, limits, said):
    import archiver
    from archiver.archive import Archive

    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    with Archive.open(str(tmp_path / "a.db"), create=True) as archive:
        (result,) = archiver.add_paths(
            archive, [str(tmp_path / "page.txt")], settings=_limited(**limits)
        )
    assert result.status == "error"
    assert result.error.startswith(f"{tmp_path / 'page.txt'}: {said}, far more than any")


def test_html_limits_count_tags_and_leave_inline_images_out(tmp_path):
    import archiver
    from archiver.archive import Archive

    story = "<p>" + article_text("harbour").replace("\n\n", "</p><p>") + "</p>"
    image = '<img src="data:image/png;base64,' + "QUJD" * 5000 + '">'
    pages = {
        "tags.html": f"<html><body>{story}{'<br>' * 600}</body></html>",
        "long.html": f"<html><body>{story}<p>{'more words ' * 2000}</p></body></html>",
        "image.html": f"<html><body>{story}{image}</body></html>",
    }
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
    settings = _limited(max_tags=500, max_html_chars=15_000)
    with Archive.open(str(tmp_path / "a.db"), create=True) as archive:
        results = {
            os.path.basename(r.path): r
            for r in archiver.add_paths(
                archive, [str(tmp_path / n) for n in pages], settings=settings
            )
        }
    assert results["tags.html"].error.endswith(
        "the page has more than 500 HTML tags, far more than any web page; save the "
        "article's page alone, or add its text with --format text"
    )
    assert results["long.html"].error.endswith(
        "the page is longer than 15,000 characters (not counting inline images), far more "
        "than any web page; save the article's page alone, or add its text with --format text"
    )
    assert results["image.html"].status == "added", results["image.html"].error


def test_the_word_limit_keeps_every_passage_of_an_article_indexable():
    """Passages are numbered in 16 bits in the reuse index (article id << 16 | passage): the
    longest article the word limit lets in must have fewer passages than that."""
    from archiver.passages import DEFAULT
    from archiver.reuse import PASSAGE_BITS

    most = Settings().max_words // DEFAULT.stride + 2
    assert most < 1 << PASSAGE_BITS


def test_an_article_of_900k_words_is_refused_up_front(tmp_path):
    """It would have 75,000 passages: more than the reuse index numbers in 16 bits."""
    line = " ".join(["ab"] * 70) + ".\n"
    path = tmp_path / "book.txt"
    path.write_text(line * (900_000 // 70), encoding="utf-8")
    run = _archiver("add", path, cwd=tmp_path)
    assert run.status == 1, run.err
    assert run.err.endswith(
        f"error: {path}: the file holds more than 500,000 words, far more than any article; "
        "split it into its articles and add those\n"
    )
    run.bounded(seconds=30)


def test_the_index_never_numbers_passages_into_another_article():
    import numpy as np

    from archiver.passages import DEFAULT
    from archiver.reuse import PASSAGE_BITS, _band_rows

    sigs = np.ones(((1 << PASSAGE_BITS) + 1, DEFAULT.num_perm), dtype=np.uint32)
    with pytest.raises(ValueError, match="has 65,537 passages"):
        _band_rows(7, sigs, DEFAULT)
