"""Build seed/demo_directory.json: a FICTIONAL demo directory of anti-trafficking services.

Every organisation, person, address, phone number, email address and service in the output
is invented. Organisation names end in "(fictional)"; phone numbers use the 555 01xx-style
blocks; email addresses and websites are under demo.pathways.example (a reserved .example
name). Only the towns are real: coordinates are real town centres from seed/gazetteer.csv
(GeoNames, CC BY 4.0) moved by a random offset of at most 3 km, so that services cluster in
real places. Province codes come from the town's gazetteer row; province names from
pycountry.

Deterministic: one random.Random(20261125), ids are uuid5 over a fixed namespace and stable
keys, and the output is sorted. Run:  .venv/bin/python seed/build_demo_directory.py
(needs seed/gazetteer.csv, from seed/build_gazetteer.py).
"""

from __future__ import annotations

import csv
import json
import math
import os
import random
import sys
import uuid

import pycountry

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import demo_phrases as P  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "demo_directory.json")
GAZETTEER = os.path.join(HERE, "gazetteer.csv")

SEED = 20261125
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://demo.pathways.example/seed/demo-directory")
MAX_JITTER_KM = 3.0

# --------------------------------------------------------------------------- countries

COUNTRIES = {
    "TH": {"dial": "66", "ui": "th", "langs": ["th"], "label": "Thailand"},
    "VN": {"dial": "84", "ui": "vi", "langs": ["vi"], "label": "Viet Nam"},
    "MY": {"dial": "60", "ui": "ms", "langs": ["ms", "en"], "label": "Malaysia"},
    "ID": {"dial": "62", "ui": "id", "langs": ["id"], "label": "Indonesia"},
    "PH": {"dial": "63", "ui": None, "langs": ["tl", "en"], "label": "the Philippines"},
    "KH": {"dial": "855", "ui": None, "langs": ["km"], "label": "Cambodia"},
    "LA": {"dial": "856", "ui": None, "langs": ["lo"], "label": "Lao PDR"},
    "MM": {"dial": "95", "ui": None, "langs": ["my"], "label": "Myanmar"},
    "BD": {"dial": "880", "ui": None, "langs": ["bn"], "label": "Bangladesh"},
}
# Share of services in a country with a UI language whose original text is in that
# language (the rest are written in English, some with a translation).
LOCAL_ORIGINAL_SHARE = 0.5
LOCAL_TRANSLATION_SHARE = 0.4

# Towns: gazetteer name (the most populous row of that name in the country is used), the
# name shown as the city, telephone area code, postal codes, languages heard there.
TOWNS = {
    # Thailand
    "bangkok": ("TH", "Bangkok", "Bangkok", "2", ["10330", "10400", "10110"], ["my", "km"]),
    "chiangmai": ("TH", "Chiang Mai", "Chiang Mai", "53", ["50200", "50000", "50300"], ["my"]),
    "chiangrai": ("TH", "Chiang Rai", "Chiang Rai", "53", ["57000", "57100"], ["my", "lo"]),
    "maesai": ("TH", "Mae Sai", "Mae Sai", "53", ["57130"], ["my"]),
    "maesot": ("TH", "Mae Sot", "Mae Sot", "55", ["63110"], ["my"]),
    "hatyai": ("TH", "Hat Yai", "Hat Yai", "74", ["90110", "90112"], ["ms", "my"]),
    "songkhla": ("TH", "Songkhla", "Songkhla", "74", ["90000"], ["ms"]),
    "ranong": ("TH", "Ranong", "Ranong", "77", ["85000"], ["my"]),
    "samutsakhon": ("TH", "Samut Sakhon", "Samut Sakhon", "34", ["74000"], ["my", "km"]),
    "udonthani": ("TH", "Udon Thani", "Udon Thani", "42", ["41000"], ["lo"]),
    "nongkhai": ("TH", "Nong Khai", "Nong Khai", "42", ["43000"], ["lo"]),
    "khonkaen": ("TH", "Khon Kaen", "Khon Kaen", "43", ["40000"], []),
    "aranyaprathet": ("TH", "Aranyaprathet", "Aranyaprathet", "37", ["27120"], ["km"]),
    # Viet Nam
    "hanoi": ("VN", "Hanoi", "Hà Nội", "24", ["11000", "10000", "12000"], ["en"]),
    "hcmc": ("VN", "Ho Chi Minh City", "TP. Hồ Chí Minh", "28", ["70000", "72000"], ["en"]),
    "laocai": ("VN", "Lào Cai", "Lào Cai", "214", ["31000"], ["zh"]),
    "mongcai": ("VN", "Móng Cái", "Móng Cái", "203", ["01900"], ["zh"]),
    "langson": ("VN", "Lạng Sơn", "Lạng Sơn", "205", ["25000"], ["zh"]),
    "vinh": ("VN", "Vinh", "Vinh", "238", ["43000"], []),
    "thanhhoa": ("VN", "Thanh Hóa", "Thanh Hóa", "237", ["40000"], []),
    "hatien": ("VN", "Hà Tiên", "Hà Tiên", "297", ["91900"], ["km"]),
    "rachgia": ("VN", "Rạch Giá", "Rạch Giá", "297", ["91000"], ["km"]),
    "haiphong": ("VN", "Haiphong", "Hải Phòng", "225", ["04000"], []),
    "danang": ("VN", "Da Nang", "Đà Nẵng", "236", ["50000"], ["en"]),
    "cantho": ("VN", "Cần Thơ", "Cần Thơ", "292", ["94000"], ["km"]),
    # Malaysia
    "kl": ("MY", "Kuala Lumpur", "Kuala Lumpur", "3", ["50450", "50400", "50250"], ["id", "bn"]),
    "shahalam": ("MY", "Shah Alam", "Shah Alam", "3", ["40000"], ["id"]),
    "petalingjaya": ("MY", "Petaling Jaya", "Petaling Jaya", "3", ["46000"], ["my"]),
    "johorbahru": ("MY", "Johor Bahru", "Johor Bahru", "7", ["80000", "80100"], ["id", "bn"]),
    "georgetown": ("MY", "George Town", "George Town", "4", ["10200", "10450"], ["my", "zh"]),
    "kotakinabalu": ("MY", "Kota Kinabalu", "Kota Kinabalu", "88", ["88000"], ["tl", "id"]),
    "sandakan": ("MY", "Sandakan", "Sandakan", "89", ["90000"], ["tl"]),
    "tawau": ("MY", "Tawau", "Tawau", "89", ["91000"], ["id"]),
    "kuching": ("MY", "Kuching", "Kuching", "82", ["93000"], ["id"]),
    # Indonesia
    "jakarta": ("ID", "Jakarta", "Jakarta", "21", ["10110", "10310", "10340"], ["en"]),
    "surabaya": ("ID", "Surabaya", "Surabaya", "31", ["60271", "60264"], ["jv"]),
    "medan": ("ID", "Medan", "Medan", "61", ["20112", "20152"], []),
    "kupang": ("ID", "Kupang", "Kupang", "380", ["85111"], []),
    "nunukan": ("ID", "Nunukan", "Nunukan", "556", ["77482"], ["ms"]),
    "tanjungpinang": ("ID", "Tanjung Pinang", "Tanjung Pinang", "771", ["29111"], ["ms"]),
    "pontianak": ("ID", "Pontianak", "Pontianak", "561", ["78111"], ["ms"]),
    "mataram": ("ID", "Mataram", "Mataram", "370", ["83121"], []),
    "indramayu": ("ID", "Indramayu", "Indramayu", "234", ["45211"], ["jv"]),
    "bandung": ("ID", "Bandung", "Bandung", "22", ["40111"], ["su"]),
    # Philippines
    "manila": ("PH", "Manila", "Manila", "2", ["1000", "1004"], []),
    "quezoncity": ("PH", "Quezon City", "Quezon City", "2", ["1100", "1103"], []),
    "pasay": ("PH", "Pasay", "Pasay", "2", ["1300"], []),
    "cebu": ("PH", "Cebu City", "Cebu City", "32", ["6000"], []),
    "iloilo": ("PH", "Iloilo", "Iloilo City", "33", ["5000"], []),
    "davao": ("PH", "Davao", "Davao City", "82", ["8000"], []),
    "zamboanga": ("PH", "Zamboanga", "Zamboanga City", "62", ["7000"], ["ms"]),
    "angeles": ("PH", "Angeles City", "Angeles City", "45", ["2009"], []),
    # Cambodia
    "phnompenh": ("KH", "Phnom Penh", "Phnom Penh", "23", ["120101", "120211"], ["en", "vi"]),
    "siemreap": ("KH", "Siem Reap", "Siem Reap", "63", ["171201"], ["en", "th"]),
    "poipet": ("KH", "Paoy Paet", "Poipet", "54", ["010801"], ["th"]),
    "battambang": ("KH", "Battambang", "Battambang", "53", ["020101"], ["th"]),
    "sihanoukville": ("KH", "Sihanoukville", "Sihanoukville", "34", ["180101"], ["zh"]),
    "kohkong": ("KH", "Koh Kong", "Koh Kong", "35", ["090101"], ["th"]),
    # Lao PDR
    "vientiane": ("LA", "Vientiane", "Vientiane", "21", ["01000", "01160"], ["th", "en"]),
    "savannakhet": ("LA", "Savannakhet", "Savannakhet", "41", ["13000"], ["th"]),
    "pakse": ("LA", "Pakse", "Pakse", "31", ["16000"], ["th"]),
    "houayxay": ("LA", "Ban Houayxay", "Houayxay", "84", ["06000"], ["th", "zh"]),
    # Myanmar
    "yangon": ("MM", "Yangon", "Yangon", "1", ["11181", "11201"], ["en"]),
    "mandalay": ("MM", "Mandalay", "Mandalay", "2", ["05011"], ["zh"]),
    "myawaddy": ("MM", "Myawadi", "Myawaddy", "58", ["13061"], ["th"]),
    "muse": ("MM", "Mu-se", "Muse", "82", ["06251"], ["zh"]),
    "lashio": ("MM", "Lashio", "Lashio", "82", ["06301"], ["zh"]),
    # Bangladesh
    "dhaka": ("BD", "Dhaka", "Dhaka", "2", ["1205", "1212", "1215"], ["en"]),
    "jessore": ("BD", "Jessore", "Jessore", "421", ["7400"], ["hi"]),
    "coxsbazar": ("BD", "Cox’s Bāzār", "Cox's Bazar", "341", ["4700"], ["my"]),
    "sylhet": ("BD", "Sylhet", "Sylhet", "821", ["3100"], ["en"]),
}

# Fictional street addresses: a pattern per country, filled with invented numbers.
ADDRESS = {
    "TH": ["{a}/{b} Soi Example {c}, Sample Road", "{a} Example Road, Moo {c}"],
    "VN": ["Số {a}, Đường Mẫu {c}", "{a} Phố Ví Dụ, Tổ {c}"],
    "MY": ["No. {a}, Jalan Contoh {c}", "Lot {a}, Jalan Sampel {c}, Taman Contoh"],
    "ID": ["Jl. Contoh No. {a}, RT 0{c}/RW 0{b}", "Jl. Contoh Raya No. {a}"],
    "PH": ["{a} Example Street, Barangay Sample {c}", "Unit {b}, {a} Sample Avenue"],
    "KH": ["No. {a}, Street Example {c}{b}", "No. {a}E, Sample Boulevard"],
    "LA": ["House {a}, Unit {c}, Ban Example", "{a} Sample Road, Ban Tuayang {c}"],
    "MM": ["No. {a}, Example Street, Ward {c}", "No. {a}, Sample Road, Block {b}"],
    "BD": ["House {a}, Road {c}, Example Lane", "Holding {a}, Sample Road, Block {b}"],
}

FIRST_NAMES = {
    "TH": ["Khun Malee", "Khun Somchai", "Khun Ploy", "Khun Anan", "Khun Nok", "Khun Wipa"],
    "VN": ["Chị Lan", "Anh Minh", "Chị Hoa", "Anh Tuấn", "Chị Thu", "Anh Dũng"],
    "MY": ["Puan Aisyah", "Encik Faizal", "Cik Mei Ling", "Encik Ravi", "Puan Nurul"],
    "ID": ["Ibu Sari", "Bapak Agus", "Mbak Dewi", "Ibu Rina", "Mas Yusuf", "Ibu Wulan"],
    "PH": ["Ms Maricel", "Mr Jomar", "Ms Joy", "Mr Paolo", "Ms Lorna"],
    "KH": ["Ms Sokha", "Mr Dara", "Ms Chanthy", "Mr Vuthy", "Ms Sreymom"],
    "LA": ["Ms Keo", "Mr Somphone", "Ms Noy", "Mr Bounmy"],
    "MM": ["Daw Hnin", "U Aung", "Daw Thiri", "Ko Zaw", "Ma Su"],
    "BD": ["Ms Nasrin", "Mr Rafiq", "Ms Shirin", "Mr Habib", "Ms Taslima"],
}

# --------------------------------------------------------------------------- service menu
# item: (categories, way in, flags). The first category names the service.
MENU = {
    "hotline24": (["hotline", "identification_screening"], "hotline", {"h24", "nationwide"}),
    "chatline": (["hotline", "interpretation"], "hotline", {"advice", "nationwide"}),
    "rescue": (
        ["law_enforcement_support", "transport", "safety_planning"],
        "referral",
        {"nationwide"},
    ),
    "screening": (["identification_screening", "interpretation"], "walk_in", {"per_town"}),
    "shelter": (
        ["emergency_shelter", "material_assistance", "medical_care"],
        "shelter",
        {"safe", "h24"},
    ),
    "childshelter": (["emergency_shelter", "child_protection"], "shelter", {"safe", "h24"}),
    "longterm": (["long_term_housing", "education", "case_management"], "shelter", {"safe"}),
    "halfway": (["long_term_housing", "case_management"], "referral", set()),
    "counselling": (["mental_health"], "call_first", set()),
    "casework": (["case_management", "safety_planning"], "referral", set()),
    "skills": (["vocational_training"], "walk_in", set()),
    "jobs": (["employment", "vocational_training"], "walk_in", set()),
    "court": (["law_enforcement_support", "legal_aid"], "call_first", set()),
    "legal": (["legal_aid"], "walk_in", {"per_town"}),
    "claims": (["remedies_compensation", "legal_aid"], "call_first", set()),
    "immigration": (["immigration_status", "legal_aid"], "call_first", set()),
    "documents": (["identity_documents"], "walk_in", set()),
    "interpreting": (["interpretation"], "referral", set()),
    "dropin": (["material_assistance"], "walk_in", {"per_town"}),
    "clinic": (["medical_care"], "walk_in", {"per_town"}),
    "srh": (["medical_care", "mental_health"], "call_first", set()),
    "child": (["child_protection", "case_management"], "referral", set()),
    "school": (["education"], "walk_in", set()),
    "tracing": (["family_tracing"], "call_first", set()),
    "return": (["safe_return", "transport", "identity_documents"], "referral", set()),
    "reception": (["safe_return", "material_assistance", "transport"], "walk_in", {"per_town"}),
    "cash": (["financial_assistance"], "referral", set()),
    "reintegration": (["community_reintegration", "family_tracing"], "call_first", set()),
    "peer": (["community_reintegration", "mental_health"], "walk_in", set()),
    "transport": (["transport"], "referral", set()),
    "safety": (["safety_planning"], "call_first", set()),
    "police": (["law_enforcement_support", "identification_screening"], "walk_in", {"h24"}),
    "witness": (["law_enforcement_support", "safety_planning"], "referral", set()),
    "outreach": (["identification_screening", "material_assistance"], "walk_in", {"per_town"}),
}
ROLE = {
    "hotline24": "hotline supervisor",
    "chatline": "hotline supervisor",
    "rescue": "duty coordinator",
    "shelter": "shelter manager",
    "childshelter": "shelter manager",
    "longterm": "house coordinator",
    "halfway": "house coordinator",
    "counselling": "counsellor",
    "legal": "legal officer",
    "claims": "legal officer",
    "immigration": "legal officer",
    "court": "victim-witness officer",
    "witness": "victim-witness officer",
    "police": "duty officer",
    "clinic": "clinic nurse",
    "srh": "clinic nurse",
    "skills": "training coordinator",
    "jobs": "livelihoods officer",
    "school": "education officer",
    "child": "child protection officer",
}
MAILBOX = {
    "hotline24": "hotline",
    "chatline": "chat",
    "shelter": "intake",
    "childshelter": "intake",
    "longterm": "intake",
    "legal": "legal",
    "claims": "legal",
    "immigration": "legal",
    "court": "legal",
    "clinic": "clinic",
    "srh": "clinic",
    "skills": "training",
    "jobs": "jobs",
    "school": "education",
    "child": "children",
    "return": "return",
    "reception": "return",
    "tracing": "tracing",
}

# --------------------------------------------------------------------------- organisations
# (code, name, type, towns (first = head office), what it does, menu). A menu entry is an
# item, or (item, audience), or (item, audience, options).
A = "all"
ORGS = [
    # ---------------------------------------------------------------- Thailand
    ("DEMO-TH-SAFE", "Safe Harbour Foundation Chiang Mai (fictional)", "ngo", ["chiangmai"],
     "runs a safe house, longer-term housing and recovery programmes for women and girls "
     "who have been trafficked",
     [("shelter", "women_girls", {"beds": 24}), ("longterm", "women", {"beds": 12}),
      ("counselling", "women_girls"), ("casework", A), ("skills", "women"), ("court", A)]),
    ("TH-HOTLINE", "Thailand Demo Anti-Trafficking Helpline (fictional)", "government",
     ["bangkok"], "answers the national anti-trafficking helpline and sends rescue and "
     "referral teams across the country",
     [("hotline24", A), ("chatline", "migrants"), ("rescue", A), ("casework", A)]),
    ("TH-NORTH-GOV", "Northern Victim Protection Office (fictional)", "government",
     ["chiangrai", "chiangmai"], "identifies victims, runs a protection shelter for men and "
     "coordinates case conferences in the northern provinces",
     [("screening", A), ("shelter", "men", {"beds": 30}), ("casework", A),
      ("return", "returnees"), ("cash", A)]),
    ("TH-MOEI", "Moei Valley Migrant Rights Centre (fictional)", "ngo", ["maesot"],
     "helps migrant workers from Myanmar with legal advice, wage claims, documents and "
     "basic needs",
     [("legal", "migrants"), ("claims", "migrants"), ("documents", "migrants"),
      ("dropin", "migrants"), ("tracing", "migrants"), ("immigration", "migrants")]),
    ("TH-SEAFARER", "Andaman Seafarers' Support Project (fictional)", "ngo",
     ["ranong", "samutsakhon"], "reaches fishers in ports and on boats and helps them claim "
     "wages and return home",
     [("outreach", "fishers"), ("claims", "fishers"), ("return", "fishers"),
      ("interpreting", "fishers")]),
    ("TH-LEGAL", "Bangkok Justice Clinic for Survivors (fictional)", "legal_aid", ["bangkok"],
     "gives free legal advice and represents survivors in criminal, labour and compensation "
     "cases",
     [("legal", A), ("court", A), ("claims", A), ("immigration", "adults")]),
    ("TH-CHILD", "Little Lanterns Child Protection Network (fictional)", "ngo",
     ["chiangrai", "maesai"], "protects children at risk along the northern border, with a "
     "children's safe house, schooling and family tracing",
     [("childshelter", "children", {"beds": 18}), ("child", "children"),
      ("school", "children"), ("tracing", "children"), ("counselling", "children")]),
    ("TH-POLICE", "Demo Anti-Trafficking Police Unit, Region 5 (fictional)", "law_enforcement",
     ["chiangmai"], "takes reports of trafficking day and night and supports victims and "
     "witnesses through investigations",
     [("police", A), ("witness", A), ("interpreting", A)]),
    ("TH-HEALTH", "Ping River Community Hospital Survivor Clinic (fictional)", "health",
     ["chiangmai"], "provides confidential medical and mental health care for survivors of "
     "trafficking and violence",
     [("clinic", A, {"cost": "medicine"}), ("srh", "women_girls"), ("counselling", A),
      ("transport", A)]),
    ("TH-SOUTH", "Songkhla Borderland Assistance Network (fictional)", "ngo",
     ["hatyai", "songkhla"], "supports migrants and people crossing the southern border with "
     "outreach, legal help and safe return",
     [("outreach", "migrants"), ("dropin", A), ("legal", "migrants"), ("tracing", A),
      ("return", "returnees"), ("immigration", "migrants")]),
    ("TH-MEKONG", "Mekong Regional Return Partnership (fictional)", "international",
     ["bangkok"], "organises safe, voluntary return and reintegration support for survivors "
     "from neighbouring countries",
     [("return", A, {"nationwide": True}), ("tracing", A, {"nationwide": True}),
      ("cash", "returnees"), ("casework", A)]),
    ("TH-GARDEN", "Sisters of the Quiet Garden Drop-in Centre (fictional)", "faith_based",
     ["bangkok"], "runs a drop-in centre with meals, counselling and peer groups for women "
     "leaving exploitation",
     [("dropin", "women"), ("counselling", "women"), ("peer", "women"), ("skills", "women"),
      ("halfway", "women", {"beds": 8})]),
    ("TH-LOOM", "Golden Loom Livelihoods Cooperative (fictional)", "other",
     ["chiangmai", "udonthani"], "trains survivors in crafts and trades and helps them find "
     "work or start a small business",
     [("skills", "adults", {"cost": "course"}), ("jobs", "adults"), ("cash", "adults")]),
    ("TH-ISAN", "Isan Homecoming Network (fictional)", "ngo",
     ["udonthani", "nongkhai", "khonkaen"], "welcomes people home to the north-east and "
     "helps them rebuild family life, schooling and income",
     [("reintegration", "returnees"), ("peer", "returnees"), ("school", "children"),
      ("jobs", "returnees"), ("reception", A, {"towns": ["nongkhai"]})]),
    ("TH-SAKAEO", "Sa Kaeo Border Crossing Support Point (fictional)", "ngo",
     ["aranyaprathet"], "helps people crossing the Cambodian border, including children "
     "forced to beg or sell in the street",
     [("outreach", A), ("child", "street_children"), ("return", A), ("interpreting", A)]),
    # ---------------------------------------------------------------- Viet Nam
    ("DEMO-VN-HOPE", "Hope Bridge Centre Ha Noi (fictional)", "ngo", ["hanoi"],
     "runs a safe house and recovery programmes for women and children who have returned "
     "after being trafficked",
     [("shelter", "women_girls", {"beds": 20}), ("counselling", "women_girls"),
      ("casework", A), ("skills", "adults"), ("legal", A), ("school", "children")]),
    ("VN-HOTLINE", "Viet Nam Demo Protection Helpline (fictional)", "government", ["hanoi"],
     "answers the national helpline and coordinates rescue and referral across provinces",
     [("hotline24", A), ("chatline", A), ("rescue", A)]),
    ("VN-REDRIVER", "Red River Border Support Point (fictional)", "ngo", ["laocai"],
     "receives women and girls returning across the northern border, many of them from "
     "forced marriages",
     [("reception", "forced_marriage"), ("tracing", "forced_marriage"),
      ("interpreting", A), ("counselling", "women_girls"), ("reintegration", "returnees")]),
    ("VN-SUNRISE", "Saigon Sunrise Shelter (fictional)", "ngo", ["hcmc"],
     "protects children in the city, with a children's safe house, street outreach and "
     "schooling",
     [("childshelter", "children", {"beds": 16}), ("child", "children"),
      ("school", "street_children"), ("counselling", "children"),
      ("outreach", "street_children")]),
    ("VN-LEGAL", "Hanoi Legal Aid Partnership for Survivors (fictional)", "legal_aid",
     ["hanoi", "haiphong"], "gives free legal help to survivors, from police reports to "
     "compensation claims",
     [("legal", A), ("court", A), ("claims", "returnees"), ("documents", "returnees")]),
    ("VN-DELTA", "Mekong Delta Reintegration Network (fictional)", "ngo",
     ["cantho", "rachgia", "hatien"], "helps people returning to the Mekong Delta find work, "
     "schooling and their place in the community",
     [("reintegration", "returnees"), ("jobs", "returnees"), ("cash", "returnees"),
      ("school", "children"), ("reception", "returnees", {"towns": ["hatien"]})]),
    ("VN-NGHEAN", "Nghe An Homecoming Programme (fictional)", "ngo", ["vinh"],
     "supports people coming home to Nghe An after exploitation abroad",
     [("reintegration", "returnees"), ("skills", "returnees"), ("cash", "returnees"),
      ("counselling", "returnees"), ("tracing", A), ("halfway", "returnees", {"beds": 6})]),
    ("VN-BORDER", "Demo Border Guard Victim Reception Unit (fictional)", "law_enforcement",
     ["mongcai", "langson"], "receives and identifies victims at northern border gates and "
     "supports them as witnesses",
     [("screening", A), ("witness", A), ("reception", A, {"towns": ["langson"]})]),
    ("VN-THANGLONG", "Thang Long Youth Health Clinic (fictional)", "health", ["hanoi"],
     "offers confidential health care and counselling for young people and survivors",
     [("clinic", A, {"cost": "medicine"}), ("srh", "women_girls"), ("counselling", "adults")]),
    ("VN-THANHHOA", "Thanh Hoa Social Protection Centre (fictional)", "government",
     ["thanhhoa"], "provides shelter, case management and financial support to victims in "
     "Thanh Hoa",
     [("shelter", A, {"beds": 30, "status": "flood"}), ("casework", A), ("cash", A),
      ("child", "children")]),
    ("VN-HANRIVER", "Han River Livelihood Centre (fictional)", "ngo", ["danang"],
     "trains survivors and helps them into safe, decent jobs",
     [("skills", "adults"), ("jobs", "adults"), ("peer", "adults")]),
    ("VN-BAMBOO", "Green Bamboo Child Protection Service (fictional)", "ngo",
     ["hcmc", "hanoi"], "supports children harmed online and their families",
     [("child", "online_children"), ("counselling", "online_children"),
      ("safety", "children"), ("school", "children")]),
    # ---------------------------------------------------------------- Malaysia
    ("DEMO-MY-LEGAL", "Kuala Lumpur Migrant Legal Clinic (fictional)", "legal_aid", ["kl"],
     "gives free legal advice and representation to migrant workers and survivors of "
     "trafficking",
     [("legal", "migrants"), ("claims", "migrants"), ("immigration", "migrants"),
      ("documents", "migrants"), ("interpreting", "migrants"), ("court", A)]),
    ("MY-HOTLINE", "Malaysia Demo Trafficking Helpline (fictional)", "government", ["kl"],
     "answers the national trafficking helpline in many languages",
     [("hotline24", A), ("chatline", "migrants"), ("rescue", A)]),
    ("MY-PROTECT", "Federal Protection Home, Demo Unit (fictional)", "government",
     ["kl", "johorbahru"], "runs protection homes for people under a protection order and "
     "arranges their return or right to work",
     [("shelter", "women", {"beds": 40, "way": "court_order"}),
      ("shelter", "men", {"beds": 35, "way": "court_order", "towns": ["johorbahru"]}),
      ("casework", A), ("return", A), ("immigration", A), ("counselling", A)]),
    ("MY-SABAH", "Sabah Borderlands Community Aid (fictional)", "ngo",
     ["kotakinabalu", "sandakan", "tawau"], "helps undocumented families and children in "
     "Sabah with papers, schooling, health and safe return",
     [("documents", "children"), ("school", "children"), ("dropin", A),
      ("return", "migrants"), ("clinic", A)]),
    ("MY-PENANG", "Penang Domestic Workers' Refuge (fictional)", "ngo", ["georgetown"],
     "shelters and supports domestic workers who escaped abusive employers",
     [("shelter", "domestic", {"beds": 12}), ("claims", "domestic"), ("legal", "domestic"),
      ("counselling", "domestic")]),
    ("MY-STRAITS", "Johor Straits Migrant Support (fictional)", "ngo", ["johorbahru"],
     "reaches migrant workers in Johor with advice, basic needs and transport to services",
     [("outreach", "migrants"), ("dropin", "migrants"), ("transport", A),
      ("chatline", "migrants", {"nationwide": False})]),
    ("MY-KLANG", "Klang Valley Community Health Collective (fictional)", "health",
     ["shahalam", "petalingjaya"], "runs community clinics and counselling for migrants "
     "and survivors",
     [("clinic", A, {"cost": "medicine"}), ("srh", "women_girls"), ("counselling", A)]),
    ("MY-HARMONY", "Harmony House Fellowship (fictional)", "faith_based", ["kl"],
     "offers food, friendship and counselling to people rebuilding their lives",
     [("dropin", A), ("peer", A), ("counselling", A), ("halfway", A, {"beds": 10})]),
    ("MY-MOBILITY", "Regional Labour Mobility Office (fictional)", "international", ["kl"],
     "helps migrant workers go home safely and claim what they are owed",
     [("return", "migrants", {"nationwide": True}), ("claims", "migrants"), ("tracing", A),
      ("cash", "migrants")]),
    ("MY-RIVERSIDE", "Kuching Riverside Women's Centre (fictional)", "ngo", ["kuching"],
     "supports women in Sarawak with counselling, casework, legal help and safety planning",
     [("counselling", "women"), ("casework", "women"), ("legal", "women"),
      ("safety", "women")]),
    ("MY-POLICE", "Demo Police Anti-Trafficking Desk, Johor (fictional)", "law_enforcement",
     ["johorbahru"], "takes reports of trafficking and supports victims and witnesses",
     [("police", A), ("witness", A)]),
    # ---------------------------------------------------------------- Indonesia
    ("DEMO-ID-SHELTER", "Rumah Aman Surabaya (fictional)", "ngo", ["surabaya"],
     "runs safe houses and recovery support for women and girls in East Java",
     [("shelter", "women_girls", {"beds": 22}), ("longterm", "women", {"beds": 10}),
      ("counselling", "women_girls"), ("casework", A), ("srh", "women_girls"),
      ("court", A)]),
    ("ID-HOTLINE", "Indonesia Demo Trafficking Complaints Line (fictional)", "government",
     ["jakarta"], "answers the national complaints line and coordinates rescue with the "
     "provinces",
     [("hotline24", A), ("chatline", "migrants"), ("rescue", A)]),
    ("ID-FLOBAMORA", "Flobamora Migrant Care (fictional)", "ngo", ["kupang"],
     "welcomes migrant workers returning to East Nusa Tenggara and supports their families",
     [("reception", "returnees"), ("tracing", "returnees"), ("reintegration", "returnees"),
      ("claims", "migrants"), ("cash", "returnees")]),
    ("ID-NUNUKAN", "Nunukan Border Transit Post (fictional)", "government", ["nunukan"],
     "receives Indonesians sent back from Sabah and helps them home",
     [("screening", A), ("reception", "returnees"), ("documents", "returnees"),
      ("clinic", A), ("transport", A)]),
    ("ID-SUMATRA", "Sumatra Legal Aid for Women (fictional)", "legal_aid", ["medan"],
     "gives legal help and court support to women and girls who have been trafficked",
     [("legal", "women"), ("court", "women_girls"), ("claims", "women"),
      ("safety", "women")]),
    ("ID-CEMPAKA", "Rumah Singgah Cempaka Child Centre (fictional)", "ngo", ["jakarta"],
     "supports children living or working on Jakarta's streets",
     [("child", "street_children"), ("school", "street_children"),
      ("outreach", "street_children"), ("counselling", "children")]),
    ("ID-KEPRI", "Kepri Island Crew Assistance (fictional)", "ngo", ["tanjungpinang"],
     "helps fishers and ship crews who were exploited at sea",
     [("outreach", "fishers"), ("claims", "fishers"), ("return", "fishers"),
      ("interpreting", "fishers")]),
    ("ID-SEHAT", "Klinik Sehat Bersama Demo (fictional)", "health", ["jakarta", "bandung"],
     "runs clinics with confidential health care and counselling",
     [("clinic", A), ("srh", "women_girls"), ("counselling", A)]),
    ("ID-POLICE", "Demo Women and Children Protection Unit, Jakarta (fictional)",
     "law_enforcement", ["jakarta"], "takes reports from women and children and supports "
     "them through investigations",
     [("police", A), ("witness", A)]),
    ("ID-LOMBOK", "Lombok Migrant Families Cooperative (fictional)", "other", ["mataram"],
     "helps returning migrant workers and their families earn a living",
     [("jobs", "returnees"), ("cash", "returnees"), ("reintegration", "returnees"),
      ("skills", "adults")]),
    ("ID-KAPUAS", "Kapuas Crossing Community Centre (fictional)", "ngo", ["pontianak"],
     "helps people crossing the Kalimantan border and those sent back from Malaysia",
     [("screening", A), ("reception", "returnees"), ("transport", A), ("tracing", A)]),
    ("ID-PANTURA", "Pantura Returnee Livelihood Project (fictional)", "ngo", ["indramayu"],
     "trains returning migrant workers and supports their children's schooling",
     [("skills", "returnees"), ("jobs", "returnees"), ("school", "children"),
      ("peer", "returnees")]),
    # ---------------------------------------------------------------- Philippines
    ("PH-HOTLINE", "Philippines Demo Action Line (fictional)", "government", ["manila"],
     "answers the national action line and dispatches rescue and referral teams",
     [("hotline24", A), ("chatline", A), ("rescue", A)]),
    ("PH-SILUNGAN", "Bahay Silungan Demo Centre (fictional)", "ngo", ["quezoncity"],
     "runs a safe house and recovery programme for women and girls",
     [("shelter", "women_girls", {"beds": 26}), ("counselling", "women_girls"),
      ("casework", A), ("skills", "women"), ("halfway", "women", {"beds": 10})]),
    ("PH-VISAYAS", "Visayas Survivors' Legal Network (fictional)", "legal_aid",
     ["cebu", "iloilo"], "gives free legal help and court support to survivors in the "
     "Visayas",
     [("legal", A), ("court", A), ("claims", A), ("documents", "returnees")]),
    ("PH-MINDANAO", "Mindanao Hope Crossing (fictional)", "ngo", ["davao"],
     "protects children harmed by online sexual exploitation and supports their families",
     [("child", "online_children"), ("counselling", "online_children"),
      ("school", "children"), ("safety", "children"), ("casework", "children")]),
    ("PH-PORTDESK", "Zamboanga Port Welcome Desk (fictional)", "ngo", ["zamboanga"],
     "meets Filipinos sent back from Sabah at the port and helps them home",
     [("reception", "returnees"), ("documents", "returnees"), ("tracing", "returnees"),
      ("dropin", A)]),
    ("PH-AIRPORT", "Demo Airport Interception Team (fictional)", "law_enforcement",
     ["pasay"], "identifies and protects travellers at risk of trafficking at the airport",
     [("police", A), ("screening", A), ("witness", A)]),
    ("PH-PAMPANGA", "Pampanga Women's Livelihood Circle (fictional)", "ngo", ["angeles"],
     "helps women leaving sexual exploitation train, work and support each other",
     [("skills", "women"), ("jobs", "women"), ("peer", "women"), ("counselling", "women")]),
    ("PH-LIGHTHOUSE", "Lighthouse Fellowship Outreach Iloilo (fictional)", "faith_based",
     ["iloilo"], "offers practical help and community support to survivors and returnees",
     [("dropin", A, {"status": "moving"}), ("peer", "returnees"), ("cash", A)]),
    # ---------------------------------------------------------------- Cambodia
    ("KH-HOTLINE", "Cambodia Demo Safety Line (fictional)", "government", ["phnompenh"],
     "answers the national safety line and coordinates rescue",
     [("hotline24", A), ("rescue", A), ("chatline", A)]),
    ("KH-LOTUS", "Lotus Path Recovery Centre (fictional)", "ngo", ["phnompenh"],
     "runs a safe house and recovery programme for women and girls",
     [("shelter", "women_girls", {"beds": 20}), ("counselling", "women_girls"),
      ("skills", "women"), ("casework", A), ("halfway", "women", {"beds": 8})]),
    ("KH-POIPET", "Poipet Returnee Reception Point (fictional)", "ngo", ["poipet"],
     "meets Cambodians sent back from Thailand at the border and helps them home",
     [("reception", "returnees"), ("screening", A), ("transport", A), ("clinic", A)]),
    ("KH-ANGKOR", "Angkor Child Protection Network (fictional)", "ngo", ["siemreap"],
     "protects children at risk and helps them stay in school and with their families",
     [("child", "children"), ("school", "children"), ("tracing", "children"),
      ("counselling", "children")]),
    ("KH-DEFENDERS", "Phnom Penh Legal Defenders for Survivors (fictional)", "legal_aid",
     ["phnompenh"], "gives free legal help to survivors and their families",
     [("legal", A), ("court", A), ("claims", A)]),
    ("KH-COAST", "Coastal Recovery Project Sihanoukville (fictional)", "ngo",
     ["sihanoukville", "kohkong"], "helps people of many nationalities who escaped online "
     "scam compounds",
     [("screening", "scam"), ("interpreting", "scam"), ("return", "scam"), ("clinic", "scam"),
      ("immigration", "scam")]),
    ("KH-RURAL", "Battambang Rural Livelihoods Trust (fictional)", "other", ["battambang"],
     "trains returnees and helps them earn a living in their villages",
     [("skills", "adults"), ("jobs", "returnees"), ("cash", "returnees")]),
    # ---------------------------------------------------------------- Lao PDR
    ("LA-HOTLINE", "Lao Demo Helpline for Women and Children (fictional)", "government",
     ["vientiane"], "answers the national helpline for women and children",
     [("hotline24", A), ("rescue", A)]),
    ("LA-CHAMPA", "Champa Safe Home Vientiane (fictional)", "ngo", ["vientiane"],
     "runs a safe home and skills training for women and girls",
     [("shelter", "women_girls", {"beds": 15}), ("skills", "women"),
      ("counselling", "women_girls"), ("casework", A)]),
    ("LA-SAVAN", "Savannakhet Return and Reintegration Centre (fictional)", "government",
     ["savannakhet"], "receives people returning from Thailand and helps them settle back "
     "home",
     [("reception", "returnees"), ("reintegration", "returnees"), ("tracing", "returnees"),
      ("skills", "returnees")]),
    ("LA-VILLAGE", "Southern Laos Village Support Network (fictional)", "ngo", ["pakse"],
     "supports families and children in villages of the south",
     [("school", "children"), ("reintegration", "returnees"), ("cash", "returnees")]),
    ("LA-TRIANGLE", "Golden Triangle Assistance Desk (fictional)", "ngo", ["houayxay"],
     "helps people who escaped scam centres and exploitation in the border zone",
     [("screening", "scam"), ("interpreting", "scam"), ("return", "scam"), ("clinic", A)]),
    # ---------------------------------------------------------------- Myanmar
    ("MM-HOTLINE", "Myanmar Demo Support Line (fictional)", "ngo", ["yangon"],
     "answers a national support line for people at risk of trafficking",
     [("hotline24", A), ("chatline", A)]),
    ("MM-PADAUK", "Shwe Padauk Women's Support Centre (fictional)", "ngo", ["yangon"],
     "supports women with counselling, casework, skills and a drop-in centre",
     [("counselling", "women"), ("casework", "women"), ("skills", "women"),
      ("dropin", "women")]),
    ("MM-MOEI", "Moei River Reception Centre (fictional)", "ngo", ["myawaddy"],
     "receives people leaving scam compounds near the Thai border",
     [("screening", "scam"), ("clinic", "scam"), ("transport", "scam"), ("tracing", A),
      ("dropin", A)]),
    ("MM-TRACING", "Mandalay Family Tracing Service (fictional)", "ngo", ["mandalay"],
     "traces families and supports people returning to upper Myanmar",
     [("tracing", A), ("reintegration", "returnees"),
      ("school", "children", {"status": "moving"})]),
    ("MM-NORTHSHAN", "Northern Shan Women's Network (fictional)", "ngo", ["muse", "lashio"],
     "supports women and girls returning from forced marriage across the northern border",
     [("reception", "forced_marriage", {"towns": ["muse"]}), ("tracing", "forced_marriage"),
      ("counselling", "forced_marriage"), ("reintegration", "forced_marriage")]),
    ("MM-LEGALAID", "Yangon Legal Aid Circle (fictional)", "legal_aid", ["yangon"],
     "gives free legal advice and representation to survivors",
     [("legal", A), ("court", A), ("claims", "migrants")]),
    # ---------------------------------------------------------------- Bangladesh
    ("BD-HOTLINE", "Bangladesh Demo Helpline (fictional)", "government", ["dhaka"],
     "answers the national helpline and coordinates rescue",
     [("hotline24", A), ("chatline", A), ("rescue", A)]),
    ("BD-PADMA", "Padma Safe Home (fictional)", "ngo", ["dhaka"],
     "runs a safe home and recovery programme for women and children",
     [("shelter", "women_girls", {"beds": 28}), ("counselling", "women_girls"),
      ("skills", "women"), ("casework", A), ("school", "children"),
      ("halfway", "women", {"beds": 12})]),
    ("BD-BENAPOLE", "Benapole Border Support Centre (fictional)", "ngo", ["jessore"],
     "receives people returning from India and helps them home",
     [("reception", "returnees"), ("tracing", "returnees"), ("reintegration", "returnees"),
      ("legal", A)]),
    ("BD-COAST", "Cox's Bazar Coastal Protection Network (fictional)", "ngo", ["coxsbazar"],
     "protects children and fishers on the coast from trafficking by sea",
     [("child", "children"), ("outreach", "fishers"), ("tracing", A), ("counselling", A)]),
    ("BD-FORUM", "Dhaka Survivors' Legal Aid Forum (fictional)", "legal_aid", ["dhaka"],
     "gives free legal help to survivors and migrant workers",
     [("legal", A), ("court", A), ("claims", "migrants")]),
    ("BD-SYLHET", "Sylhet Migrant Families Centre (fictional)", "ngo", ["sylhet"],
     "helps migrant workers and their families claim wages, recover and earn a living",
     [("claims", "migrants"), ("cash", "returnees"), ("jobs", "returnees"),
      ("documents", "returnees")]),
]  # fmt: skip
# Organisations that have not confirmed their listings for over a year.
STALE_ORGS = {"KH-RURAL", "LA-VILLAGE"}
TYPE_WORDS = {
    "ngo": "non-governmental organisation",
    "government": "government agency",
    "international": "international organisation",
    "law_enforcement": "law-enforcement unit",
    "health": "health service",
    "legal_aid": "legal aid organisation",
    "faith_based": "faith-based organisation",
    "other": "social enterprise",
}

# --------------------------------------------------------------------------- helpers


def stable_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def load_towns() -> dict[str, dict]:
    wanted = {(t[0], t[1]) for t in TOWNS.values()}
    best: dict[tuple[str, str], dict] = {}
    with open(GAZETTEER, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = (row["country"], row["name"])
            if key in wanted and (
                key not in best or int(row["population"]) > int(best[key]["population"])
            ):
                best[key] = row
    towns = {}
    for key, (country, gaz_name, city, area, postcodes, langs) in TOWNS.items():
        row = best.get((country, gaz_name))
        if row is None:
            raise SystemExit(f"{gaz_name} ({country}) is not in {GAZETTEER}")
        code = row["province_code"] or None
        if code is None:
            raise SystemExit(f"{gaz_name} has no province code in the gazetteer")
        subdivision = pycountry.subdivisions.get(code=code)
        towns[key] = {
            "key": key,
            "country": country,
            "city": city,
            "lat": float(row["latitude"]),
            "lon": float(row["longitude"]),
            "province_code": code,
            "province": subdivision.name,
            "area": area,
            "postcodes": postcodes,
            "langs": langs,
        }
    return towns


def jitter(rng: random.Random, lat: float, lon: float, low: float, high: float):
    """A point between low and high km from (lat, lon), in a random direction."""
    distance = rng.uniform(low, high)
    bearing = rng.uniform(0, 2 * math.pi)
    dlat = distance * math.cos(bearing) / 111.32
    dlon = distance * math.sin(bearing) / (111.32 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def km_between(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


class Phones:
    """Fictional numbers: +CC AREA 555 0100, 0101... per area; hotlines in the 09xx block."""

    def __init__(self):
        self.next: dict[tuple[str, str, str], int] = {}

    def take(self, country: str, area: str, block: str = "01") -> str:
        key = (country, area, block)
        n = self.next.get(key, 0)
        self.next[key] = n + 1
        block_no = int(block) + n // 100
        return f"+{COUNTRIES[country]['dial']} {area} 555 {block_no:02d}{n % 100:02d}"


def pick(rng: random.Random, options: list):
    return options[rng.randrange(len(options))]


def text_for(bank: dict, lang: str):
    return bank.get(lang) or bank["en"]


# --------------------------------------------------------------------------- schedules


def span(days, opens, closes):
    return [{"weekday": d, "opens": opens, "closes": closes} for d in days]


MON_FRI, MON_THU, SUN_THU = range(5), range(4), [6, 0, 1, 2, 3]


def office_hours(rng: random.Random, country: str, org_type: str, item: str):
    """A realistic weekly schedule and hours note key for an office-based service."""
    if item == "chatline":
        return span(range(6), "08:00", "20:00"), None
    if item in ("clinic", "dropin") and rng.random() < 0.6:
        sat = "12:00" if item == "clinic" else "13:00"
        return span(MON_FRI, "08:00", "16:00") + span([5], "08:00", sat), None
    if country == "BD":
        return span(SUN_THU, "09:00", "17:00"), "holidays"
    if country == "MY" and (org_type == "government" or rng.random() < 0.5):
        return (
            span(MON_THU, "08:00", "17:00")
            + span([4], "08:00", "12:15")
            + span([4], "14:45", "17:00"),
            "friday_my",
        )
    if country == "ID" and (org_type == "government" or rng.random() < 0.5):
        extra = span([5], "08:00", "12:00") if rng.random() < 0.3 else []
        return (
            span(MON_THU, "08:00", "16:00")
            + span([4], "08:00", "11:30")
            + span([4], "13:00", "16:00")
            + extra,
            "friday_id",
        )
    if country == "VN" and org_type in ("government", "law_enforcement"):
        return span(MON_FRI, "07:30", "11:30") + span(MON_FRI, "13:30", "17:00"), "holidays"
    roll = rng.random()
    if roll < 0.35:
        return span(MON_FRI, "08:30", "16:30"), "holidays"
    if roll < 0.6:
        return span(MON_FRI, "08:30", "12:00") + span(MON_FRI, "13:00", "16:30"), None
    if roll < 0.85:
        return span(MON_FRI, "09:00", "17:00"), "appointment"
    return span(MON_FRI, "09:00", "17:00") + span([5], "09:00", "12:00"), None


# --------------------------------------------------------------------------- build


def build() -> dict:
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not security
    towns = load_towns()
    phones = Phones()
    organisations, public_locations, safe_locations, services = [], [], [], []

    for code, name, org_type, org_towns, does, menu in ORGS:
        country = towns[org_towns[0]]["country"]
        info = COUNTRIES[country]
        slug = code.lower().removeprefix("demo-")
        site = f"https://{slug}.demo.pathways.example"
        head = towns[org_towns[0]]
        org_phone = phones.take(country, head["area"])
        organisations.append(
            {
                "code": code,
                "name": name,
                "country": country,
                "type": org_type,
                "description": (
                    f"A fictional {TYPE_WORDS[org_type]} in {head['city']}, {info['label']}, "
                    f"that {does}. It is part of the Pathways demo network and does not exist."
                ),
                "website": site,
                "email": f"info@{slug}.demo.pathways.example",
                "phone": org_phone,
            }
        )
        short = name.removesuffix(" (fictional)")
        offices = {}
        for i, town_key in enumerate(org_towns):
            town = towns[town_key]
            lat, lon = jitter(rng, town["lat"], town["lon"], 0.1, 1.2)
            office = {
                "id": stable_id(code, "location", town_key),
                "organisation": code,
                "name": f"{short} – {'head office' if i == 0 else town['city'] + ' office'}",
                "address_line": pick(rng, ADDRESS[country]).format(
                    a=rng.randint(2, 240), b=rng.randint(1, 9), c=rng.randint(1, 24)
                ),
                "city": town["city"],
                "province_code": town["province_code"],
                "province": town["province"],
                "postal_code": pick(rng, town["postcodes"]),
                "country": country,
                "latitude": lat,
                "longitude": lon,
                "confidential": False,
            }
            office["_phone"] = org_phone if i == 0 else phones.take(country, town["area"])
            offices[town_key] = office
            public_locations.append(office)

        seen_items: dict[str, int] = {}
        for entry in menu:
            item, audience, opts = (
                (entry, A, {})
                if isinstance(entry, str)
                else (entry + ({},) if len(entry) == 2 else entry)
            )
            n = seen_items.get(item, 0)
            seen_items[item] = n + 1
            cats, way, flags = MENU[item]
            flags = set(flags)
            if opts.get("nationwide") is True:
                flags.add("nationwide")
            if opts.get("nationwide") is False:
                flags.discard("nationwide")
            where = opts.get("towns") or (org_towns if "per_town" in flags else [org_towns[0]])
            # One service per town for walk-in services of multi-town organisations.
            groups = [[t] for t in where] if "per_town" in flags else [where]
            for group in groups:
                services.append(
                    make_service(
                        rng, phones, towns, code, org_type, country, short, site, slug,
                        org_towns, offices, safe_locations, item, n, cats, way, flags,
                        audience, opts, group,
                    )
                )  # fmt: skip

    link_idle_offices(public_locations, services)
    place_safe_locations(rng, towns, public_locations, safe_locations, services, organisations)
    add_alerts_and_stale(services)
    for location in public_locations:
        location.pop("_phone", None)
    return {
        "_note": (
            "FICTIONAL demo directory for trying Pathways. Every organisation, person, "
            "address, phone number, email address and service here is invented; only the "
            "towns are real (coordinates are town centres moved by up to 3 km). Generated "
            "by seed/build_demo_directory.py - do not edit by hand."
        ),
        "organisations": sorted(organisations, key=lambda o: o["code"]),
        "locations": sorted(
            public_locations + safe_locations, key=lambda loc: (loc["organisation"], loc["id"])
        ),
        "services": sorted(services, key=lambda s: (s["organisation"], s["id"])),
    }


def make_service(
    rng, phones, towns, code, org_type, country, short, site, slug, org_towns, offices,
    safe_locations, item, n, cats, way, flags, audience, opts, group,
):  # fmt: skip
    info = COUNTRIES[country]
    town = towns[group[0]]
    key = f"{item}:{n}:{'+'.join(group)}"
    service_id = stable_id(code, "service", key)
    elig = P.AUDIENCES[audience]
    h24 = "h24" in flags
    safe = "safe" in flags
    way = opts.get("way", way)
    access = "shelter" if way == "court_order" else way

    # Where it is offered.
    if safe:
        location_id = stable_id(code, "safe-house", key)
        safe_locations.append(
            {
                "id": location_id,
                "organisation": code,
                "name": f"{short} – safe house ({town['city']})",
                "_town": group[0],
                "country": country,
            }
        )
        location_ids = [location_id]
    else:
        location_ids = [offices[t]["id"] for t in group]
        if "per_town" not in flags and "towns" not in opts:
            location_ids += [
                offices[t]["id"] for t in org_towns if t not in group and rng.random() < 0.5
            ]
    nationwide = "nationwide" in flags
    if nationwide:
        areas = [{"country": country, "province_code": None}]
    else:
        codes = []
        for t in group + [t for t in org_towns if t not in group and not safe]:
            if towns[t]["province_code"] not in codes:
                codes.append(towns[t]["province_code"])
        areas = [{"country": country, "province_code": c} for c in codes]

    # Languages spoken.
    languages = list(info["langs"])
    if rng.random() < 0.55 and "en" not in languages:
        languages.append("en")
    extra = {
        "migrants": {"TH": ["my", "km", "lo"], "MY": ["id", "bn", "my", "ne", "tl"]},
        "fishers": {"TH": ["my", "km"], "ID": ["en"], "BD": ["my"]},
        "scam": {c: ["zh", "en", "vi", "id", "th"] for c in COUNTRIES},
        "forced_marriage": {"VN": ["zh"], "MM": ["zh"]},
    }.get(audience, {}).get(country, [])
    if item in ("hotline24", "chatline"):
        extra = extra + town["langs"] + ["en"]
    elif rng.random() < 0.5:
        extra = extra + town["langs"][:1]
    for lang in extra:
        if lang not in languages and (len(languages) < 6 or item == "hotline24"):
            languages.append(lang)
    interpretation = (
        item in ("hotline24", "chatline", "interpreting", "screening", "police")
        or audience in ("migrants", "scam", "fishers")
        or rng.random() < 0.2
    )

    # Hours.
    if h24:
        schedules, hours_key = [], "24_7"
    else:
        schedules, hours_key = office_hours(rng, country, org_type, item)

    # Texts: the original language, and translations.
    ui = info["ui"]
    original = ui if ui and rng.random() < LOCAL_ORIGINAL_SHARE else "en"
    variant = rng.randrange(6)
    with_who = audience != A or rng.random() < 0.5
    with_how = rng.random() < 0.8 or not with_who
    name_item = "advice_line" if "advice" in flags else cats[0]
    suffix = audience in P.SUFFIX and (safe or audience != "returnees") and rng.random() < 0.75
    multi_town = (
        len(org_towns) > 1
        and len(group) == 1
        and ("per_town" in flags or safe or group[0] != org_towns[0])
    )

    def compose(lang):
        names = P.NAMES[name_item][lang]
        text = names[variant % len(names)]
        if item == "hotline24" and lang == "en":
            text = "National " + text[0].lower() + text[1:]
        if suffix:
            text += " " + P.SUFFIX[audience][lang]
        if multi_town:
            text += f" – {town['city']}"
        whats = P.WHAT[name_item][lang]
        parts = [whats[variant % len(whats)]]
        if with_who:
            whos = P.WHO[audience][lang]
            parts.append(whos[variant % len(whos)])
        if with_how:
            hows = P.HOW[access][lang]
            parts.append(hows[(variant // 2) % len(hows)])
        return {"name": text, "description": " ".join(parts)}

    main = compose(original)
    texts = {}
    if original != "en":
        texts["en"] = compose("en")
    elif ui and rng.random() < LOCAL_TRANSLATION_SHARE:
        texts[ui] = compose(ui)
    if country == "MY" and audience in ("migrants", "domestic") and rng.random() < 0.6:
        texts["id"] = compose("id")  # many migrant workers in Malaysia read Indonesian

    docs_key = {
        "walk_in": "none",
        "hotline": "none",
        "call_first": "optional_id",
        "referral": "referral_form",
        "shelter": "referral_form",
    }[access]
    if cats[0] in ("remedies_compensation", "legal_aid") or item == "documents":
        docs_key = (
            "work_papers" if audience in ("migrants", "fishers", "domestic") else "optional_id"
        )
    if way == "court_order":
        elig_key = "court_order"
    elif audience in ("children", "online_children", "street_children"):
        elig_key = "children_guardian"
    elif audience in ("migrants", "fishers", "domestic"):
        elig_key = "migrants_any"
    elif audience == "returnees":
        elig_key = "returnees"
    elif safe or item in ("cash", "longterm"):
        elig_key = "identified_victims"
    else:
        elig_key = pick(rng, ["any", "any", "assessed"])
    application_bank = P.APPLICATION["court_order" if way == "court_order" else access]
    applications = text_for(application_bank, original)

    if item in ("hotline24", "chatline"):
        accessibility = text_for(P.ACCESSIBILITY_HOTLINE, original)
    elif safe:
        accessibility = text_for(P.ACCESSIBILITY[pick(rng, [0, 2])], original)
    else:
        roll = rng.random()
        accessibility = "" if roll < 0.2 else text_for(pick(rng, P.ACCESSIBILITY), original)

    cost_key = opts.get("cost")
    status, alert = "active", ""
    status_key = opts.get("status")
    if status_key in ("flood", "moving"):
        status, alert = "temporarily_closed", text_for(P.ALERTS[status_key], original)

    beds_total = beds_available = None
    if opts.get("beds"):
        beds_total = opts["beds"]
        beds_available = rng.randint(0, max(1, beds_total // 3))
        if status == "temporarily_closed":
            beds_available = 0

    hotline = phones.take(country, town["area"], "09") if cats[0] == "hotline" else ""
    office = offices[group[0]] if not safe else offices[org_towns[0]]
    person = pick(rng, FIRST_NAMES[country])
    role = ROLE.get(item, "intake officer")
    days = rng.randint(5, 300)
    if code in STALE_ORGS:
        days = rng.randint(410, 720)

    return {
        "id": service_id,
        "organisation": code,
        "name": main["name"],
        "description": main["description"],
        "original_locale": original,
        "texts": texts,
        "status": status,
        "categories": list(cats),
        "self_referral": access in ("walk_in", "call_first", "hotline"),
        "application_process": applications[variant % len(applications)],
        "documents_required": text_for(P.DOCUMENTS[docs_key], original),
        "free": cost_key is None,
        "cost_text": text_for(P.COST[cost_key], original) if cost_key else "",
        "genders": list(elig["genders"]),
        "min_age": elig["min_age"],
        "max_age": elig["max_age"],
        "exploitation_forms": list(elig["forms"]),
        "eligibility_requirements": text_for(P.ELIGIBILITY[elig_key], original),
        "languages": languages,
        "interpretation": interpretation,
        "open_24_7": h24,
        "hours_note": text_for(P.HOURS_NOTE[hours_key], original) if hours_key else "",
        "schedules": sorted(schedules, key=lambda x: (x["weekday"], x["opens"])),
        "phone": office["_phone"],
        "hotline": hotline,
        "email": f"{MAILBOX.get(item, 'help')}@{slug}.demo.pathways.example",
        "website": f"{site}/services/{item.replace('24', '')}",
        "contact_name": f"{person} ({role})",
        "beds_total": beds_total,
        "beds_available": beds_available,
        "accessibility": accessibility,
        "nationwide": nationwide,
        "areas": areas,
        "alert_text": alert,
        "last_verified_days_ago": days,
        "location_ids": location_ids,
    }


def link_idle_offices(public_locations: list[dict], services: list[dict]) -> None:
    """Every office offers something: an idle one joins its organisation's first service."""
    used = {lid for s in services for lid in s["location_ids"]}
    for office in public_locations:
        if office["id"] in used:
            continue
        for service in services:
            if service["organisation"] == office["organisation"] and not service["beds_total"]:
                service["location_ids"].append(office["id"])
                area = {"country": office["country"], "province_code": office["province_code"]}
                if not service["nationwide"] and area not in service["areas"]:
                    service["areas"].append(area)
                break


def add_alerts_and_stale(services: list[dict]) -> None:
    """A few alerts on open services, and a few stale listings outside the stale orgs."""
    by_item = [s for s in services if s["status"] == "active" and not s["alert_text"]]
    shelters = [s for s in by_item if s["beds_total"]]
    if shelters:
        full = shelters[len(shelters) // 2]
        full["beds_available"] = 0
        full["alert_text"] = text_for(P.ALERTS["full"], full["original_locale"])
    others = [s for s in by_item if not s["beds_total"] and not s["hotline"]]
    for s in others[7::61][:2]:
        s["alert_text"] = text_for(P.ALERTS["landline"], s["original_locale"])
    for s in others[13::97][:3]:
        s["last_verified_days_ago"] = 400 + s["last_verified_days_ago"]


def place_safe_locations(rng, towns, public_locations, safe_locations, services, orgs):
    """Give safe houses addresses and coordinates that appear nowhere in public data.

    A public page must never show a string that would reveal a safe house (its address,
    postal code, or coordinates to 2 or 3 decimals), so each is drawn again until none of
    those strings occurs in the public part of the directory.
    """
    public = [dict(loc) for loc in public_locations]
    for loc in public:
        loc.pop("_phone", None)
    blob = json.dumps([orgs, public, services], ensure_ascii=False)
    numbers = [f"{loc[k]!r}" for loc in public for k in ("latitude", "longitude")]
    used = {loc["postal_code"] for loc in public}
    for loc in safe_locations:
        town = towns[loc.pop("_town")]
        country = loc["country"]
        for _attempt in range(500):
            lat, lon = jitter(rng, town["lat"], town["lon"], 1.6, MAX_JITTER_KM - 0.1)
            address = pick(rng, ADDRESS[country]).format(
                a=rng.randint(241, 980), b=rng.randint(1, 9), c=rng.randint(25, 60)
            )
            base = town["postcodes"][0]
            postal = base[:-2] + f"{rng.randint(0, 99):02d}"
            secrets = [address, postal]
            for number in (lat, lon):
                secrets += [repr(number), f"{number:.3f}", f"{number:.2f}"]
            clash = postal in used or any(s in blob for s in secrets)
            clash = clash or any(s in num for s in secrets[2:] for num in numbers)
            if not clash:
                break
        else:
            raise SystemExit(f"could not place {loc['name']} safely")
        used.add(postal)
        loc.update(
            {
                "address_line": address,
                "city": town["city"],
                "province_code": town["province_code"],
                "province": town["province"],
                "postal_code": postal,
                "latitude": lat,
                "longitude": lon,
                "confidential": True,
            }
        )
        # Keep the documented key order.
        ordered = {
            k: loc[k]
            for k in (
                "id", "organisation", "name", "address_line", "city", "province_code",
                "province", "postal_code", "country", "latitude", "longitude", "confidential",
            )
        }  # fmt: skip
        loc.clear()
        loc.update(ordered)


def main() -> int:
    data = build()
    with open(OUT, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    services = data["services"]
    local = sum(1 for s in services if s["original_locale"] != "en")
    print(
        f"{len(data['organisations'])} organisations, {len(data['locations'])} locations, "
        f"{len(services)} services ({local / len(services):.0%} written in a local "
        f"language), {os.path.getsize(OUT) / 1e6:.2f} MB -> {os.path.relpath(OUT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
