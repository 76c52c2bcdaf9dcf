"""Build lintnews/data/offices.tsv, the table of office-holders behind T103.

Inputs (named with versions and licences; see training/README-offices.md):

1. Wikidata-derived office-holder tables of the Peppercat / EveryPolitician project,
   one GitHub repository per country under ``every-politician-scrapers/`` (35 of them,
   pinned to the commits in ``SOURCES`` below, all of July 2022 to January 2023).  From
   each we read two files only, both SPARQL query results from Wikidata:
   ``html/holders21.csv`` (holders of cabinet-level and other senior positions since
   2000) and ``html/legislators.csv`` (members of legislatures).  Wikidata's data is
   CC0 1.0; the repositories add no licence to these query results and we take no code
   from them.  They are read straight from bare git mirrors (``--mirror-dir``, one
   ``owner+name/repo`` folder each), never fetched by this script.
2. ``training/offices-supplement.tsv``: office-holdings written for lintnews (facts of
   public record, CC0) for what the snapshots lack: Germany, changes after mid-2022,
   popes, NATO, EU and UN leaders.

Output: one UTF-8 text file, deterministic (sorted rows), kept uncompressed: lintnews
reads it as bytes and finds a name by bisection over its sorted lines, so loading it
costs no parsing at all (the wheel compresses it to about 1 MB):

    #lintnews-offices 2 <people> <holdings>
    L<TAB>label                                        (labels, numbered from 0)
    P<TAB><key><TAB><name><TAB><id><TAB><holdings>     (one line per person, sorted)
    S<TAB><surname key><TAB><key><TAB><name>           (holders of a compared office, sorted)

where <key> is the name's spelling key (:func:`person_key`: the spelling key of N101,
``lintnews.analyses.names.keys.folded``, of the name's words written together, so that
"Zelenskyy"/"Zelensky", "Sergei"/"Sergey" and "Jong-un"/"Jong Un" meet), the ``S`` lines
index by surname the people who held an office T103 compares (a head of state or
government, a secretary-general, a chief justice, a foreign, defence, finance, interior
or justice minister, an attorney general, a crown prince), and
<holdings> is ``;``-joined ``country|family|label-number|start|end``.  Families
are the kinds of office translation confuses (``hog`` head of government, ``hos`` head
of state, ``sg`` secretary-general, ``cj`` chief justice, ``fm`` foreign affairs,
``def``, ``fin``, ``int``, ``just`` justice minister, ``ag`` attorney general, ``hea``
health, ``edu`` education, ``dhog``
deputy head of government, ``vhos`` vice president, ``cp`` crown prince, ``spk``
speaker, ``leg`` legislator, ``jud`` judge, ``oth`` the rest).  People whose name has no
Latin letters (no key) are left out: English text never names them so.

    python training/build_offices.py --mirror-dir /work/.mirror          # write
    python training/build_offices.py --mirror-dir /work/.mirror --check  # rebuild, compare
    python training/build_offices.py --country-data                      # only the JSON of the YAML

Each run also compiles ``rules/offices-by-country.yaml`` (written by hand: each
country's offices and renderings) to ``lintnews/data/offices-by-country.json``, the form
lintnews loads (``--check`` compares it too).

``--check`` exits 0 when the rebuilt bytes equal the shipped file, 1 when they differ,
and 2 (with a message) when the inputs are not on this machine.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from lintnews.analyses.names.keys import folded  # noqa: E402 - the spelling key of N101, shared with lintnews
OUT = ROOT / "lintnews" / "data" / "offices.tsv"
SUPPLEMENT = ROOT / "training" / "offices-supplement.tsv"
COUNTRY_YAML = ROOT / "rules" / "offices-by-country.yaml"
COUNTRY_JSON = ROOT / "lintnews" / "data" / "offices-by-country.json"

# repository (under every-politician-scrapers/) -> (country code, pinned commit)
SOURCES: dict[str, tuple[str, str]] = {
    "albania-cabinet": ("AL", "e8d362eb360459d1ffad1dbf5eec480294ef4746"),
    "algeria-cabinet": ("DZ", "a23de8549333fc55f861cc856d499acb9cd255de"),
    "argentina-ministers": ("AR", "98105f511ea6ad6c9730e979190909cf34d9343b"),
    "armenia-ministers": ("AM", "0f97f894d1206191bcc52e5925f00bac9a0299bf"),
    "australia-cabinet": ("AU", "4c35a6ef087d076eb343b6177814574b2d6e43b8"),
    "austria-cabinet": ("AT", "d8d29777ec6abe3e2adfb82f5c308e944fb8f8a9"),
    "azerbaijan-cabinet": ("AZ", "88e2221afaeb133eb9ac369d5a036c69bbeefc4d"),
    "bahrain": ("BH", "d9163a148f80f34a6e043641de9adba473f576da"),
    "bangladesh-ministers": ("BD", "9bf8dcec085888ba0a57f9073a0d504b74c33441"),
    "belarus-ministers": ("BY", "3edd7c7cbcba709c6165f7df09653dcbf50c7712"),
    "belgium-cabinet": ("BE", "a1420fcaec8b2c2966eebb13f352b95725d3785b"),
    "bolivia-ministers": ("BO", "9ecab9a992ff42c39561834734b028ac65c3ed2f"),
    "bosnia-herzegovina-ministers": ("BA", "77bb9eb6a60e455fd4458255c9ac6fb5f9a5b2b2"),
    "brazil-ministers": ("BR", "de58065b42edc0c0f310185ffda9174540e9af5f"),
    "bulgaria-cabinet": ("BG", "2068236a3e5af84bd30f347afe86bcc089d6fd5d"),
    "canada-cabinet": ("CA", "3b3f0da86ca64c7e3ce6d0f073ed66612885d06f"),
    "chile-ministers": ("CL", "412eb050c5f72daf9c0f31b6482c61180501c83a"),
    "china-ministers": ("CN", "300341654d57cd10776238bae41c89b6ea315276"),
    "congo-kinshasa-ministers": ("CD", "fb78ee2e1afcd31cb21afcb2c18c01e01608b18d"),
    "croatia-ministers": ("HR", "6e44b5186fd289ec77c7a5d1378d86e4a1ad37a3"),
    "cuba": ("CU", "5f8fa4ee8913ea123ef6727fbf0c8b3453fbbb86"),
    "cyprus-cabinet": ("CY", "5fcbf4d37e23e62f820666403beb77e72c2f9916"),
    "czech-ministers": ("CZ", "1e53f23f9405feacef64241294c342ab8eca0319"),
    "denmark-cabinet": ("DK", "1599847eacdd27202c9b84387407cef25458f309"),
    "ecuador-ministers": ("EC", "b5360d52c89e2c9742019d3ea9c37972a737e243"),
    "egypt-ministers": ("EG", "f3820a30ce92a8557e3503202fed731e9d91275c"),
    "estonia": ("EE", "27ed68480fd69b680a523eab604b6ccf26ed4332"),
    "ethiopia-ministers": ("ET", "e025c9ca8d02cc7f3a5522afd30d49350e64c5cf"),
    "finland-cabinet": ("FI", "56412ba38703d3181b5dd5675b8410b95f6a5487"),
    "france-cabinet": ("FR", "7ff37baf3297a83711c90ac84b1d3b2ecb50a541"),
    "georgia-ministers": ("GE", "e843205baddb9cd7321170ede5d08210b1bf6c78"),
    "ghana-ministers": ("GH", "6301043ab47efa25fa0c944b6a4b523ea5a2eebe"),
    "greece-cabinet": ("GR", "34bf1d17b4c2afa95e6063f93742e53f3d4c7454"),
    "guatemala-ministers": ("GT", "573ce9cfca81ffa8bdcbb90dd74abf789899a4be"),
    "hong-kong": ("HK", "1512e32bdfc161dad75ab6b1d83a4c8af40c3834"),
    "hungary-cabinet": ("HU", "aee95092e592403fee7a5d87f0d6b8eeeda1e9ca"),
    "india-ministers": ("IN", "66f344bbf207d35eaa3225edf5584ae0bb164fe8"),
    "indonesia-ministers": ("ID", "66eaaf57191eff7e9d28eea926358bf83d443114"),
    "iran-ministers": ("IR", "a8e7c2fb16372b8b77a09303ae27d46a9ea21e67"),
    "iraq-ministers": ("IQ", "ab7f90c8298be91e36248b2ca5d7f268cee0b173"),
    "ireland-ministers": ("IE", "562aee81a3802e59acc4cf21c8fce6a8ca35f76e"),
    "israel-ministers": ("IL", "81da8707e865df568c7ba8b0b89bf95e7ffd4ae1"),
    "italy-ministers": ("IT", "4f9e038f62f3c71f737fd7e30a4e35df1686f4eb"),
    "japan-ministers": ("JP", "8ba3cb1992bee87f5b8dc566da87db2be8550a1a"),
    "jordan-ministers": ("JO", "34bc64166cbe64a6a784a7b134f2fd55872fa5f7"),
    "kazakhstan-cabinet": ("KZ", "caf651f97dc0efed4955887c17fd6fadcdf7b111"),
    "kenya": ("KE", "845fa144b1aa18652748624528d836b81e51b7d0"),
    "kosovo-cabinet": ("XK", "66ca1f4176783fd77323a1f630723bd06b18abb0"),
    "kuwait-ministers": ("KW", "e663bce8539370de83f3f06eecb0e8d4ec50b14e"),
    "kyrgyzstan-ministers": ("KG", "d8ff9828032fbb0e1f41920dd6af8c5c08a26a67"),
    "latvia-cabinet": ("LV", "5f141542ec29a0fa0dc91c29ee2b3d695b7d1e45"),
    "lithuania": ("LT", "2743892fbc8f4eca6fc0b2ead37936dc8d5229d9"),
    "luxembourg-cabinet": ("LU", "7b920a2e507deea1887539f7ebb4fea0db43e7da"),
    "malaysia-ministers": ("MY", "bab25025f0c68e7c1c623e0ee7e4888032550e16"),
    "malta-ministers": ("MT", "4cba0680d5436b0befc248615f230087fbd45be4"),
    "mexico-ministers": ("MX", "87f5ae7dc992a800173a7c9de53ccbe25661dc61"),
    "moldova-ministers": ("MD", "8f20086e5f2cc7b6019a841225e3c9e323c8d19d"),
    "mongolia-ministers": ("MN", "08e9b68cedfb11a78520087efd6146f4eac0a239"),
    "montenegro-cabinet": ("ME", "8ba0dd381b8c18ead1b8772c5bfddf9b6d83b246"),
    "morocco-ministers": ("MA", "b5246271b46859298b816869fd8c3ae7f658afd8"),
    "nepal-ministers": ("NP", "14d843634275aae72439958fd190e33ad048df17"),
    "netherlands-cabinet": ("NL", "a542323a663b1a7232e6f8e4843eda1f019a8705"),
    "new-zealand-cabinet": ("NZ", "dbf5f248a1d55fc1a111112bc904c8e7e8e26950"),
    "nigeria": ("NG", "1f5d4aad9ba42a810e353d0d7b4378fedc4429e6"),
    "north-korea": ("KP", "7fd4f86187b511ff8bd0b95f1fcd1c5a21e881b5"),
    "north-macedonia-ministers": ("MK", "6f680e0dc4d625b98a0f03138ae8a8ff5b31635d"),
    "norway-cabinet": ("NO", "c0bc52971dac1a8734320e298a714903adae5b83"),
    "oman": ("OM", "c736fb96b1acbd3f0c652b278222e43118015cdb"),
    "pakistan-ministers": ("PK", "065accdb5d8d693e89c0bc559862c10f66d443d1"),
    "panama-ministers": ("PA", "bdb92ef0f302b92faa9fa0dedeab11cbbef25366"),
    "philippines-ministers": ("PH", "1f396f9a8c2e3397cfe392fca350c8943aa1d5f5"),
    "poland-cabinet": ("PL", "c6b228df3eed6e9ba89f02bf424f870a66ea47a6"),
    "portugal-cabinet": ("PT", "49dd0287a8d715a217ba067c04d574b2632864af"),
    "romania-cabinet": ("RO", "63e9c5d352fa9a477e708ecc2ac4523af9534cfe"),
    "russia-cabinet": ("RU", "3871831d9846a16c5017acc229e003ab706202ab"),
    "rwanda-ministers": ("RW", "aa6c19c3d4087e54df8d38f6b245da15f7f0922f"),
    "saudi-ministers": ("SA", "566c58806bee4d91167f3dcbd19abbb596e65497"),
    "senegal-ministers": ("SN", "780217b3c6b59c29a8e18d88727f9200fb1a4953"),
    "serbia-ministers": ("RS", "a4a525577243b1a2ebc9c98de0801347aba26e52"),
    "singapore-ministers": ("SG", "7c68317a86e9ab14712685cc12d6e2afc028d410"),
    "slovakia-cabinet": ("SK", "db4bf5310f557452cd6140a61739d4103c35debf"),
    "slovenia-cabinet": ("SI", "7a1dca9809cba7fb945c7a21154edf494d043879"),
    "somalia-cabinet": ("SO", "7b5980d7c4b80241f31b9ceb82b601906656559b"),
    "south-africa-cabinet": ("ZA", "0558a872c69856bba752bd3b8b3604e4e4479252"),
    "south-korea-ministers": ("KR", "6f17960017c672790f0997885e5b2ff5937305de"),
    "spain-ministers": ("ES", "1e1550ca85af4c39b71e6a462fead133849fe078"),
    "sri-lanka-cabinet": ("LK", "a90dbcf77133b1b9dcb94abe2c51b7ba2d9c5bee"),
    "sudan": ("SD", "bd56d436414d49f53c21baf0601962478a431ac2"),
    "sweden-cabinet": ("SE", "6756a7c9de57d94b64628365d3715a344c3ad9a7"),
    "swiss-federal-council": ("CH", "7cb72efe7f83e593d6be64fa649c993c5042e49c"),
    "syria": ("SY", "08fddba7b3f3beef8ac10a7201ef1ff1cc7318af"),
    "taiwan": ("TW", "45c981ac5a15e4bdacfda83f77a64d275156ca4b"),
    "tanzania-ministers": ("TZ", "08687f4096fe6f1952764a24a09134ab45d370c8"),
    "tunisia-ministers": ("TN", "6e35fc4e7f3d8c1f0bbb453d3b522177a7820dfe"),
    "turkey-ministers": ("TR", "288fbd45ee3fa59f8a226437bf43d726c9845f4f"),
    "uae-ministers": ("AE", "9478e53b0ada6f31a1877fddb499f33207efa368"),
    "uganda-ministers": ("UG", "ed6c7e0721c8c38e177b8c9b6fdb308b2b26ce95"),
    "ukraine-cabinet": ("UA", "4fc6ab0f4d90d6170b674172a115f1bc98478e4b"),
    "united-kingdom-cabinet": ("GB", "3a5ec686630cbefc0fe4b96da38a2a50b52d2556"),
    "uruguay-ministers": ("UY", "38b3bd143359d2f70e9454b431803fbbddc09931"),
    "us-cabinet": ("US", "0d5e73cb24ba9f78bc36f6cd0fbe9839e6cd8600"),
    "uzbekistan-ministers": ("UZ", "b7cd8a1eaca2bb365d5ade7bdc9870d1ed31bde9"),
    "venezuela": ("VE", "468bc47dfe82a6912833f85ccb15888baa132a6c"),
    "vietnam": ("VN", "906e493fe5ae307bf6184baa4fa9e48d75f9866d"),
    "world": ("UN", "4a3b394d9a35d26d138cded8718d0805b7ce9336"),
    "yemen": ("YE", "993e1a6176b9082c7053cd67ff59dc52ee71f71b"),
    "zambia-ministers": ("ZM", "e5aaa198749da6ee572efc2522908a2e697ad463"),
    "zimbabwe": ("ZW", "f991ac9839ca9297ec838f7420994fbb1c854c00"),
}
OWNER = "every-politician-scrapers"

# Legislatures below the national level (and assemblies of international bodies) are
# left out: they add namesakes, not offices that translation confuses.
SUBNATIONAL = re.compile(
    r"\b(state|provincial|province|regional|region|landtag|city|metropolitan|prefectur|county|municipal|"
    r"Legislative Assembly of|House of Assembly|States-Provincial|Cortes|Parliament of (?!the United Kingdom)|"
    r"Parliamentary Assembly|Queensland|Victorian|Alaska|Massachusetts|Quebec|Catalonia|Basque|Punjab|Sindh|"
    r"Vienna|Vorarlberg|Buenos Aires|Tuscany|Tyrol|Gauteng|Cape|Udmurt|Komi|Tokyo|Chiba|Morelos|Expediency|"
    r"Assembly of Experts|Guardian Council|CPPCC|Regional Representative|Substitute|Observer|Special Guest)\b",
    re.IGNORECASE,
)
# In the United States only Congress: state legislatures are many and their names do not
# say "state" ("member of the Ohio House of Representatives").
US_NATIONAL = re.compile(r"^United States (representative|senator)$")

_DEPUTY = re.compile(r"^(deputy|vice|first deputy|first vice|acting|assistant|under|alternate|second|third)\b", re.I)
FAMILY_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("dhog", re.compile(r"^(deputy|first deputy|vice|alternate)[ -](prime minister|premier|chancellor)\b|^vice-chancellor$", re.I)),
    ("vhos", re.compile(r"^vice[ -]president$|^vice president of (the )?(united states|republic|people's republic)", re.I)),
    ("hog", re.compile(
        r"^(prime minister|premier|chancellor|federal chancellor|president of the government|"
        r"president of the council of ministers|chairman of the government|taoiseach|"
        r"president of the executive yuan|premier of the state council|head of government)\b", re.I)),
    ("hos", re.compile(
        r"^(president|federal president|monarch|king|queen|emperor|supreme leader|emir|amir|sultan|pope|"
        r"president of the (republic|united states|people's republic))(\s+of\s+[A-Z][\w ]+)?$", re.I)),
    ("sg", re.compile(
        r"^(secretary[- ]general|general secretary) of (the )?(united nations|nato|north atlantic|"
        r"[\w' ]*(party|league|organi[sz]ation|council of europe|commonwealth|opec|asean|oecd|interpol))", re.I)),
    ("cj", re.compile(r"^(chief justice|president of the supreme court)\b", re.I)),
    ("cp", re.compile(r"^crown prince\b", re.I)),
    ("fm", re.compile(
        r"^(minister (of|for) (europe and )?foreign affairs|foreign minister|foreign secretary|"
        r"minister of external (affairs|relations)|secretary of foreign (affairs|relations)|"
        r"minister of foreign (affairs|relations)|secretary of state for foreign|"
        r"minister of foreign affairs and|minister for europe and foreign affairs)", re.I)),
    ("def", re.compile(
        r"^(minister (of|for) (national )?defen[cs]e|defen[cs]e minister|secretary of defen[cs]e|"
        r"secretary of state for defence|defence secretary|minister of the armed forces)\b", re.I)),
    ("fin", re.compile(
        r"^(minister (of|for) finance|finance minister|secretary of the treasury|chancellor of the exchequer|"
        r"federal minister of finance|treasurer|minister of (the )?economy and finance|"
        r"secretary of finance)\b", re.I)),
    ("int", re.compile(
        r"^(minister (of|for) (the )?interior|interior minister|home secretary|minister of home affairs|"
        r"minister of internal affairs|secretary of homeland security|minister of public security)\b", re.I)),
    ("ag", re.compile(r"^(attorney[- ]general)\b", re.I)),
    ("just", re.compile(r"^(minister (of|for) justice|justice minister|federal minister of justice|justice secretary|"
                        r"secretary of state for justice|lord chancellor)\b", re.I)),
    ("hea", re.compile(r"^(minister (of|for) (public )?health|health minister|federal minister of health|"
                       r"secretary of (state for )?health|secretary of health and human services|"
                       r"minister of health and)\b", re.I)),
    ("edu", re.compile(r"^(minister (of|for) (national |public |general )?education|education minister|"
                       r"federal minister of education|secretary of (state for )?education|"
                       r"minister of (science and education|education and science))\b", re.I)),
    ("spk", re.compile(r"^(speaker|president of the (bundestag|senate|chamber|national assembly|house))\b", re.I)),
    ("jud", re.compile(r"\b(justice|judge)\b", re.I)),
]
US_FM = re.compile(r"^secretary of state$", re.I)
# The Swiss Federal Chancellor heads the Federal Council's staff: no head of government
SWISS_CHANCELLOR = re.compile(r"^(federal )?chancellor\b", re.I)
# A head of state or government is national: "Prime Minister", "President of Russia",
# not "Head of Government of Mexico City" or "Premier of Ontario".
NATIONAL_SUFFIX = re.compile(
    r"\s+of\s+(the\s+)?(republic|russian federation|people's republic of china|state council|government|"
    r"council of ministers|executive yuan|united states|united kingdom|"
    r"china|russia|japan|india|korea|turkey|iran|israel|italy|spain|france|germany|canada|australia)$",
    re.I,
)
HEAD_TITLE = re.compile(
    r"^(prime minister|premier|chancellor|federal chancellor|president|federal president|monarch|king|queen|"
    r"emperor|supreme leader|emir|amir|sultan|pope|president of the government|president of the council of ministers|"
    r"chairman of the government|taoiseach|president of the executive yuan|premier of the state council|"
    r"head of government|president of the republic|president of the united states)",
    re.I,
)


COUNTRY_NAMES = {
    "AR": "Argentina", "AU": "Australia", "AT": "Austria", "BR": "Brazil", "CA": "Canada", "CN": "China", "CZ": "Czechia",
    "EG": "Egypt", "FR": "France", "IN": "India", "ID": "Indonesia", "IR": "Iran", "IQ": "Iraq", "IL": "Israel",
    "IT": "Italy", "JP": "Japan", "MX": "Mexico", "NL": "the Netherlands", "NG": "Nigeria", "KP": "North Korea",
    "PK": "Pakistan", "PH": "the Philippines", "PL": "Poland", "RU": "Russia", "SA": "Saudi Arabia",
    "ZA": "South Africa", "KR": "South Korea", "ES": "Spain", "SY": "Syria", "TW": "Taiwan", "TR": "Turkey",
    "UA": "Ukraine", "GB": "the United Kingdom", "US": "the United States", "DE": "Germany", "PT": "Portugal",
    "NO": "Norway", "BE": "Belgium", "QA": "Qatar", "AE": "the United Arab Emirates",
    "GE": "Georgia", "VN": "Vietnam", "MY": "Malaysia", "BD": "Bangladesh", "KE": "Kenya", "ET": "Ethiopia",
    "CL": "Chile", "VE": "Venezuela", "HU": "Hungary", "RO": "Romania", "GR": "Greece", "SE": "Sweden",
    "DK": "Denmark", "FI": "Finland", "CH": "Switzerland", "IE": "Ireland", "NZ": "New Zealand", "SG": "Singapore",
    "BY": "Belarus", "KZ": "Kazakhstan", "AZ": "Azerbaijan", "AM": "Armenia", "RS": "Serbia", "JO": "Jordan",
    "MA": "Morocco", "DZ": "Algeria",
    "LK": "Sri Lanka", "BG": "Bulgaria", "SK": "Slovakia", "HR": "Croatia", "TN": "Tunisia", "KW": "Kuwait",
    "UZ": "Uzbekistan", "MD": "Moldova", "GH": "Ghana", "NP": "Nepal", "LV": "Latvia", "LT": "Lithuania",
    "EE": "Estonia", "SI": "Slovenia", "CU": "Cuba", "BO": "Bolivia", "EC": "Ecuador", "HK": "Hong Kong",
    "SD": "Sudan", "YE": "Yemen", "UY": "Uruguay", "AL": "Albania", "XK": "Kosovo",
    "MK": "North Macedonia", "ME": "Montenegro", "BA": "Bosnia and Herzegovina", "CY": "Cyprus", "MT": "Malta",
    "LU": "Luxembourg", "MN": "Mongolia", "OM": "Oman", "BH": "Bahrain", "ZW": "Zimbabwe", "UG": "Uganda",
    "TZ": "Tanzania", "ZM": "Zambia", "RW": "Rwanda", "SN": "Senegal", "CD": "the Democratic Republic of the Congo",
    "SO": "Somalia", "PA": "Panama", "GT": "Guatemala", "KG": "Kyrgyzstan",
}


def family_of(label: str, country: str) -> str:
    """The family of an office from its English label (and country)."""
    if country == "CH" and SWISS_CHANCELLOR.match(label):
        return "oth"
    if country == "US" and US_FM.match(label):
        return "fm"
    head = HEAD_TITLE.match(label)
    if head and not _DEPUTY.match(label):
        rest = label[head.end():]
        name = COUNTRY_NAMES.get(country, "").removeprefix("the ")
        tail = rest.strip().lower()
        national = not tail or bool(NATIONAL_SUFFIX.fullmatch(rest)) or (
            bool(name) and tail in (f"of {name.lower()}", f"of the {name.lower()}"))
        if not national:
            return "oth"
    for fam, rx in FAMILY_RULES:
        if fam in ("dhog", "vhos"):
            if rx.search(label):
                return fam
            continue
        if _DEPUTY.match(label):
            break
        if rx.search(label):
            return fam
    return "oth"


def name_key(name: str) -> str:
    """Accents, case and punctuation folded: the key people are joined on."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
#: families whose holders are indexed by surname (the offices T103 compares)
COMPARED = frozenset({"hog", "hos", "sg", "cj", "fm", "def", "fin", "int", "just", "ag", "hea", "edu", "cp"})
#: countries whose names are written surname first in English
SURNAME_FIRST = frozenset({"CN", "TW", "KR", "KP"})


def person_key(name: str) -> str:
    """The lookup key of a name: the spelling key (``folded``) of its words written
    together, suffixes ("Jr.") left out; the same as lintnews' ``offices.name_key`` of
    the name's words (a test checks that they agree)."""
    words = [w for w in name.split() if w not in SUFFIXES]
    return folded("".join(words))


def surname_key(name: str, countries: set[str]) -> str:
    """The spelling key of the name's surname: its first word for the Chinese and Korean
    names of up to three words, else its last word."""
    words = [w for w in name.split() if w not in SUFFIXES]
    if len(words) < 2:
        return ""
    first = bool(countries & SURNAME_FIRST) and len(words) <= 3
    return folded(words[0] if first else words[-1])


def year(value: str) -> str:
    m = re.match(r"^(\d{4})", value or "")
    return m.group(1) if m else ""


def git_show(mirror_dir: Path, repo: str, commit: str, path: str) -> str | None:
    git_dir = mirror_dir / f"{OWNER}+{repo}" / "repo"
    if not git_dir.is_dir():
        return None
    out = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
        capture_output=True,
    )
    if out.returncode != 0:
        return None
    return out.stdout.decode("utf-8")


def english_alias(title: str, name: str) -> str:
    """The English Wikipedia title of a person when it is another name English news uses
    ("Abiy Ahmed" for "Abiy Ahmed Ali"): two words or more, Latin letters, another key."""
    alias = re.sub(r"\s*\([^)]*\)$", "", (title or "").strip())
    if len(alias.split()) < 2 or "," in alias or not person_key(alias) or person_key(alias) == person_key(name):
        return ""
    return alias


#: an Arabic article joined to a surname ("al-Assad", "el-Sisi"), which English news often
#: leaves out ("Bashar Assad")
PARTICLE = re.compile(r"^(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh)-(?=[A-Z])")


def particle_alias(name: str) -> str:
    """The name without the article of its last word ("Bashar al-Assad" -> "Bashar
    Assad"), or ""."""
    words = name.split()
    if len(words) < 2:
        return ""
    stripped = PARTICLE.sub("", words[-1])
    return "" if stripped == words[-1] else " ".join([*words[:-1], stripped])


def read_sources(mirror_dir: Path) -> tuple[list[tuple[str, str, str, str, str, str, bool, str]], list[str]]:
    """(id, name, country, label, start, end, legislator, English alias) rows of every
    source, and the missing ones."""
    rows, missing = [], []
    for repo, (country, commit) in sorted(SOURCES.items()):
        for path, legislators in (("html/holders21.csv", False), ("html/legislators.csv", True)):
            text = git_show(mirror_dir, repo, commit, path)
            if text is None:
                if path.endswith("holders21.csv"):
                    missing.append(f"{OWNER}/{repo}@{commit[:10]}")
                continue
            for row in csv.DictReader(io.StringIO(text)):
                label = (row.get("position") or "").strip()
                name = (row.get("person") or "").strip()
                qid = (row.get("personID") or "").strip()
                if not label or not name or not qid.startswith("Q") or label == "position":
                    continue
                if legislators:
                    if country == "US" and not US_NATIONAL.match(label):
                        continue
                    if SUBNATIONAL.search(label):
                        continue
                # "Boris Johnson" not "Boris Johnson, Baron X": keep the name before a comma
                name = name.split(",")[0].strip() if re.search(r", (Baron|Baroness|Lord|Lady|Viscount|Earl)\b", name) else name
                alias = english_alias(row.get("enwiki", ""), name)
                rows.append((qid, name, country, label, year(row.get("start", "")), year(row.get("end", "")), legislators, alias))
    return rows, missing


def read_supplement() -> list[tuple[str, str, str, str, str, str]]:
    rows = []
    for line in SUPPLEMENT.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        parts += [""] * (6 - len(parts))
        _id, name, country, label, start, end = (p.strip() for p in parts[:6])
        rows.append(("-", name, country, label, start, end))
    return rows


def build(mirror_dir: Path) -> tuple[bytes, dict[str, int], list[str]]:
    rows, missing = read_sources(mirror_dir)
    people: dict[str, dict] = {}
    by_key_country: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_key: dict[str, set[str]] = defaultdict(set)
    by_spelling: dict[tuple[str, str], set[str]] = defaultdict(set)  # (person_key, country)
    for qid, name, country, label, start, end, legislator, alias in rows:
        p = people.setdefault(qid, {"name": name, "holdings": set(), "aliases": set()})
        if alias:
            p["aliases"].add(alias)
            # the supplement's rows, written with the English name, join this person
            by_key_country[(name_key(alias), country)].add(qid)
            by_key[name_key(alias)].add(qid)
            by_spelling[(person_key(alias), country)].add(qid)
        fam = "leg" if legislator else family_of(label, country)
        p["holdings"].add((country, fam, label, start, end))
        by_key_country[(name_key(name), country)].add(qid)
        by_key[name_key(name)].add(qid)
        by_spelling[(person_key(name), country)].add(qid)
    for _id, name, country, label, start, end in read_supplement():
        key = name_key(name)
        # join the one snapshot person of that name in that country, else the only one of
        # that name, else the one of that country spelled alike ("Araghchi"/"Araqchi");
        # otherwise a person of the supplement
        ids = by_key_country.get((key, country)) or by_key.get(key) or by_spelling.get((person_key(name), country)) or set()
        fam = family_of(label, country)
        if len(ids) > 1 and fam != "oth":
            # namesakes: the one who held an office of the same family in that country
            # (the foreign minister Wang Yi, not the legislators of that name)
            ids = {pid for pid in ids if any(h[0] == country and h[1] == fam for h in people[pid]["holdings"])} or ids
        pid = next(iter(ids)) if len(ids) == 1 else f"s:{key.replace(' ', '-')}"
        p = people.setdefault(pid, {"name": name, "holdings": set(), "aliases": set()})
        p["holdings"].add((country, fam, label, start, end))
        by_key_country[(key, country)].add(pid)
        by_key[key].add(pid)

    keyed = {pid: person_key(p["name"]) for pid, p in people.items()}
    people = {pid: p for pid, p in people.items() if keyed[pid]}
    labels = sorted({h[2] for p in people.values() for h in p["holdings"]})
    label_no = {lab: i for i, lab in enumerate(labels)}
    lines, surnames = [], []
    n_holdings = n_aliases = 0
    main_keys = set(keyed.values())
    for pid, p in people.items():
        # a holding known with and without its end: keep the one with the end (unless it
        # ended the year it began: then the open one is the next term, not a stale copy)
        ended = {(c, f, lab, s) for c, f, lab, s, e in p["holdings"] if e and e != s}
        hs = {h for h in p["holdings"] if h[4] or (h[0], h[1], h[2], h[3]) not in ended}
        hs = sorted(hs, key=lambda h: (h[3] or "9999", h[0], h[1], h[2], h[4]))
        n_holdings += len(hs)
        cells = ";".join(f"{c}|{f}|{label_no[lab]}|{s}|{e}" for c, f, lab, s, e in hs)
        lines.append(f"P\t{keyed[pid]}\t{p['name']}\t{pid}\t{cells}")
        # the name English news uses, when the English Wikipedia title gives another one,
        # and the name without the Arabic article of its surname (unless another person has
        # that name)
        akeys = {person_key(alias): alias for alias in sorted(p["aliases"], reverse=True)}
        for name in sorted({p["name"], *p["aliases"]}):
            short = particle_alias(name)
            if short and person_key(short) not in akeys and person_key(short) not in main_keys:
                akeys[person_key(short)] = short
        for akey, alias in sorted(akeys.items()):
            if akey != keyed[pid]:
                lines.append(f"P\t{akey}\t{alias}\t{pid}\t{cells}")
                n_aliases += 1
        if any(h[1] in COMPARED for h in hs):
            skey = surname_key(p["name"], {h[0] for h in hs})
            if skey:
                surnames.append(f"S\t{skey}\t{keyed[pid]}\t{p['name']}")
    lines.sort()
    surnames = sorted(set(surnames))
    countries = {h[0] for p in people.values() for h in p["holdings"]}
    header = f"#lintnews-offices 2 {len(lines)} {n_holdings}"
    text = "\n".join([header] + [f"L\t{lab}" for lab in labels] + lines + surnames) + "\n"
    stats = {"people": len(lines) - n_aliases, "aliases": n_aliases, "holdings": n_holdings, "countries": len(countries), "labels": len(labels),
             "surnames": len(surnames)}
    return text.encode("utf-8"), stats, missing


def country_data() -> bytes:
    """``rules/offices-by-country.yaml`` compiled to JSON (lintnews reads the JSON: it
    loads in a millisecond where the YAML takes tens)."""
    import yaml

    data = yaml.load(COUNTRY_YAML.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror-dir", type=Path, default=Path("/work/.mirror"),
                    help="folder of bare git mirrors named owner+name/repo")
    ap.add_argument("--check", action="store_true", help="rebuild and compare with the shipped table")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--country-data", action="store_true",
                    help="only compile rules/offices-by-country.yaml to lintnews/data/offices-by-country.json (no inputs needed)")
    args = ap.parse_args(argv)
    compiled = country_data()
    if args.check:
        same_json = COUNTRY_JSON.is_file() and COUNTRY_JSON.read_bytes() == compiled
        print("country data identical" if same_json else f"country data DIFFERENT from {COUNTRY_JSON}")
        if not same_json:
            return 1
    else:
        COUNTRY_JSON.write_bytes(compiled)
        print(f"wrote {COUNTRY_JSON}")
    if args.country_data:
        return 0
    data, stats, missing = build(args.mirror_dir)
    if missing:
        print(f"inputs missing ({len(missing)}): {', '.join(missing[:5])}...", file=sys.stderr)
        return 2
    print(f"{stats['people']} people ({stats['aliases']} more names), {stats['holdings']} office-holdings, {stats['countries']} countries, "
          f"{stats['labels']} office labels, {stats['surnames']} holders of compared offices by surname; {len(data)} bytes")
    if args.check:
        same = args.out.is_file() and args.out.read_bytes() == data
        print("identical" if same else f"DIFFERENT from {args.out}")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
