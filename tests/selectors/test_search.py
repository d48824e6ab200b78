"""Full-text search on stored vectors (PostgreSQL), and near-duplicate claims (both databases)."""

import pytest
from django.db import connection

from tests.factories import make_account, make_claim, make_document, make_event, make_source
from tracker import selectors, services
from tracker.models import Claim, SourceAlias
from tracker.selectors.search import claims_similar_to, similarity, words_query
from tracker.vocabularies import Aspect

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stored search vectors and their triggers are PostgreSQL's; SQLite searches "
    "with icontains (tests/selectors/claims/test_filters.py, tests/api/test_filters.py)",
)


def found(term: str) -> set[int]:
    return set(selectors.claim_search(Claim.objects.all(), term).values_list("pk", flat=True))


class TestWordsQuery:
    @pytest.mark.parametrize(
        ("term", "query"),
        [
            ("killed", "'killed':*"),
            ("Deir ez-Zor 3.5", "'deir' & 'ez-zor' & '3.5':*"),
            ("a' | 'b:* & !c", "'a' & 'b' & 'c':*"),
            ("coalition's", "'coalition' & 's':*"),
            ("  -- ... _ ", None),
        ],
    )
    def test_only_words_reach_the_query(self, term, query):
        assert words_query(term) == query


@on_postgresql
class TestStoredVectors:
    def test_the_vector_follows_every_write(self, db):
        document = make_document(text="Officials said the massacre was deliberate, medics said.")
        claim = make_claim(text="Civilians were killed", aspect=Aspect.OTHER)
        assert found("civilians killed") == {claim.pk}
        assert found("massacre") == set()

        speaker = make_source(name="Harbour Daily")
        account = make_account(
            claim=claim, source=speaker, document=document, quote="the massacre was deliberate"
        )
        assert found("massacre delib") == {claim.pk}
        assert found("massac deliberate") == set()  # only the last word may be cut short
        assert found("harbour") == {claim.pk}

        services.source_update(actor=None, source=speaker, name="Morning Ledger")
        assert found("ledger") == {claim.pk}
        assert found("harbour") == set()

        alias = services.source_alias_add(actor=None, source=speaker, name="The Ledger Online")
        assert found("online") == {claim.pk}
        services.source_alias_remove(actor=None, alias=SourceAlias.objects.get(pk=alias.pk))
        assert found("online") == set()

        services.claim_update(actor=None, claim=claim, text="Children were wounded")
        assert found("wounded") == {claim.pk}
        assert found("civilians") == set()
        assert found("deliberate") == {claim.pk}  # the accounts' words stay

        services.account_remove(actor=None, account=account)
        assert found("deliberate") == set()

    def test_relays_count_for_search_by_name(self, db):
        claim = make_claim(text="A convoy was hit")
        make_account(claim=claim, source=make_source(), intermediary=make_source(name="Rudaw"))
        assert found("rudaw") == {claim.pk}

    def test_a_stale_vector_written_back_is_ignored(self, db):
        claim = make_claim(text="Electricity was cut")
        Claim.objects.filter(pk=claim.pk).update(search_vector="'bogus':1")
        assert found("bogus") == set()
        assert found("electricity") == {claim.pk}

    def test_every_word_must_match_and_the_last_may_be_its_start(self, db):
        first = make_claim(text="At least 35 civilians were killed in Deir ez-Zor")
        second = make_claim(text="More than 30 people were killed")
        assert found("kill") == {first.pk, second.pk}
        assert found("ez-zor kill") == {first.pk}
        assert found("kill ez-zor") == set()
        assert found("35 civ") == {first.pk}
        assert found("KILLED") == {first.pk, second.pk}
        assert found("killed xylophone") == set()

    def test_punctuation_matches_nothing_and_an_empty_term_everything(self, db):
        claim = make_claim(text="A bakery was hit")
        assert found("-- ...") == set()
        assert found("   ") == {claim.pk}

    def test_hostile_input_is_only_words(self, db):
        claim = make_claim(text="A bakery was hit")
        assert found("bakery' | 'x:* & !y") == set()
        assert found("bakery'") == {claim.pk}
        assert found("bakery\\") == {claim.pk}


class TestSimilarClaims:
    def test_near_duplicates_first(self, db):
        original = make_claim(text="At least 35 civilians were killed in the strike on Tal Ruzek")
        twin = make_claim(text="At least 35 civilians were killed in a strike on Tal Ruzek")
        cousin = make_claim(text="At least 30 civilians killed in strike near Tal Ruzek market")
        make_claim(text="The coalition denies any involvement")
        similar = claims_similar_to(original.text, exclude_id=original.pk, threshold=0.4)
        assert [item.claim.pk for item in similar] == [twin.pk, cousin.pk]
        assert 1 > similar[0].similarity > similar[1].similarity >= 0.4
        assert [item.claim.pk for item in claims_similar_to(original.text, limit=1)] == [
            original.pk
        ]

    def test_within_one_event(self, db):
        event = make_event()
        here = make_claim(text="At least 35 civilians were killed in Tal Ruzek", event=event)
        make_claim(text="At least 35 civilians were killed in Tal Ruzek")
        similar = claims_similar_to("At least 35 civilians killed in Tal Ruzek", event_id=event.pk)
        assert [item.claim.pk for item in similar] == [here.pk]

    def test_nothing_alike(self, db):
        make_claim(text="A bakery was hit")
        assert claims_similar_to("Convoy blocked at the northern crossing") == []

    def test_the_threshold_is_a_fraction(self, db):
        with pytest.raises(ValueError, match="threshold"):
            claims_similar_to("anything", threshold=0)

    @on_postgresql
    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("At least 35 civilians were killed", "at least 30 civilians killed"),
            ("Deir ez-Zor", "Deir al-Zour"),
            ("SANA", "Syrian Arab News Agency"),
        ],
    )
    def test_the_python_measure_is_pg_trgm(self, db, a, b):
        with connection.cursor() as cursor:
            cursor.execute("SELECT similarity(%s, %s)", [a, b])
            expected = cursor.fetchone()[0]
        assert similarity(a, b) == pytest.approx(expected, abs=1e-6)
