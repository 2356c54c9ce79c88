"""archiver: archive scraped news articles and trace where their text came from.

The library API (the CLI is a thin layer over it)::

    import archiver

    with archiver.Archive.open("archive.db", create=True) as archive:
        for result in archiver.add_paths(archive, ["samples/"]):
            print(result.status, result.id, result.title)
        for hit in archiver.search(archive, '"wind farm"', since="2024-05-01"):
            print(hit.id, hit.title, hit.plain_snippet)
"""

__version__ = "0.1.0"

# Imported on first use, so that `import archiver` stays cheap.
_EXPORTS = {
    "Archive": "archive",
    "ArticleRecord": "archive",
    "Options": "options",
    "add_paths": "ingest",
    "Overrides": "ingest",
    "reclean_article": "ingest",
    "search": "fts",
    "trace": "tracing",
    "ArchiverError": "errors",
    "ArchiveError": "errors",
    "InputError": "errors",
    "UsageError": "errors",
    "StorageError": "errors",
    "ReadOnlyError": "errors",
    "DiskFullError": "errors",
    "ArchiveBusyError": "errors",
}
__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        from importlib import import_module

        value = getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'archiver' has no attribute {name!r}")
