"""Zips that depend only on the files in them: the same sources give the same bytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so a rebuild on another day gives the same zip


def write_zip(source: Path, zip_path: Path, prefix: str = "") -> Path:
    """Every file under ``source``, in name order, stored under ``prefix``/ (or at the top)."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in source.rglob("*") if p.is_file())
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            name = "/".join(filter(None, (prefix, path.relative_to(source).as_posix())))
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return zip_path
