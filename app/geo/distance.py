"""Great-circle distances, in Python and in SQL, checked against geopy's geodesic."""

import math

from sqlalchemy import case, func

EARTH_RADIUS_KM = 6371.0088  # mean radius, as geopy's great_circle uses


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the distance in km between two points on the mean Earth sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """Return (min_lat, max_lat, min_lon, max_lon) enclosing the circle, for an index prefilter."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    coslat = max(math.cos(math.radians(lat)), 0.01)
    dlon = min(180.0, math.degrees(radius_km / (EARTH_RADIUS_KM * coslat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def sql_haversine_a(lat_col, lon_col, lat: float, lon: float):
    """The haversine term `a` (0 to 1) from (lat, lon) to the columns' point; distance grows with a.

    A search can take the least `a` of a service's locations and work out the distance of that
    one alone, rather than the distance of every location.
    """
    rlat, rlon = math.radians(lat), math.radians(lon)
    lat2, lon2 = func.radians(lat_col), func.radians(lon_col)
    return func.power(func.sin((lat2 - rlat) / 2), 2) + math.cos(rlat) * func.cos(
        lat2
    ) * func.power(func.sin((lon2 - rlon) / 2), 2)


def sql_km_from_a(a):
    """The distance in km of a haversine term `a` (see sql_haversine_a)."""
    root = func.sqrt(a)
    # Rounding can push the root a hair above 1, where asin is undefined (PostgreSQL raises).
    return 2 * EARTH_RADIUS_KM * func.asin(case((root > 1.0, 1.0), else_=root))


def sql_distance_km(lat_col, lon_col, lat: float, lon: float):
    """A SQL expression of the haversine distance from (lat, lon) to the columns' point."""
    return sql_km_from_a(sql_haversine_a(lat_col, lon_col, lat, lon))
