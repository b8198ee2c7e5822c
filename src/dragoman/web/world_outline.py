"""Make static/world.json, the offline world outline the map draws (run once, by hand).

The map must work with no internet and no tile server, so dragoman ships country
outlines as SVG paths. They come from Natural Earth's 1:110m countries (public domain),
as shipped in geopandas 0.14.4's `naturalearth_lowres` dataset:

    pip download geopandas==0.14.4 --no-deps -d /tmp/gpd && cd /tmp/gpd && unzip -o *.whl
    python -m dragoman.web.world_outline \
        /tmp/gpd/geopandas/datasets/naturalearth_lowres/naturalearth_lowres > world.json

Coordinates are plate carrée (x = longitude, y = -latitude), rounded to 0.1 degree, which
keeps the file small (the map is a few hundred pixels wide) and needs no projection code.
Only the standard library reads the shapefile, so the script needs no extra package.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

POLYGON = 5
SOURCE = (
    "Natural Earth 1:110m admin-0 countries (public domain, naturalearthdata.com), "
    "from geopandas 0.14.4 naturalearth_lowres; simplified to 0.1 degree"
)


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Every record of a polygon shapefile as a list of rings of (lon, lat)."""
    shapes, pos = [], 100  # the main file header is 100 bytes
    while pos < len(shp):
        _, words = struct.unpack(">ii", shp[pos : pos + 8])
        shapes.append(_rings(shp[pos + 8 : pos + 8 + words * 2]))
        pos += 8 + words * 2
    return shapes


def _rings(content: bytes) -> list[list[tuple[float, float]]]:
    if struct.unpack("<i", content[:4])[0] != POLYGON:
        return []
    nparts, npoints = struct.unpack("<ii", content[36:44])
    parts = list(struct.unpack(f"<{nparts}i", content[44 : 44 + 4 * nparts])) + [npoints]
    base = 44 + 4 * nparts
    points = [struct.unpack("<dd", content[base + 16 * i : base + 16 * i + 16]) for i in range(npoints)]
    return [points[parts[i] : parts[i + 1]] for i in range(nparts)]


def read_table(dbf: bytes) -> list[dict]:
    """The attribute rows of a dBASE file (character and numeric fields as text)."""
    nrecords, header, record = struct.unpack("<IHH", dbf[4:12])
    fields, pos = [], 32
    while dbf[pos] != 0x0D:
        name = dbf[pos : pos + 11].split(b"\0")[0].decode()
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(nrecords):
        raw, offset, row = dbf[header + i * record : header + (i + 1) * record], 1, {}
        for name, size in fields:
            row[name] = raw[offset : offset + size].decode("utf-8", "replace").strip()
            offset += size
        rows.append(row)
    return rows


def ring_path(ring: list[tuple[float, float]]) -> str:
    points, last = [], None
    for lon, lat in ring:
        point = f"{lon:.1f} {-lat:.1f}".replace("-0.0", "0.0")
        if point != last:
            points.append(point)
            last = point
    if len(points) < 4:  # a ring smaller than the rounding disappears
        return ""
    return "M" + "L".join(points) + "Z"


def outline(stem: Path) -> dict:
    shapes = read_polygons(stem.with_suffix(".shp").read_bytes())
    rows = read_table(stem.with_suffix(".dbf").read_bytes())
    countries = []
    for row, rings in zip(rows, shapes):
        d = "".join(ring_path(r) for r in rings)
        if d:
            countries.append({"iso3": row.get("iso_a3", ""), "name": row.get("name", ""), "d": d})
    return {"source": SOURCE, "countries": countries}


if __name__ == "__main__":
    json.dump(outline(Path(sys.argv[1])), sys.stdout, separators=(",", ":"))
