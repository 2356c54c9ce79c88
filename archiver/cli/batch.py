"""`archiver batch`: recompute every reuse pair of an archive from scratch, in one process or
on Apache Spark."""

from __future__ import annotations

import json

import click

from . import COUNT, App, db_option, pass_app


@click.command()
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="local: one process; spark: Apache Spark (PySpark, the 'spark' extra, and Java 17).",
)
@click.option(
    "--master",
    metavar="URL",
    default=None,
    help="Spark master (default local[*]; under spark-submit, what it was given).",
)
@click.option(
    "--input",
    "input_",
    metavar="PATH",
    default=None,
    help="Read the articles from an export (`archiver export` JSON lines, or Parquet with "
    "--engine spark) instead of the archive; the archive, when there is one, still gives "
    "the boilerplate and templates `add` learned.",
)
@click.option(
    "--output",
    metavar="DIR",
    default=None,
    help="Write pairs/ and clusters/ as Parquet under DIR (--engine spark) instead of "
    "replacing the archive's pairs.",
)
@click.option("--partitions", type=COUNT, default=None, metavar="N", help="Spark partitions.")
@click.option(
    "--conf",
    "confs",
    metavar="KEY=VALUE",
    multiple=True,
    help="A Spark setting, as spark-submit takes it (repeatable), e.g. "
    "spark.driver.memory=8g (local runs default to 4g).",
)
@click.option("--json", "as_json", is_flag=True, help='Print {"pairs", "clusters", "seconds"}.')
@click.option("--quiet", is_flag=True, help="Only the summary.")
@db_option
@pass_app
def batch(app: App, engine, master, input_, output, partitions, confs, as_json, quiet):
    """Recompute every reuse pair and cluster from scratch, and replace the stored pairs.

    The same stages as `add` (signatures, the LSH stop rules, alignment, the boilerplate
    judgement, provenance), run over the whole archive at once: in this process
    (--engine local) or on Apache Spark (--engine spark, local[*] by default; the same
    command runs under spark-submit on a cluster). Clusters are built from the verified
    pairs.

    \b
    Examples:
        archiver batch
        archiver batch --engine spark --json
        archiver export > articles.jsonl
        archiver batch --engine spark --input articles.jsonl --output pairs-parquet/
        archiver batch --engine spark --conf spark.driver.memory=8g
    """
    from ..batch import run
    from ..errors import ArchiveError
    from .add import Progress

    talk = not (quiet or as_json)
    conf = {}
    for item in confs:
        key, equals, value = item.partition("=")
        if not (key.strip() and equals and value.strip()):
            raise click.UsageError(
                f"--conf {item!r} is not a Spark setting; write it as KEY=VALUE, "
                "e.g. --conf spark.driver.memory=8g"
            )
        conf[key.strip()] = value.strip()

    def say(message: str) -> None:
        if talk:
            click.echo(message, err=True)

    archive = None
    if input_ is not None and output is not None:
        try:
            archive = app.open()
        except ArchiveError:
            say("No archive to read learned boilerplate and templates from: none is left out.")
    else:
        archive = app.open()
    result = run(
        engine=engine,
        archive=archive,
        export=input_,
        output=output,
        master=master,
        partitions=partitions,
        conf=conf,
        say=say,
        progress_factory=(lambda total: Progress(total, "Verifying")) if talk else None,
    )
    if as_json:
        click.echo(json.dumps(result.to_json()))
        return
    where = f"written to {output}" if output else "stored in the archive (replacing its pairs)"
    click.echo(
        f"{result.articles:,} articles, {result.candidates:,} candidate pairs verified: "
        f"{_n(len(result.pairs), 'pair')} and {_n(result.clusters, 'cluster')} {where}, in "
        f"{result.seconds:.1f} s ({result.engine})."
    )


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
