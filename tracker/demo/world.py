"""The fictional world the demo events happen in: who can speak, and where.

Each theatre of conflict has two states (a government with its ministries,
state news agency, armed forces and their spokespeople), armed groups known
by several names, sometimes a foreign-led coalition, places with two
spellings, local outlets and witnesses. Wire agencies, international outlets,
NGOs and international bodies report on every theatre. Names are made of
syllables, so none belongs to a real body.

The world grows slowly with the number of claims (more theatres, places and
witnesses), as a real archive's sources do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tracker.name_keys import name_key
from tracker.vocabularies import Reliability, SourceKind

ONSETS = [
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "q", "r", "s", "t", "v", "z", "sh", "kh", "br",
    "dr", "tr", "kr", "st", "gh",
]  # fmt: skip
VOWELS = ["a", "e", "i", "o", "u", "a", "i", "ai", "ei", "ou", "ia"]
CODAS = ["", "", "n", "r", "l", "s", "m", "k", "th", "z", "d", "t"]
ARMED_GROUP_NOUNS = ["Front", "Brigades", "Movement", "Army", "Liberation Front", "Legion"]
AGENCIES = ["Continental Press", "Meridian Wire", "Atlas Press Service", "Compass News Agency"]
OUTLETS = [
    "The Morning Ledger", "Global Courier", "The Evening Tribune", "Harbour Daily",
    "The Northern Observer", "World Desk Radio", "The Independent Chronicle", "Crossroads TV",
]  # fmt: skip
NGOS = [
    "Observatory for Civilian Harm", "Conflict Monitors Network", "Doctors for Relief",
    "Civil Defence Volunteers", "Human Security Watch", "Casualty Recording Project",
]  # fmt: skip
RANKS = ["Col.", "Maj.", "Brig. Gen.", "Capt.", "Lt. Col."]


@dataclass
class DemoSource:
    id: int
    name: str
    kind: str
    parent_id: int | None
    root_id: int
    reliability: str
    description: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Place:
    name: str
    # Another spelling reports use ("Deir al-Zour" for "Deir ez-Zor"), or "".
    variant: str


@dataclass
class Theatre:
    index: int
    region: str
    places: list[Place]
    # Root sources that fight here: states' governments, armed groups, a coalition.
    belligerents: list[int]
    # Per belligerent root: the sources in its tree that speak for it.
    speakers: dict[int, list[int]]
    local_outlets: list[int]
    witnesses: list[int]
    # The foreign-led coalition fighting here, if any: its task force is speakers[1].
    coalition: int | None


@dataclass
class World:
    sources: list[DemoSource]
    theatres: list[Theatre]
    agencies: list[int]
    outlets: list[int]
    ngos: list[int]
    international: list[int]

    def __post_init__(self) -> None:
        self.by_id = {source.id: source for source in self.sources}

    def ancestors(self, source_id: int) -> list[int]:
        """``source_id`` and every source above it."""
        chain = []
        node: int | None = source_id
        while node is not None:
            chain.append(node)
            node = self.by_id[node].parent_id
        return chain

    def name(self, source_id: int) -> str:
        return self.by_id[source_id].name


class _Names:
    """Fictional names, unique ignoring case across sources and aliases."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def word(self, syllables: int | None = None) -> str:
        count = syllables or self.rng.choice((2, 2, 2, 3))
        parts = [
            self.rng.choice(ONSETS) + self.rng.choice(VOWELS) + self.rng.choice(CODAS)
            for _ in range(count)
        ]
        return "".join(parts).capitalize()

    def person(self) -> str:
        return f"{self.word(2)} {self.word()}"

    def claim(self, name: str) -> bool:
        """Take ``name`` if no source or alias has it yet."""
        key = name_key(name)
        if key in self.used:
            return False
        self.used.add(key)
        return True

    def unique(self, make) -> str:
        while True:
            name = make()
            if self.claim(name):
                return name


def _acronym(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word[0].isupper())


class _Builder:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.names = _Names(rng)
        self.sources: list[DemoSource] = []

    def add(
        self,
        name: str,
        kind: str,
        *,
        parent: DemoSource | None = None,
        reliability: str = Reliability.F,
        description: str = "",
        aliases: tuple[str, ...] = (),
    ) -> DemoSource:
        self.names.claim(name)  # fixed names take their place in the namespace too
        source = DemoSource(
            id=len(self.sources) + 1,
            name=name,
            kind=kind,
            parent_id=parent.id if parent else None,
            root_id=parent.root_id if parent else len(self.sources) + 1,
            reliability=reliability,
            description=description,
            aliases=[alias for alias in aliases if alias and self.names.claim(alias)],
        )
        self.sources.append(source)
        return source

    def state(self, region: str) -> tuple[DemoSource, list[int]]:
        names, rng = self.names, self.rng
        stem = names.word()
        country, adjective = f"{stem}ia", f"{stem}ian"
        government = self.add(
            names.unique(lambda: f"Government of {country}"),
            SourceKind.GOVERNMENT,
            reliability=rng.choice("CD"),
            description=f"The government of {country} ({region}). Demo data.",
            aliases=(f"{adjective} government",),
        )
        ministry = self.add(
            names.unique(lambda: f"{adjective} Ministry of Defence"),
            SourceKind.GOVERNMENT,
            parent=government,
            reliability="D",
        )
        foreign = self.add(
            names.unique(lambda: f"{adjective} Foreign Ministry"),
            SourceKind.GOVERNMENT,
            parent=government,
            reliability="D",
        )
        agency_name = names.unique(lambda: f"{adjective} News Agency")
        agency = self.add(
            agency_name,
            SourceKind.STATE_MEDIA,
            parent=government,
            reliability="D",
            aliases=(_acronym(agency_name), f"{country} state news"),
        )
        forces = self.add(
            names.unique(lambda: f"{adjective} Armed Forces"),
            SourceKind.ARMED_PARTY,
            parent=government,
            reliability="E",
            aliases=(f"{adjective} army",),
        )
        spokesperson = self.add(
            names.unique(lambda: f"{rng.choice(RANKS)} {names.person()}"),
            SourceKind.SPOKESPERSON,
            parent=forces,
            reliability="D",
            description=f"Spokesperson of the {forces.name}.",
        )
        minister = self.add(
            names.unique(names.person),
            SourceKind.SPOKESPERSON,
            parent=foreign,
            reliability="D",
            description=f"Spokesperson of the {foreign.name}.",
        )
        speakers = [government, ministry, foreign, agency, forces, spokesperson, minister]
        return government, [s.id for s in speakers]

    def armed_group(self) -> tuple[DemoSource, list[int]]:
        names, rng = self.names, self.rng
        stem = names.word()
        noun = rng.choice(ARMED_GROUP_NOUNS)
        name = names.unique(lambda: f"{stem} {noun}")
        # One group under several names, as IS, ISIS, Daesh and Islamic State.
        group = self.add(
            name,
            SourceKind.ARMED_PARTY,
            reliability="E",
            description="An armed group. Demo data.",
            aliases=(_acronym(name), f"the {stem} group", f"{stem}i fighters"),
        )
        spokesperson = self.add(
            names.unique(names.person),
            SourceKind.SPOKESPERSON,
            parent=group,
            reliability="E",
            description=f"Spokesperson of the {group.name}.",
        )
        media = self.add(
            names.unique(lambda: f"{stem} Media Office"),
            SourceKind.OUTLET,
            parent=group,
            reliability="E",
        )
        return group, [group.id, spokesperson.id, media.id]

    def coalition(self) -> tuple[DemoSource, list[int]]:
        names, rng = self.names, self.rng
        stem = names.word()
        coalition = self.add(
            names.unique(lambda: f"{stem}-led coalition"),
            SourceKind.ARMED_PARTY,
            reliability="C",
            description="A foreign-led military coalition. Demo data.",
            aliases=(f"Operation {names.word()} Resolve",),
        )
        task_force = self.add(
            names.unique(lambda: f"Joint Task Force {names.word()}"),
            SourceKind.ARMED_PARTY,
            parent=coalition,
            reliability="C",
        )
        spokesperson = self.add(
            names.unique(lambda: f"{rng.choice(RANKS)} {names.person()}"),
            SourceKind.SPOKESPERSON,
            parent=task_force,
            reliability="C",
            description=f"Spokesperson of the {coalition.name}.",
        )
        return coalition, [coalition.id, task_force.id, spokesperson.id]


def _place(names: _Names, rng: random.Random) -> Place:
    prefix = rng.choice(["Deir", "Tal", "Kafr", "Ain", "Jisr", "Qasr", "", "", ""])
    stem = names.word()
    if not prefix:
        return Place(stem, "")
    article = rng.choice(["ez-", "al-", "el-", ""])
    name = f"{prefix} {article}{stem}"
    variants = {"ez-": "al-", "al-": "el-", "el-": "al-", "": ""}
    spelled = {"Deir": "Dayr", "Tal": "Tell", "Kafr": "Kfar", "Ain": "Ayn"}.get(prefix, prefix)
    variant = f"{spelled} {variants[article]}{stem}"
    return Place(name, variant if variant != name else "")


def build_world(rng: random.Random, claims: int) -> World:
    """The sources and places for ``claims`` claims; the same ``rng`` state gives the same world."""
    builder = _Builder(rng)
    names = builder.names
    international = builder.add(
        "United Assembly",
        SourceKind.INTERNATIONAL_ORG,
        reliability="B",
        description="A fictional international organisation. Demo data.",
        aliases=("UA",),
    )
    bodies = [
        builder.add(
            "Office for Humanitarian Coordination",
            SourceKind.INTERNATIONAL_ORG,
            parent=international,
            reliability="B",
            aliases=("OHC",),
        ),
        builder.add(
            "Assembly Human Rights Commission",
            SourceKind.INTERNATIONAL_ORG,
            parent=international,
            reliability="B",
        ),
    ]
    agencies = [
        builder.add(name, SourceKind.NEWS_AGENCY, reliability="B", aliases=(_acronym(name),))
        for name in AGENCIES
    ]
    outlets = [
        builder.add(name, SourceKind.OUTLET, reliability=rng.choice("BBC")) for name in OUTLETS
    ]
    ngos = [
        builder.add(name, SourceKind.NGO, reliability=rng.choice("BC"), aliases=(_acronym(name),))
        for name in NGOS
    ]

    theatre_count = max(2, min(60, round(claims**0.5 / 25)))
    places_each = 20 + claims // (theatre_count * 500)
    witnesses_each = 5 + claims // (theatre_count * 400)
    theatres = []
    for index in range(theatre_count):
        region = f"{names.word()} region"
        speakers: dict[int, list[int]] = {}
        belligerents = []
        coalition_id = None
        for _ in range(2):
            government, spoken = builder.state(region)
            belligerents.append(government.id)
            speakers[government.id] = spoken
        for _ in range(rng.choice((1, 2, 3))):
            group, spoken = builder.armed_group()
            belligerents.append(group.id)
            speakers[group.id] = spoken
        if rng.random() < 0.5:
            coalition, spoken = builder.coalition()
            belligerents.append(coalition.id)
            speakers[coalition.id] = spoken
            coalition_id = coalition.id
        places = []
        while len(places) < places_each:
            place = _place(names, rng)
            if names.claim(f"place:{place.name}"):
                places.append(place)
        local_outlets = [
            builder.add(
                names.unique(lambda p=place: f"{p.name} Today"),
                SourceKind.OUTLET,
                reliability=rng.choice("CDF"),
            ).id
            for place in rng.sample(places, 2)
        ]
        witnesses = [
            builder.add(
                names.unique(
                    lambda home=places: f"{names.person()}, resident of {rng.choice(home).name}"
                ),
                SourceKind.WITNESS,
                reliability="F",
            ).id
            for _ in range(witnesses_each)
        ]
        theatres.append(
            Theatre(
                index=index,
                region=region,
                places=places,
                belligerents=belligerents,
                speakers=speakers,
                local_outlets=local_outlets,
                witnesses=witnesses,
                coalition=coalition_id,
            )
        )
    return World(
        sources=builder.sources,
        theatres=theatres,
        agencies=[s.id for s in agencies],
        outlets=[s.id for s in outlets],
        ngos=[s.id for s in ngos],
        international=[international.id] + [s.id for s in bodies],
    )
