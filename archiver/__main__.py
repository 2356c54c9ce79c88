"""The `archiver` command (and `python -m archiver`), Ctrl-C taken care of from the start.

The command line imports SQLAlchemy, numpy and trafilatura, which takes about a second; Ctrl-C
then must end the program with status 130 and one line, not a traceback. So the handler is set
before those imports (this module imports nothing of the package), and once a command runs,
the first Ctrl-C becomes KeyboardInterrupt (the command says how far it got) while another one
stops the program at once: everything archived is already whole (one transaction an article).
"""

import contextlib
import os
import signal
import sys

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
STARTING = "Interrupted before anything was done."
AGAIN = "Interrupted again: stopped at once; everything archived before is kept whole."
#: Said when Ctrl-C comes as the command ends (the command says it itself when it runs).
AT_THE_END = (
    "Interrupted; whatever was written before is kept whole (each article is stored in its "
    "own transaction)."
)


def _stop_now(message: str):
    def handler(signum, frame):
        # One line, however many more Ctrl-Cs come while it is written.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # What was printed so far (the lines of archived articles); interrupted in the middle
        # of a write, the stream cannot be flushed, and there is nothing more to save.
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        try:
            os.write(2, f"{message}\n".encode())
        finally:
            os._exit(EXIT_INTERRUPTED)

    return handler


def _interrupt(signum, frame):
    """The first Ctrl-C while a command runs; any further one stops the program at once."""
    signal.signal(signal.SIGINT, _stop_now(AGAIN))
    raise KeyboardInterrupt


def main() -> None:
    """Run the command line; the ``archiver`` console script."""
    # An ignored SIGINT (a job started with nohup, or in the background by a script) stays so.
    handles = signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    if handles:
        signal.signal(signal.SIGINT, _stop_now(STARTING))
    from archiver.cli import main as command

    if not handles:
        command(prog_name="archiver")
        return
    signal.signal(signal.SIGINT, _interrupt)
    try:
        try:
            command(prog_name="archiver")
        finally:
            # The command is done (its exit status is set): Ctrl-C while Python shuts down
            # would kill the process by the signal (status -2, once Python gives SIGINT
            # back to the system) or raise where nothing catches it.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    except KeyboardInterrupt:
        # Came after the command handled its own, before the line above.
        os.write(2, f"{AT_THE_END}\n".encode())
        sys.exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    main()
