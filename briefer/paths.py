"""Where Briefer's files are: resources, data and user folders, in every layout it runs from.

Three layouts exist: a source checkout (``resources/`` and ``data/`` beside the package), an
installed wheel (both copied into the package) and a frozen bundle (both under the bundle's
root). Nothing else in Briefer builds these paths.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from briefer.meta import APP_NAME

DB_ENV = "BRIEFER_DB"
USER_DIR_ENV = "BRIEFER_USER_DIR"
TRUSTED_KEYS_ENV = "BRIEFER_TRUSTED_KEYS"
BUNDLED_DB_NAME = "briefer.db"
USER_DB_NAME = "user.db"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundle_root() -> Path | None:
    meipass = getattr(sys, "_MEIPASS", None)
    return Path(meipass) if getattr(sys, "frozen", False) and meipass else None


def _root_for(name: str) -> Path:
    """The folder holding ``resources`` or ``data`` in the current layout."""
    bundle = _bundle_root()
    if bundle is not None:
        return bundle / name
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    return _root_for("resources")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def licenses_dir() -> Path | None:
    """The third-party licence texts shipped in a bundle (``LICENSES``), else None."""
    bundle = _bundle_root()
    folder = bundle / "LICENSES" if bundle is not None else None
    return folder if folder is not None and folder.is_dir() else None


def data_dir() -> Path:
    """The folder with the dataset's source files and the built database."""
    return _root_for("data")


def is_source_checkout() -> bool:
    """True when running from a clone, where ``data/`` may be rebuilt in place."""
    return _bundle_root() is None and not (_PACKAGE_DIR / "data").is_dir()


def bundled_db_path() -> Path:
    return data_dir() / BUNDLED_DB_NAME


def reference_db_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The reference database to open: ``--db``, else ``$BRIEFER_DB``, else the bundled one."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return bundled_db_path()


def user_data_dir() -> Path:
    """The writable folder for the user database; ``$BRIEFER_USER_DIR`` overrides it."""
    from_env = os.environ.get(USER_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir as platform_user_data_dir

    return Path(platform_user_data_dir(APP_NAME, appauthor=False, roaming=False))


def user_db_path() -> Path:
    return user_data_dir() / USER_DB_NAME


def user_config_dir() -> Path:
    """Where an administrator puts configuration (``trusted-keys``); with
    ``$BRIEFER_USER_DIR`` set, that folder serves for it too."""
    from_env = os.environ.get(USER_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_config_dir as platform_user_config_dir

    return Path(platform_user_config_dir(APP_NAME, appauthor=False, roaming=False))


def trusted_key_dirs() -> list[Path]:
    """Folders of public keys whose data packs are trusted: the project's own (shipped in
    ``resources/keys``), the administrator's ``trusted-keys``, and ``$BRIEFER_TRUSTED_KEYS``."""
    folders = [resources_dir() / "keys", user_config_dir() / "trusted-keys"]
    from_env = os.environ.get(TRUSTED_KEYS_ENV)
    if from_env:
        folders.append(Path(from_env).expanduser())
    return folders
