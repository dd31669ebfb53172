"""The write path is tested on the datasets the site tests load."""

from tests.site.conftest import bundled_db, mini_db

__all__ = ["bundled_db", "mini_db"]
