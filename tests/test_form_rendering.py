"""Widgets render through tracker's form renderer exactly as through Django's own."""

from django import forms
from django.contrib.admin.helpers import ActionForm
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.form_rendering import WidgetRenderer

DJANGO = DjangoTemplates()
OURS = WidgetRenderer()


def attrs_by(renderer, attrs: dict) -> str:
    return renderer.render("django/forms/widgets/attrs.html", {"widget": {"attrs": attrs}})


values = st.one_of(
    st.booleans(),
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(),
    st.text().map(mark_safe),
)


# No deadline: the first example builds both template engines.
@settings(deadline=None)
@given(st.dictionaries(st.text(min_size=1), values, max_size=6))
def test_any_attributes_are_written_as_djangos_template_writes_them(attrs):
    assert attrs_by(OURS, attrs) == attrs_by(DJANGO, attrs)


def test_the_awkward_values_are_written_as_django_writes_them():
    attrs = {
        "required": True,
        "disabled": False,
        "title": 'Say "no" & <mean> it',
        "data-safe": mark_safe("<b>kept</b>"),
        "placeholder": gettext_lazy("Search"),
        "maxlength": 500,
        "step": 0.5,
        "data-none": None,
    }
    ours = attrs_by(OURS, attrs)
    assert ours == attrs_by(DJANGO, attrs)
    assert ' title="Say &quot;no&quot; &amp; &lt;mean&gt; it"' in ours
    assert ' data-safe="<b>kept</b>"' in ours and " disabled" not in ours


class EveryWidget(forms.Form):
    text = forms.CharField(max_length=20, help_text="Words", initial='"quoted"')
    number = forms.IntegerField(min_value=0)
    choice = forms.ChoiceField(choices=[("a", "A & B"), ("b", "<b>")], initial="b")
    several = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.CheckboxSelectMultiple
    )
    flag = forms.BooleanField(required=False, initial=True)
    when = forms.SplitDateTimeField()
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2, "data-x": "1 > 0"}))


def test_whole_forms_render_the_same():
    for form_class in (EveryWidget, ActionForm):
        assert str(form_class(renderer=OURS)) == str(form_class(renderer=DJANGO))
        bound = form_class({"text": "<script>", "number": "-1"}, renderer=OURS)
        bound.is_valid()
        again = form_class({"text": "<script>", "number": "-1"}, renderer=DJANGO)
        again.is_valid()
        assert str(bound) == str(again)
    # An admin list's row checkbox, as ModelAdmin.action_checkbox makes it.
    checkbox = forms.CheckboxInput({"class": "action-select", "aria-label": "Select this object"})
    assert checkbox.render("_selected_action", "7", renderer=OURS) == checkbox.render(
        "_selected_action", "7", renderer=DJANGO
    )
