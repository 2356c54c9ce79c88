"""`python -m archiver`: the same as the `archiver` command."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="archiver")
