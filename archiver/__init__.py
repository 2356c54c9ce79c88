"""archiver: archive scraped news articles and trace where their text came from."""

__version__ = "0.1.0"
