"""Who counts as an independent source, and who is a party to the event.

- A source counts for its root affiliation: SANA and the Syrian foreign
  ministry both count as the Syrian government.
- An account counts for its speaker (``AccountInfo.source_id``), never for the
  outlet that relayed it; relays of relays change nothing, since only the
  original speaker is ever the source.
- The same quote (compared after normalising case, whitespace and quote marks)
  attributed to sources under different roots is one statement copied: those
  roots count once where both quote it.
- An account is interested when its speaker's root is the root of one of the
  event's parties, which covers the party itself and everyone speaking for it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tracker.conflicts.values import AccountInfo, SourceInfo, Voice
from tracker.conflicts.wording import join_names

_SPACE = re.compile(r"\s+")
_QUOTE_MARKS = "\"'“”‘’«»„‚‹›`"
_EDGE_PUNCTUATION = _QUOTE_MARKS + ".,;:!?…-–— "


def resolve_roots(sources: Mapping[int, SourceInfo]) -> tuple[dict[int, int], frozenset[int]]:
    """Map every source to its root; also return the sources whose chain loops.

    A parent missing from ``sources`` is taken as a root of its own: it is still
    one identity, so two sources under it stay together. All members of a loop
    share one root, the lowest id in the loop, so the answer does not depend on
    where the walk started.
    """
    roots: dict[int, int] = {}
    looping: set[int] = set()
    for start in sorted(sources):
        path: list[int] = []
        position: dict[int, int] = {}
        node: int = start
        in_loop = False
        while True:
            if node in roots:
                root = roots[node]
                in_loop = node in looping
                break
            if node in position:
                root = min(path[position[node] :])
                in_loop = True
                break
            position[node] = len(path)
            path.append(node)
            info = sources.get(node)
            if info is None or info.parent_id is None:
                root = node
                break
            node = info.parent_id
        for member in path:
            roots[member] = root
            if in_loop:
                looping.add(member)
    return roots, frozenset(looping)


def normalize_quote(quote: str) -> str:
    text = unicodedata.normalize("NFKC", quote).casefold()
    text = _SPACE.sub(" ", text)
    return text.strip(_EDGE_PUNCTUATION)


@dataclass(frozen=True)
class Affiliations:
    sources: Mapping[int, SourceInfo]
    roots: Mapping[int, int]
    looping: frozenset[int]
    party_roots: frozenset[int]

    @classmethod
    def build(cls, sources: Mapping[int, SourceInfo], party_ids: Iterable[int]) -> Affiliations:
        roots, looping = resolve_roots(sources)
        party_roots = frozenset(roots.get(p, p) for p in party_ids)
        return cls(sources, roots, looping, party_roots)

    def root(self, source_id: int) -> int:
        return self.roots.get(source_id, source_id)

    def name(self, source_id: int) -> str:
        info = self.sources.get(source_id)
        return info.name if info is not None else f"source #{source_id}"

    def interested(self, source_id: int) -> bool:
        return self.root(source_id) in self.party_roots

    def speaker(self, account: AccountInfo) -> str:
        """The speaker's name, with the outlet it came through."""
        name = self.name(account.source_id)
        if account.intermediary_id is None:
            return name
        return f"{name} (via {self.name(account.intermediary_id)})"

    def speakers(self, accounts: Iterable[AccountInfo]) -> str:
        """Each speaker once, in id order, with every outlet it came through."""
        via: dict[int, set[int]] = {}
        for account in accounts:
            outlets = via.setdefault(account.source_id, set())
            if account.intermediary_id is not None:
                outlets.add(account.intermediary_id)
        parts = []
        for source_id in sorted(via):
            outlets = sorted(via[source_id])
            name = self.name(source_id)
            if outlets:
                name += f" (via {join_names([self.name(o) for o in outlets])})"
            parts.append(name)
        return join_names(parts)


def group_voices(accounts: Iterable[AccountInfo], affiliations: Affiliations) -> tuple[Voice, ...]:
    """Split accounts into independent voices, in a stable order."""
    ordered = sorted({a.id: a for a in accounts}.values(), key=lambda a: a.id)
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first_by_root: dict[int, int] = {}
    first_by_quote: dict[str, int] = {}
    for index, account in enumerate(ordered):
        root = affiliations.root(account.source_id)
        union(index, first_by_root.setdefault(root, index))
        quote = normalize_quote(account.quote)
        if quote:
            union(index, first_by_quote.setdefault(quote, index))

    members: dict[int, list[AccountInfo]] = {}
    for index, account in enumerate(ordered):
        members.setdefault(find(index), []).append(account)
    voices = [_voice(group, affiliations) for group in members.values()]
    return tuple(sorted(voices, key=lambda v: v.root_ids))


def _voice(accounts: list[AccountInfo], affiliations: Affiliations) -> Voice:
    speakers_by_root: dict[int, set[int]] = {}
    for account in accounts:
        root = affiliations.root(account.source_id)
        speakers_by_root.setdefault(root, set()).add(account.source_id)
    labels = []
    for root in sorted(speakers_by_root):
        speakers = sorted(speakers_by_root[root])
        if speakers == [root]:
            labels.append(affiliations.name(root))
        else:
            names = join_names([affiliations.name(s) for s in speakers])
            labels.append(f"{affiliations.name(root)} ({names})")
    root_ids = tuple(sorted(speakers_by_root))
    return Voice(
        key="+".join(f"r{root}" for root in root_ids),
        label=" / ".join(labels),
        root_ids=root_ids,
        source_ids=tuple(sorted({a.source_id for a in accounts})),
        account_ids=tuple(sorted(a.id for a in accounts)),
        # A party's statement carried word for word by an outsider is still the party's.
        interested=any(root in affiliations.party_roots for root in root_ids),
    )
