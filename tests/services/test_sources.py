import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import make_source
from tracker import services
from tracker.models import Source
from tracker.services.sources import source_named

pytestmark = pytest.mark.django_db


def test_a_root_source_is_its_own_root():
    government = make_source(name="Syrian government", kind="government")
    assert government.root == government
    government.refresh_from_db()
    assert government.root_id == government.pk


def test_children_inherit_the_root_of_their_chain():
    government = make_source(name="Syrian government", kind="government")
    ministry = make_source(name="Syrian foreign ministry", kind="government", parent=government)
    spokesman = make_source(name="Ministry spokesman", kind="spokesperson", parent=ministry)
    assert spokesman.root == government


def test_reparenting_moves_the_whole_subtree(reporter):
    old_root, new_root = make_source(name="Old"), make_source(name="New")
    middle = make_source(name="Middle", parent=old_root)
    leaf = make_source(name="Leaf", parent=middle)
    services.source_update(actor=reporter, source=middle, parent=new_root)
    leaf.refresh_from_db()
    middle.refresh_from_db()
    assert leaf.root_id == new_root.pk and middle.root_id == new_root.pk
    services.source_update(actor=reporter, source=middle, parent=None)
    leaf.refresh_from_db()
    assert leaf.root_id == middle.pk


def test_a_parent_cycle_is_refused(reporter):
    top = make_source(name="Top")
    child = make_source(name="Child", parent=top)
    with pytest.raises(ValidationError) as raised:
        services.source_update(actor=reporter, source=top, parent=child)
    assert "parent" in raised.value.message_dict
    top.refresh_from_db()
    assert top.parent is None


def test_names_and_aliases_are_unique_ignoring_case():
    make_source(name="SANA", aliases=["Syrian Arab News Agency"])
    with pytest.raises(ValidationError) as raised:
        make_source(name="sana")
    assert "name" in raised.value.message_dict
    with pytest.raises(ValidationError):
        make_source(name="syrian arab news agency")
    assert Source.objects.count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"kind": "blogger"}, "kind"), ({"reliability": "G"}, "reliability")],
)
def test_unknown_kind_or_grade_is_refused(kwargs, field):
    with pytest.raises(ValidationError) as raised:
        make_source(**kwargs)
    assert field in raised.value.message_dict


def test_reporters_cannot_remove_aliases(reporter, editor):
    source = make_source(name="Islamic State", aliases=["ISIS"])
    alias = source.aliases.get()
    with pytest.raises(PermissionDenied):
        services.source_alias_remove(actor=reporter, alias=alias)
    services.source_alias_remove(actor=editor, alias=alias)
    assert not source.aliases.exists()


def test_source_edits_are_kept_in_history(reporter):
    source = make_source(name="Reuters", reliability="C")
    services.source_update(actor=reporter, source=source, reliability="B")
    grades = [h.reliability for h in source.history.order_by("history_date")]
    assert grades == ["C", "B"]


def test_renamed_to_its_own_alias_the_alias_keeps_the_old_name(editor):
    source = make_source(name="SANA", aliases=["Syrian Arab News Agency", "Sana news"])
    services.source_update(actor=editor, source=source, name="syrian arab news agency")
    source.refresh_from_db()
    assert source.name == "syrian arab news agency"
    assert sorted(source.aliases.values_list("name", flat=True)) == ["SANA", "Sana news"]
    assert source_named("sana") == source
    renamed = source.aliases.get(name="SANA").history.order_by("history_date").last()
    assert renamed.history_user == editor


def test_renamed_to_another_sources_alias_is_refused(editor):
    make_source(name="SANA", aliases=["Syrian Arab News Agency"])
    other = make_source(name="Syrian state TV")
    with pytest.raises(ValidationError):
        services.source_update(actor=editor, source=other, name="Syrian Arab News Agency")
    other.refresh_from_db()
    assert other.name == "Syrian state TV"
