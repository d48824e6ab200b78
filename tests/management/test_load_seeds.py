"""load_seeds: the seed article's hand-checked claims, loaded once and only once."""

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from tracker import services
from tracker.models import Account, Claim, Document, Event, NamedEntity, Source, SourceAlias
from tracker.vocabularies import Aspect, Reliability, SourceKind, Stance

pytestmark = pytest.mark.django_db

SEEDS = Path(settings.BASE_DIR) / "seeds"
SEED = "000_e57b2e8f9047b65a"
PUBLISHER = "Seed article publisher (unidentified)"


def load(directory: Path = SEEDS) -> str:
    out = io.StringIO()
    call_command("load_seeds", "--dir", str(directory), stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    """Rows in every tracker table, history and many-to-many tables included."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_app_config("tracker").get_models(include_auto_created=True)
        if not model._meta.proxy
    }


def accounts_by(source: str) -> list[Account]:
    return list(
        Account.objects.filter(source__name=source)
        .select_related("claim", "intermediary")
        .prefetch_related("claim__named_parties")
    )


def named(claim: Claim) -> set[str]:
    return {party.name for party in claim.named_parties.all()}


@pytest.fixture
def seeded() -> str:
    return load()


# --- What the seed holds -------------------------------------------------------


def test_loads_every_kind_of_row(seeded):
    assert "Loaded 1 seed file(s)" in seeded
    assert "accounts: created 20 / already present 0" in seeded
    # The ten the article names, its unnamed outlet, and "Unidentified".
    assert Source.objects.count() == 12
    assert SourceAlias.objects.count() == 13
    assert Document.objects.count() == 1
    assert Event.objects.count() == 1
    assert Claim.objects.count() == 15
    assert Account.objects.count() == 20


def test_more_than_30_reads_as_said(seeded):
    claim = Claim.objects.get(count_min=31)
    assert claim.count_min_exclusive and not claim.count_max_exclusive
    assert claim.interval_display == "more than 30 people"
    assert Claim.objects.get(count_min=35).interval_display == "at least 35 people"


def test_unidentified_is_a_party_one_can_name(seeded):
    unidentified = Source.objects.get(name="Unidentified")
    assert unidentified.kind == "other"
    entity = NamedEntity.objects.get(name="Unidentified")
    assert entity.source == unidentified
    assert entity.aliases.filter(name="unknown aircraft").exists()


def test_document_is_the_whole_file_with_its_title_as_published(seeded):
    document = Document.objects.get()
    assert document.text == (SEEDS / f"{SEED}.txt").read_text(encoding="utf-8")
    assert document.title == "KXIP vs KKR Live Score"
    assert document.outlet.name == PUBLISHER
    assert (document.url, document.published_at, document.retrieved_at) == ("", None, None)


def test_document_title_is_flagged_as_not_matching_its_body(seeded):
    assert Document.objects.get().title_mismatch is True


def test_every_quote_is_the_document_text_at_its_offsets(seeded):
    document = Document.objects.get()
    accounts = Account.objects.all()
    assert accounts
    for account in accounts:
        assert account.document_id == document.pk
        assert document.text[account.quote_start : account.quote_end] == account.quote


def test_nothing_is_taken_from_the_headline_or_the_other_story(seeded):
    text = Document.objects.get().text
    noise = [
        (0, text.index("\n")),  # the cricket headline
        (text.index("Syria thwarts"), text.index("Daesh now holds")),  # teaser and caption
    ]
    for account in Account.objects.all():
        for start, end in noise:
            assert account.quote_end <= start or account.quote_start >= end, account.quote


def test_sources_speak_for_their_parents(seeded):
    sources = {source.name: source for source in Source.objects.select_related("parent", "root")}
    government = sources["Syrian government"]
    coalition = sources["US-led coalition"]
    for name in ("SANA", "Syrian foreign ministry"):
        assert sources[name].parent == government and sources[name].root == government
    for name in ("Col. Sean Ryan", "Coalition partner forces (unnamed)"):
        assert sources[name].parent == coalition and sources[name].root == coalition
    assert sources["SANA"].kind == SourceKind.STATE_MEDIA
    assert sources["Col. Sean Ryan"].kind == SourceKind.SPOKESPERSON
    assert sources["Reuters"].kind == SourceKind.NEWS_AGENCY
    assert sources["Reuters"].reliability == Reliability.B
    assert sources["Syrian Democratic Forces"].parent is None


def test_aliases(seeded):
    def aliases(name: str) -> set[str]:
        return set(SourceAlias.objects.filter(source__name=name).values_list("name", flat=True))

    assert {"IS", "ISIS", "Daesh"} <= aliases("Islamic State")
    assert "Syrian Arab News Agency" in aliases("SANA")
    assert "U.S.-led coalition" in aliases("US-led coalition")
    assert aliases("Syrian Democratic Forces") == {"SDF"}


def test_event_and_its_parties(seeded):
    event = Event.objects.get()
    assert event.date_text == "late Thursday"
    assert event.date_start is None
    assert {party.name for party in event.parties.all()} == {
        "Syrian government",
        "US-led coalition",
    }


def test_sana_asserts_more_than_30_killed(seeded):
    tolls = [a for a in accounts_by("SANA") if a.claim.aspect == Aspect.KILLED]
    assert len(tolls) == 1
    claim = tolls[0].claim
    assert tolls[0].stance == Stance.ASSERTS
    assert (claim.count_min, claim.count_max, claim.unit) == (31, None, "people")


def test_the_article_itself_asserts_at_least_35_killed(seeded):
    tolls = [a for a in accounts_by(PUBLISHER) if a.claim.aspect == Aspect.KILLED]
    assert len(tolls) == 1
    assert tolls[0].stance == Stance.ASSERTS
    assert tolls[0].quote.startswith("At least 35 civilians were killed late Thursday")
    assert (tolls[0].claim.count_min, tolls[0].claim.count_max) == (35, None)


def test_foreign_ministry_asserts_massacre_and_names_the_coalition(seeded):
    by_aspect = {a.claim.aspect: a for a in accounts_by("Syrian foreign ministry")}
    assert by_aspect[Aspect.CHARACTERIZATION].stance == Stance.ASSERTS
    massacre = [a for a in accounts_by("Syrian foreign ministry") if '"massacre"' in a.quote]
    assert len(massacre) == 1 and massacre[0].claim.aspect == Aspect.CHARACTERIZATION
    perpetrator = by_aspect[Aspect.PERPETRATOR]
    assert perpetrator.stance == Stance.ASSERTS
    assert named(perpetrator.claim) == {"US-led coalition"}


def test_coalition_hedges_between_itself_and_partner_forces(seeded):
    (account,) = accounts_by("US-led coalition")
    assert account.stance == Stance.HEDGES
    assert account.claim.aspect == Aspect.PERPETRATOR
    assert named(account.claim) == {"US-led coalition", "Coalition partner forces (unnamed)"}
    assert "may have conducted the strikes" in account.quote


def test_spokesperson_is_investigating_via_rudaw(seeded):
    accounts = accounts_by("Col. Sean Ryan")
    assert accounts
    for account in accounts:
        assert account.stance == Stance.INVESTIGATING
        assert account.intermediary.name == "Rudaw English"
        assert account.claim.aspect == Aspect.KILLED
        assert account.quote == (
            "We are forwarding the report to our Civilian Casualty Cell "
            "for further assessment on this allegation"
        )


def test_reuters_cannot_verify_the_tolls(seeded):
    accounts = accounts_by("Reuters")
    assert {a.stance for a in accounts} == {Stance.CANNOT_VERIFY}
    toll_claims = set(Claim.objects.filter(aspect=Aspect.KILLED))
    assert toll_claims and toll_claims <= {a.claim for a in accounts}


def test_background_claims_about_territory(seeded):
    territory = [a for a in accounts_by(PUBLISHER) if a.claim.aspect == Aspect.TERRITORIAL_CONTROL]
    assert len(territory) >= 3
    assert {a.stance for a in territory} == {Stance.ASSERTS}
    (daesh,) = [a.claim for a in territory if a.claim.unit == "km2"]
    assert (daesh.count_min, daesh.count_max, daesh.count_approximate) == (2000, 2000, True)
    assert named(daesh) == {"Islamic State"}
    quotes = " ".join(a.quote for a in territory)
    assert "controlled by Islamic state since 2014" in quotes
    assert "the Syrian government has regained control of most of the country" in quotes


# --- Idempotence -------------------------------------------------------------------


def test_second_run_creates_nothing(seeded):
    before = row_counts()
    out = load()
    assert row_counts() == before
    assert out.count("created 0 /") == 8
    assert "accounts: created 0 / already present 20" in out


def test_names_table_knows_one_party_and_one_place_under_several_names(seeded):
    daesh = NamedEntity.objects.get(aliases__name="Daesh")
    assert daesh.name == "Islamic State" and daesh.source.name == "Islamic State"
    assert {"IS", "ISIS"} <= set(daesh.aliases.values_list("name", flat=True))
    place = NamedEntity.objects.get(aliases__name="Deir al-Zour")
    assert (place.name, place.kind) == ("Deir ez-Zor", "place")


def test_a_names_table_that_names_an_unknown_source_loads_nothing(tmp_path):
    shutil.copy(SEEDS / f"{SEED}.json", tmp_path)
    shutil.copy(SEEDS / f"{SEED}.txt", tmp_path)
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "names.json").write_text(
        '{"format": "tracker-names", "version": 1, "entities": '
        '[{"name": "Ghost army", "kind": "party", "source": "Nobody at all"}]}'
    )
    with pytest.raises(CommandError, match="Nobody at all"):
        call_command("load_seeds", "--dir", str(tmp_path))
    assert not Source.objects.exists()


def test_rerun_keeps_what_editors_changed(seeded):
    sana = Source.objects.get(name="SANA")
    services.source_update(actor=None, source=sana, reliability=Reliability.D)
    load()
    sana.refresh_from_db()
    assert sana.reliability == Reliability.D


def test_rerun_adds_only_what_is_missing(seeded):
    account = Account.objects.get(source__name="Reuters", claim__count_min=35)
    services.account_remove(actor=None, account=account)
    out = load()
    assert "accounts: created 1 / already present 19" in out
    assert Account.objects.count() == 20


# --- Bad seed files leave the database as it was -----------------------------------


def copy_seed(directory: Path, mutate: Callable[[dict[str, Any]], None], *, name: str = SEED):
    """Write a copy of the seed file, changed by ``mutate``, into ``directory``."""
    shutil.copy(SEEDS / f"{SEED}.txt", directory)
    data = json.loads((SEEDS / f"{SEED}.json").read_text(encoding="utf-8"))
    mutate(data)
    (directory / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


def shift_quote(data: dict[str, Any]) -> None:
    data["accounts"][0]["quote_start"] += 1
    data["accounts"][0]["quote_end"] += 1


def unknown_stance(data: dict[str, Any]) -> None:
    data["accounts"][6]["stance"] = "suggests"


def min_above_max(data: dict[str, Any]) -> None:
    data["claims"][0]["interval"] = {"min": 40, "max": 31, "unit": "people"}


def dangling_claim(data: dict[str, Any]) -> None:
    data["accounts"][2]["claim"] = "no-such-claim"


# These two pass parsing and fail only after sources, document, event and
# claims are written: the rollback, not the parser, keeps the database clean.
def unknown_source(data: dict[str, Any]) -> None:
    data["accounts"][-1]["source"] = "Nobody in particular"


def relays_itself(data: dict[str, Any]) -> None:
    data["accounts"][-1]["intermediary"] = data["accounts"][-1]["source"]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (shift_quote, "accounts[0]: quote: the document reads 'ANA has put the death toll"),
        (unknown_stance, "accounts[6]: stance: unknown value 'suggests'"),
        (min_above_max, "claims[0]: interval: min (40) is greater than max (31)"),
        (dangling_claim, "accounts[2]: claim: no claim with id 'no-such-claim'"),
        (
            unknown_source,
            "accounts[19] (Nobody in particular on 'is-attacked-from-west-and-east'): "
            "source: unknown source 'Nobody in particular'",
        ),
        (relays_itself, "intermediary: A source cannot relay its own statement."),
    ],
    ids=[
        "shifted quote",
        "unknown stance",
        "min above max",
        "dangling claim",
        "unknown source",
        "source relays itself",
    ],
)
def test_bad_seed_is_refused_and_writes_nothing(tmp_path, mutate, expected):
    copy_seed(tmp_path, mutate)
    before = row_counts()
    with pytest.raises(CommandError) as error:
        load(tmp_path)
    message = str(error.value)
    assert f"{SEED}.json" in message
    assert expected in message
    assert row_counts() == before
    assert Source.objects.count() == 0


def test_broken_json_is_refused(tmp_path):
    shutil.copy(SEEDS / f"{SEED}.txt", tmp_path)
    (tmp_path / f"{SEED}.json").write_text('{"format": "tracker-seed", "version": 1,', "utf-8")
    with pytest.raises(CommandError, match=rf"{SEED}\.json: file: not valid JSON: .* line 1"):
        load(tmp_path)
    assert sum(row_counts().values()) == 0


def test_changed_document_text_is_refused(tmp_path):
    copy_seed(tmp_path, lambda data: None)
    text_file = tmp_path / f"{SEED}.txt"
    text_file.write_text(text_file.read_text("utf-8").replace("35", "36"), "utf-8")
    with pytest.raises(CommandError, match=r"content_hash: .* every offset must be checked"):
        load(tmp_path)
    assert sum(row_counts().values()) == 0


def test_a_bad_later_file_rolls_back_the_good_earlier_one(tmp_path):
    copy_seed(tmp_path, lambda data: None)
    copy_seed(tmp_path, unknown_source, name="001_broken")
    with pytest.raises(CommandError, match=r"001_broken\.json"):
        load(tmp_path)
    assert sum(row_counts().values()) == 0


def test_missing_directory_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="not a directory"):
        load(tmp_path / "nowhere")
